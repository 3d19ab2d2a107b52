/** Values out of range are rejected or read as missing, always with a count or a reason. */
import { describe, expect, it } from 'vitest';
import { parseChainText } from '../../../lib/chain/parse';
import { parseCboeJson } from '../../../lib/chain/cboe-json';
import { findNonFiniteNumber } from '../../../lib/chain/non-finite';
import { FIXTURES, fixtureText } from '../fixtures';
import { SIDE, csvParts, rowSides } from './raw-text';

const spx = fixtureText(FIXTURES.spx);

/** The fixture with one side cell of the first data row replaced. */
function withCell(text: string, rowOffset: number, side: 0 | 1, cell: number, value: string): { text: string; line: number } {
  const { lines, header } = csvParts(text);
  const index = header + 1 + rowOffset;
  const cells = lines[index].split(',');
  cells[(side === 0 ? 2 : 13) + cell] = value;
  const copy = [...lines];
  copy[index] = cells.join(',');
  return { text: copy.join('\n'), line: index + 1 };
}

describe('IV above 500% in the quote table', () => {
  it.each([FIXTURES.spx, FIXTURES.spy, FIXTURES.nvda])('%s: each one is missing IV, counted as in the JSON parser', (name) => {
    const text = fixtureText(name);
    // Independently of the parser: IV cells above 5 (500%) in the raw rows.
    const placeholders = csvParts(text).rows.flatMap((row) =>
      rowSides(row)
        .sides.filter((side) => Number(side.cells[SIDE.iv]) > 5)
        .map((side) => side.symbol),
    );
    expect(placeholders.length).toBeGreaterThan(0);
    const snapshot = parseChainText(text);
    expect(snapshot.warnings).toContain(`${placeholders.length} IV values above 500% were taken as placeholders and treated as missing`);
    for (const symbol of placeholders) expect(snapshot.contracts.find((contract) => contract.occ === symbol)?.iv).toBeNull();
  });
});

describe('counts', () => {
  it('negative open interest or volume rejects that side with its reason; the other side stays', () => {
    const { text, line } = withCell(spx, 3, 0, SIDE.openInterest, '-24');
    const snapshot = parseChainText(text);
    expect(snapshot.rejected).toEqual([{ where: `line ${line}`, reason: 'call: open interest -24 is negative' }]);
    expect(snapshot.contracts.length).toBe(csvParts(spx).rows.length * 2 - 1);
    const volume = withCell(spx, 3, 1, SIDE.volume, '-1');
    expect(parseChainText(volume.text).rejected).toEqual([{ where: `line ${volume.line}`, reason: 'put: volume -1 is negative' }]);
  });

  it('a count that is not a number, or beyond any real count, rejects the side too', () => {
    const text = withCell(spx, 3, 0, SIDE.openInterest, 'lots').text;
    expect(parseChainText(text).rejected[0].reason).toBe('call: open interest "lots" is not a number');
    expect(parseChainText(withCell(spx, 3, 0, SIDE.openInterest, '1e300').text).rejected[0].reason).toBe(
      'call: open interest 1e+300 is not a plausible count',
    );
  });

  it('in JSON, a negative count rejects the record, naming it', () => {
    const snapshot = parseCboeJson({
      timestamp: '2024-01-08 16:00:00',
      data: {
        current_price: 450,
        options: [
          { option: 'SPY240119C00450000', iv: 0.15, open_interest: -5 },
          { option: 'SPY240119P00450000', iv: 0.15, open_interest: 5 },
        ],
      },
    });
    expect(snapshot.rejected).toEqual([{ where: 'options[0]', reason: 'open interest -5 is negative' }]);
    expect(snapshot.contracts.length).toBe(1);
  });
});

describe('prices and greeks', () => {
  it('a negative bid or ask is missing, and counted', () => {
    let text = withCell(spx, 3, 0, SIDE.bid, '-1.5').text;
    text = withCell(text, 3, 1, SIDE.ask, '-0.05').text;
    const snapshot = parseChainText(text);
    const row = rowSides(csvParts(spx).rows[3]);
    expect(snapshot.contracts.find((contract) => contract.occ === row.sides[0].symbol)?.bid).toBeNull();
    expect(snapshot.contracts.find((contract) => contract.occ === row.sides[1].symbol)?.ask).toBeNull();
    expect(snapshot.warnings).toContain('2 negative bid, ask or last prices were read as missing');
    expect(snapshot.rejected).toEqual([]);
  });

  it('huge, non-finite or non-numeric prices and greeks are missing, and counted', () => {
    let text = spx;
    for (const [cell, value] of [
      [SIDE.bid, '1e300'],
      [SIDE.ask, 'NaN'],
      [SIDE.delta, '-Infinity'],
      [SIDE.gamma, '99999'],
      [SIDE.last, 'n/a'],
    ] as const) {
      text = withCell(text, 5, 0, cell, value).text;
    }
    const snapshot = parseChainText(text);
    const call = snapshot.contracts.find((contract) => contract.occ === rowSides(csvParts(spx).rows[5]).sides[0].symbol);
    expect(call).toMatchObject({ bid: null, ask: null, delta: null, gamma: null, last: null });
    expect(snapshot.warnings).toContain(
      '5 prices, greeks or times that cannot be real (not numbers, or beyond any real value) were read as missing',
    );
  });
});

describe('spot', () => {
  const lastLine = (value: string) => spx.replace('Last: 4697.2402,', `Last: ${value},`);

  it.each([
    ['0', /0 is not a positive price/],
    ['-4697.24', /-4697.24 is not a positive price/],
    ['1e300', /1e\+300 is beyond any real price/],
    ['1e-320', /1e-320 is below any real price/],
    ['NaN', /"NaN" is not a number/],
    ['', /it is blank/],
  ])('"Last: %s" is no spot, with a warning saying why', (value, why) => {
    const snapshot = parseChainText(lastLine(value));
    expect(snapshot.spot).toBeNull();
    const warning = snapshot.warnings.find((text) => text.includes('"Last:"'));
    expect(warning).toMatch(/^the underlying's "Last:" price on line 2 cannot be used as spot/);
    expect(warning).toMatch(why);
  });

  it('JSON: an unusable current_price falls back to close, saying so', () => {
    const options = [{ option: 'SPY240119C00450000', iv: 0.15, open_interest: 5 }];
    const snapshot = parseCboeJson({ timestamp: '2024-01-08 16:00:00', data: { current_price: 1e300, close: 449.5, options } });
    expect(snapshot.spot).toBe(449.5);
    expect(snapshot.warnings[0]).toBe("the data's current_price cannot be used as the underlying price: 1e+300 is beyond any real price");
    const none = parseCboeJson({ timestamp: '2024-01-08 16:00:00', data: { current_price: -1, options } });
    expect(none.spot).toBeNull();
    expect(none.warnings.join('\n')).toMatch(/no usable current_price or close/);
  });
});

describe('every number in a snapshot is finite or null', () => {
  it.each(Object.values(FIXTURES))('%s', (name) => {
    expect(findNonFiniteNumber(parseChainText(fixtureText(name)), 'snapshot')).toBeNull();
  });
});
