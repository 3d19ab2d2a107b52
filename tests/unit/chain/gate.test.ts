/** The gate between a new chain and the last good levels: what it keeps, what it refuses and why. */
import { describe, expect, it } from 'vitest';
import { parseChainText } from '../../../lib/chain/parse';
import { parseCboeJson } from '../../../lib/chain/cboe-json';
import { checkChain, summarizeChain, underlyingOfTicker, type ChainCheck, type ChainSummary } from '../../../lib/chain/gate';
import { describeNonFinite, findNonFiniteNumber } from '../../../lib/chain/non-finite';
import { FIXTURES, fixtureText } from '../fixtures';
import { SIDE, csvParts, rowSides } from './raw-text';

const spx = fixtureText(FIXTURES.spx);
const spxSnapshot = parseChainText(spx);
const spxSummary = summarizeChain(spxSnapshot);

function refusal(check: ChainCheck): { code: string; reason: string } {
  if (check.ok) throw new Error(`expected a refusal, got ok with ${JSON.stringify(check.warnings)}`);
  return { code: check.code, reason: check.reason };
}

describe('summarizeChain', () => {
  it('counts the SPX fixture as its raw text does', () => {
    const { rows } = csvParts(spx);
    // As-of is Sunday 2024-01-07: only Friday January 5 has settled.
    const liveSides = rows
      .map(rowSides)
      .filter((row) => row.expiry !== 'Fri Jan 05 2024')
      .flatMap((row) => row.sides.map((side) => ({ strike: row.strike, openInterest: Number(side.cells[SIDE.openInterest]) })))
      .filter((side) => side.openInterest > 0);
    expect(spxSummary).toMatchObject({
      provider: 'cboe-csv',
      underlying: 'SPX',
      spot: 4697.2402,
      contracts: rows.length * 2,
      liveContracts: liveSides.length,
      lowestStrike: Math.min(...liveSides.map((side) => side.strike)),
      highestStrike: Math.max(...liveSides.map((side) => side.strike)),
      repeatedContracts: 0,
    });
    const liveExpiries = new Set(rows.map((row) => row.split(',')[0]).filter((expiry) => expiry !== 'Fri Jan 05 2024'));
    expect(spxSummary.expiries.length).toBe(liveExpiries.size);
  });

  it('estimates spot by call/put parity like a trader would on the raw quotes', () => {
    const { rows } = csvParts(spx);
    const mid = (cells: string[]) => (Number(cells[SIDE.bid]) + Number(cells[SIDE.ask])) / 2;
    // The three nearest live expiries: at each, K + C - P at the strike where C and P are closest.
    const byExpiry = new Map<string, number>();
    for (const row of rows.map(rowSides)) {
      if (row.expiry === 'Fri Jan 05 2024' || row.sides[0].symbol.startsWith('SPX2')) continue;
      const [call, put] = row.sides.map((side) => side.cells);
      if (!(Number(call[SIDE.ask]) > 0 && Number(put[SIDE.ask]) > 0)) continue;
      const gap = Math.abs(mid(call) - mid(put));
      const best = byExpiry.get(`${row.expiry}|gap`);
      if (best === undefined || gap < best) {
        byExpiry.set(`${row.expiry}|gap`, gap);
        byExpiry.set(row.expiry, row.strike + mid(call) - mid(put));
      }
    }
    const firstThree = ['Mon Jan 08 2024', 'Tue Jan 09 2024', 'Wed Jan 10 2024']
      .map((expiry) => byExpiry.get(expiry) as number)
      .sort((a, b) => a - b);
    expect(spxSummary.paritySpot).toBeCloseTo(firstThree[1], 6);
    expect(Math.abs((spxSummary.paritySpot as number) / 4697.2402 - 1)).toBeLessThan(0.005);
  });

  it('is small enough to keep beside the levels', () => {
    expect(JSON.stringify(spxSummary).length).toBeLessThan(8000);
  });
});

describe('checkChain passes real chains', () => {
  it.each([
    [FIXTURES.spx, 'SPX'],
    [FIXTURES.spy, 'SPY'],
    [FIXTURES.nvda, 'NVDA'],
    [FIXTURES.spyJson, 'SPY'],
  ])('%s as %s, alone and against itself as the last good chain', (name, ticker) => {
    const snapshot = parseChainText(fixtureText(name));
    expect(checkChain(snapshot, { ticker })).toMatchObject({ ok: true, warnings: [] });
    expect(checkChain(snapshot, { ticker, previous: summarizeChain(snapshot) })).toMatchObject({ ok: true, warnings: [] });
  });

  it('takes the index and weekly spellings of a ticker', () => {
    for (const ticker of ['SPX', '_SPX', '^spx', 'SPXW', ' $SPX ']) expect(checkChain(spxSnapshot, { ticker }).ok).toBe(true);
    expect(underlyingOfTicker('NDXP')).toBe('NDX');
    expect(underlyingOfTicker('I:NDX')).toBe('NDX');
    expect(underlyingOfTicker('BRK.B')).toBe('BRKB');
    expect(underlyingOfTicker('TSLA1')).toBe('TSLA');
  });

  it('a 20% market move since the last good chain passes, with a warning', () => {
    for (const factor of [1.2, 0.8]) {
      const previous: ChainSummary = { ...spxSummary, spot: 4697.2402 / factor };
      const check = checkChain(spxSnapshot, { ticker: 'SPX', previous });
      expect(check.ok).toBe(true);
      expect(check.ok && check.warnings[0]).toMatch(
        /^spot moved (up|down) 20% since the last good chain \([\d,.]+, 2024-01-07 15:52 UTC\)$/,
      );
    }
  });
});

describe('checkChain refuses', () => {
  it('SPY data served as SPX', () => {
    const spy = parseChainText(fixtureText(FIXTURES.spy));
    expect(refusal(checkChain(spy, { ticker: 'SPX' }))).toEqual({
      code: 'wrong-underlying',
      reason: `this is a SPY option chain, not SPX: ${(csvParts(fixtureText(FIXTURES.spy)).rows.length * 2).toLocaleString('en-US')} contracts around 450.81`,
    });
  });

  it("a chain of another underlying than the feed's last good one, even with no ticker given", () => {
    const spy = parseChainText(fixtureText(FIXTURES.spy));
    expect(refusal(checkChain(spy, { previous: spxSummary }))).toEqual({
      code: 'wrong-underlying',
      reason: 'this is a SPY option chain, but the last good chain of this feed was SPX',
    });
  });

  it('a JSON that says SPX but holds SPY options', () => {
    const snapshot = parseCboeJson({
      timestamp: '2024-01-08 16:00:00',
      symbol: '_SPX',
      data: { current_price: 4700, options: [{ option: 'SPY240119C00450000', iv: 0.15, open_interest: 5 }] },
    });
    expect(refusal(checkChain(snapshot))).toEqual({ code: 'wrong-underlying', reason: 'the data says SPX but its options are on SPY' });
  });

  it('a file joined with itself', () => {
    const { reason, code } = refusal(checkChain(parseChainText(spx + spx), { ticker: 'SPX' }));
    expect(code).toBe('repeated-contracts');
    expect(reason).toMatch(
      /^the same contracts appear more than once \(21,038 repeats, e\.g\. line \d+: call: repeats SPXW240105C01200000, first given on line 5\); the file looks joined with itself$/,
    );
  });

  it('a file the parser saw cut off', () => {
    expect(refusal(checkChain(parseChainText(spx.slice(0, -1)), { ticker: 'SPX' }))).toEqual({
      code: 'cut-off',
      reason: `looks cut off: the last row, line ${csvParts(spx).lines.length - 1}, does not end with a newline`,
    });
  });

  it('contracts collapsing against the last good chain', () => {
    // The first six expiries, whole (so the chain's own shape looks complete).
    const { lines, header, rows } = csvParts(spx);
    const expiries = [...new Set(rows.map((row) => row.split(',')[0]))];
    const kept = rows.filter((row) => expiries.indexOf(row.split(',')[0]) < 6).length;
    const first = parseChainText(`${lines.slice(0, header + 1 + kept).join('\n')}\n`);
    expect(first.integrity?.cutOff).toBeNull();
    const { code, reason } = refusal(checkChain(first, { ticker: 'SPX', previous: spxSummary }));
    expect(code).toBe('cut-off');
    expect(reason).toMatch(
      /^looks cut off: [\d,]+ contracts against [\d,]+ in the last good chain \(2024-01-07 15:52 UTC\) on the expiries both should list$/,
    );
  });

  it("a spot outside the strikes, or far from the chain's own parity price", () => {
    const outside = parseChainText(spx.replace('Last: 4697.2402,', 'Last: 100,'));
    expect(refusal(checkChain(outside, { ticker: 'SPX' }))).toEqual({
      code: 'spot-mismatch',
      reason: "spot 100 lies outside the chain's strikes (200 to 12,000): the price does not belong to this chain",
    });
    const spyPrice = parseChainText(spx.replace('Last: 4697.2402,', 'Last: 450.81,'));
    const { code, reason } = refusal(checkChain(spyPrice, { ticker: 'SPX' }));
    expect(code).toBe('spot-mismatch');
    expect(reason).toMatch(/^spot 450\.81 does not fit the chain's own prices: call\/put parity puts SPX near 4,69\d/);
  });

  it("a spot far from the last good chain's", () => {
    const previous: ChainSummary = { ...spxSummary, spot: 4697.2402 * 2 };
    expect(refusal(checkChain(spxSnapshot, { ticker: 'SPX', previous }))).toEqual({
      code: 'spot-mismatch',
      reason: "spot 4,697.24 is 50% below the last good chain's 9,394.48 (2024-01-07 15:52 UTC): not the same market",
    });
  });

  it('a chain without usable contracts', () => {
    const { lines, header } = csvParts(spx);
    const noInterest = lines.map((line, index) => {
      if (index <= header || line === '') return line;
      const cells = line.split(',');
      cells[2 + SIDE.openInterest] = '0';
      cells[13 + SIDE.openInterest] = '0';
      return cells.join(',');
    });
    expect(refusal(checkChain(parseChainText(noInterest.join('\n')), { ticker: 'SPX' }))).toEqual({
      code: 'no-usable-contracts',
      reason: 'no usable contracts: none of the 21,038 contracts is open at as-of with open interest',
    });
  });

  it('a chain with no spot and no quotes to estimate one', () => {
    const snapshot = parseCboeJson({
      timestamp: '2024-01-08 16:00:00',
      data: { options: [{ option: 'SPY240119C00450000', iv: 0.15, open_interest: 5 }] },
    });
    expect(refusal(checkChain(snapshot, { ticker: 'SPY' }))).toEqual({
      code: 'no-spot',
      reason: 'the chain gives no usable underlying price, and none can be estimated from call/put parity',
    });
  });
});

describe('findNonFiniteNumber', () => {
  it('names the first number that is not finite, with its path', () => {
    expect(findNonFiniteNumber({ flip: 4700, flips: [{ spot: 4700 }, { spot: Number.NaN }], totalGex: Infinity }, 'levels')).toEqual({
      path: 'levels.flips[1].spot',
      value: Number.NaN,
    });
    expect(findNonFiniteNumber({ a: new Float64Array([1, 2, -Infinity]) })).toEqual({ path: 'result.a[2]', value: -Infinity });
    expect(describeNonFinite({ totalGex: Number.NaN }, 'levels')).toBe('a result is not finite: levels.totalGex is NaN');
  });

  it('passes finite results, nulls and strings, and survives cycles and deep nesting', () => {
    const cyclic: Record<string, unknown> = { value: 1, label: 'x', missing: null };
    cyclic.self = cyclic;
    expect(findNonFiniteNumber(cyclic)).toBeNull();
    let deep: unknown = 1;
    for (let depth = 0; depth < 100000; depth++) deep = [deep];
    expect(findNonFiniteNumber(deep)).toBeNull();
  });
});
