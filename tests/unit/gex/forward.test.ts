/**
 * Forwards by put-call parity, checked by hand against the raw quote-table rows of the SPX sample,
 * and the futures basis they give an ES chart.
 */
import { describe, expect, it } from 'vitest';
import { parseChainText } from '../../../lib/chain/parse';
import { forwardsByExpiry, FORWARD_STRIKES } from '../../../lib/gex/forward';
import { futuresBasis, futuresBasisForSymbol } from '../../../lib/gex/futures-basis';
import { computeLevels } from '../../../lib/gex/levels';
import { resolveFuturesContract } from '../../../lib/market/futures';
import { mapChartSymbol } from '../../../lib/market/symbol-map';
import { levelsToDraw } from '../../../lib/chart/levels/level-labels';
import { FIXTURES, fixtureText } from '../fixtures';
import { syntheticSnapshot } from './synthetic';

const spx = parseChainText(fixtureText(FIXTURES.spx));
const SPOT = 4697.2402;

/** Mid prices of the AM SPX 2024-03-15 rows, read from the CSV text: strike -> [call mid, put mid]. */
function rawMarch15Mids(): Map<number, [number, number]> {
  const mids = new Map<number, [number, number]>();
  for (const line of fixtureText(FIXTURES.spx).split('\n')) {
    const f = line.split(',');
    if (!f[1]?.startsWith('SPX240315C')) continue; // the AM root; SPXW240315 rows are the PM series
    const [callBid, callAsk, putBid, putAsk] = [Number(f[4]), Number(f[5]), Number(f[15]), Number(f[16])];
    if (callBid > 0 && callAsk >= callBid && putBid > 0 && putAsk >= putBid)
      mids.set(Number(f[11]), [(callBid + callAsk) / 2, (putBid + putAsk) / 2]);
  }
  return mids;
}

describe('forward per expiry by put-call parity', () => {
  it('the AM SPX 2024-03-15 forward is the median of K + e^(rT)(C - P) at the 5 strikes nearest spot, by hand', () => {
    const mids = rawMarch15Mids();
    // Nearest 4697.24 with both sides quoted: 4695, 4700, 4690, 4705, 4685.
    const nearest = [...mids.keys()].sort((a, b) => Math.abs(a - SPOT) - Math.abs(b - SPOT)).slice(0, 5);
    expect(nearest).toEqual([4695, 4700, 4690, 4705, 4685]);
    // From the rows: 4695 C 124.1/124.9 P 82.6/83.3; 4700 C 120.9/121.6 P 84.3/85; 4690 C 127.2/128.2 P 80.9/81.6;
    // 4705 C 117.7/118.4 P 86.1/86.8; 4685 C 130.5/131.5 P 79.3/79.9.
    expect(mids.get(4695)![0]).toBeCloseTo(124.5, 12);
    expect(mids.get(4695)![1]).toBeCloseTo(82.95, 12);
    // T: Sunday 2024-01-07 10:52 EST to Friday 2024-03-15 09:30 EDT = 67 days 21 h 38 min.
    const years = (67 * 1440 + 21 * 60 + 38) / (365 * 1440);
    const rate = 0.053;
    const byStrike = nearest.map((strike) => strike + Math.exp(rate * years) * (mids.get(strike)![0] - mids.get(strike)![1]));
    const median = [...byStrike].sort((a, b) => a - b)[2];
    // r = 0: 4736.55, 4736.60, 4736.45, 4736.60, 4736.40 -> median 4736.55.
    expect(nearest.map((strike) => strike + mids.get(strike)![0] - mids.get(strike)![1]).map((value) => value.toFixed(2))).toEqual([
      '4736.55',
      '4736.60',
      '4736.45',
      '4736.60',
      '4736.40',
    ]);
    const forwards = forwardsByExpiry(spx, { rate });
    const am = forwards.find((forward) => forward.expiry === '2024-03-15' && forward.roots.includes('SPX'))!;
    expect(am.roots).toEqual(['SPX']);
    expect(am.strikesUsed).toEqual(nearest);
    expect(am.forward).toBeCloseTo(median, 9);
    expect(am.years).toBeCloseTo(years, 12);
    expect(FORWARD_STRIKES).toBe(5);
  });

  it('keeps one forward per settlement instant, in settlement order, and none for settled ones', () => {
    const forwards = forwardsByExpiry(spx);
    const march = forwards.filter((forward) => forward.expiry === '2024-03-15');
    expect(march.map((forward) => forward.roots.join())).toEqual(['SPX', 'SPXW']);
    expect(march[0].settlement).toBe(Date.parse('2024-03-15T13:30:00Z'));
    expect(march[1].settlement).toBe(Date.parse('2024-03-15T20:00:00Z'));
    expect(forwards.every((forward, k) => k === 0 || forward.settlement > forwards[k - 1].settlement)).toBe(true);
    expect(forwards.some((forward) => forward.expiry === '2024-01-05')).toBe(false); // settled before as-of
  });

  it('takes the median of fewer strikes when fewer are quoted on both sides, and needs a bid', () => {
    const snapshot = syntheticSnapshot({
      spot: 100,
      contracts: [
        { type: 'C', strike: 100, openInterest: 0, iv: 0.2, bid: 3.0, ask: 3.2 },
        { type: 'P', strike: 100, openInterest: 0, iv: 0.2, bid: 2.0, ask: 2.2 },
        { type: 'C', strike: 105, openInterest: 0, iv: 0.2, bid: 1.0, ask: 1.2 },
        { type: 'P', strike: 105, openInterest: 0, iv: 0.2, bid: 4.9, ask: 5.3 },
        { type: 'C', strike: 95, openInterest: 0, iv: 0.2, bid: 0, ask: 6.2 }, // no bid: not used
        { type: 'P', strike: 95, openInterest: 0, iv: 0.2, bid: 0.9, ask: 1.1 },
      ],
    });
    const [forward] = forwardsByExpiry(snapshot);
    expect(forward.strikesUsed).toEqual([100, 105]);
    // 100 + 3.1 - 2.1 = 101; 105 + 1.1 - 5.1 = 101. Median of two: their mean.
    expect(forward.forward).toBeCloseTo(101, 12);
  });
});

describe("futures basis from the chain's forwards", () => {
  const forwards = forwardsByExpiry(spx);

  it('maps an ES chart with the forward-derived basis (SPX sample: ESH2024 settles with the AM SPX Mar-15 options)', () => {
    const mapped = mapChartSymbol('CME_MINI:ES1!')!;
    expect(mapped.underlying).toBe('SPX');
    const contract = resolveFuturesContract('CME_MINI:ES1!', spx.asOf)!;
    expect(contract.settlementDate).toBe('2024-03-15');
    const basis = futuresBasis(contract, forwards, SPOT, spx.asOf)!;
    // r = 0 parity median 4736.55 (above, by hand) minus spot 4697.2402.
    expect(basis.exact).toBe(true);
    expect(basis.expiry).toBe('2024-03-15');
    expect(basis.forward).toBeCloseTo(4736.55, 9);
    expect(basis.basis).toBeCloseTo(4736.55 - SPOT, 9);
    expect(basis.description).toBe('basis +39.3 from the SPX Mar-15 forward');
    // The levels placed on the ES chart: each option-derived price plus the basis.
    const levels = computeLevels(spx);
    const drawn = levelsToDraw(levels, null, basis.basis);
    expect(drawn.find((level) => level.kind === 'flip')!.price).toBeCloseTo(levels.flip! + 39.3098, 9);
    expect(drawn.find((level) => level.kind === 'call-wall')!.price).toBeCloseTo(4800 + 39.3098, 9);
  });

  it('interpolates the carry in time when no options expiry falls on the settlement date', () => {
    // ESU2025 settles 2025-09-19; the sample lists SPX 2025-06-20 and 2025-12-19 around it.
    const result = futuresBasisForSymbol('ESU2025', forwards, SPOT, spx.asOf)!;
    expect(result.exact).toBe(false);
    const [before, after] = result.from;
    expect([before.expiry, after.expiry]).toEqual(['2025-06-20', '2025-12-19']);
    const years = (Date.parse('2025-09-19T13:30:00Z') - spx.asOf) / (365 * 86400000);
    const carry = (forward: number) => Math.log(forward / SPOT);
    const expected =
      SPOT *
      Math.exp(
        carry(before.forward) + ((carry(after.forward) - carry(before.forward)) * (years - before.years)) / (after.years - before.years),
      );
    expect(result.forward).toBeCloseTo(expected, 9);
    expect(result.forward).toBeGreaterThan(before.forward);
    expect(result.forward).toBeLessThan(after.forward);
    expect(result.description).toMatch(
      /^basis \+\d+\.\d interpolated between the SPX Jun-20 and SPX Dec-19 forwards \(no options expiry on Sep-19\)$/,
    );
  });

  it("extends the nearest expiry's carry rate beyond the chain, and says so", () => {
    const result = futuresBasisForSymbol('ESZ2030', forwards, SPOT, spx.asOf)!;
    const last = forwards[forwards.length - 1];
    expect(last.expiry).toBe('2029-12-21');
    const years = (Date.parse('2030-12-20T14:30:00Z') - spx.asOf) / (365 * 86400000);
    expect(result.forward).toBeCloseTo(SPOT * Math.exp((Math.log(last.forward / SPOT) / last.years) * years), 9);
    expect(result.exact).toBe(false);
    expect(result.description).toMatch(/extrapolated from the SPX Dec-21 forward's carry \(no options expiry on Dec-20\)$/);
  });

  it('is null for symbols that are no quarterly index future, and for settled contracts', () => {
    expect(futuresBasisForSymbol('SPX', forwards, SPOT, spx.asOf)).toBeNull();
    expect(futuresBasisForSymbol('ESZ2023', forwards, SPOT, spx.asOf)).toBeNull();
  });
});
