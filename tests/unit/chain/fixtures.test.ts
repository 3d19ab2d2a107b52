/**
 * The four real CBOE files parse to the right contract counts, spots, as-of instants, roots and
 * settlement instants. Expected counts are computed here from the raw text, independently of the parser.
 */
import { describe, expect, it } from 'vitest';
import { parseChainText } from '../../../lib/chain/parse';
import { parseCboeJson } from '../../../lib/chain/cboe-json';
import { FIXTURES, fixtureText } from '../fixtures';

const utc = (iso: string) => Date.parse(iso);

/** Option rows after the header line, counted from the raw text. */
function csvRows(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const header = lines.findIndex((line) => line.startsWith('Expiration Date,'));
  return lines.slice(header + 1).filter((line) => line.trim() !== '');
}

describe('CBOE quote-table CSV fixtures', () => {
  it('SPX 2024-01-07: both roots, AM monthly vs PM weekly, Friday expiries flagged expired', () => {
    const text = fixtureText(FIXTURES.spx);
    const rows = csvRows(text);
    const snapshot = parseChainText(text);
    expect(rows.length).toBe(10519);
    expect(snapshot.contracts.length).toBe(rows.length * 2);
    expect(snapshot.rejected).toEqual([]);
    expect(snapshot.underlying).toBe('SPX');
    expect(snapshot.spot).toBe(4697.2402);
    expect(snapshot.asOf).toBe(utc('2024-01-07T15:52:00Z'));
    expect(snapshot.asOfInferred).toBe(false);
    expect(new Set(snapshot.contracts.map((contract) => contract.root))).toEqual(new Set(['SPX', 'SPXW']));

    const monthlyAm = snapshot.contracts.find((contract) => contract.occ === 'SPX240119C04700000');
    const weeklyPm = snapshot.contracts.find((contract) => contract.occ === 'SPXW240119C04700000');
    expect(monthlyAm).toMatchObject({ settlementStyle: 'AM', settlement: utc('2024-01-19T14:30:00Z'), underlying: 'SPX' });
    expect(weeklyPm).toMatchObject({ settlementStyle: 'PM', settlement: utc('2024-01-19T21:00:00Z'), underlying: 'SPX' });

    // Friday January 5 settled before the Sunday as-of: flagged, kept, counted in the warnings.
    const fridayRows = rows.filter((row) => row.startsWith('Fri Jan 05 2024,')).length;
    const expired = snapshot.contracts.filter((contract) => contract.expired);
    expect(fridayRows).toBeGreaterThan(0);
    expect(expired.length).toBe(fridayRows * 2);
    expect(expired.every((contract) => contract.expiry === '2024-01-05')).toBe(true);
    expect(snapshot.warnings.some((warning) => warning.startsWith(`${fridayRows * 2} contracts had already settled`))).toBe(true);
  });

  it('reads each side of a row into the right fields', () => {
    const snapshot = parseChainText(fixtureText(FIXTURES.nvda));
    // Last row: Fri Jan 31 2025,NVDA250131C00250000,0.03,0.015,0.02,0.04,253,0.7086,0.0037,0.0004,85,250.00,
    //           NVDA250131P00250000,113.7,0,99.65,102.55,0,1.1319,-1,0,0
    const call = snapshot.contracts.find((contract) => contract.occ === 'NVDA250131C00250000');
    const put = snapshot.contracts.find((contract) => contract.occ === 'NVDA250131P00250000');
    expect(call).toMatchObject({
      type: 'C',
      strike: 250,
      last: 0.03,
      bid: 0.02,
      ask: 0.04,
      volume: 253,
      iv: 0.7086,
      delta: 0.0037,
      gamma: 0.0004,
      openInterest: 85,
    });
    expect(put).toMatchObject({
      type: 'P',
      strike: 250,
      last: 113.7,
      bid: 99.65,
      ask: 102.55,
      volume: 0,
      iv: 1.1319,
      delta: -1,
      gamma: 0,
      openInterest: 0,
    });
  });

  it("SPY 2023-09-14 after the close: EDT as-of, the day's 0DTE flagged expired", () => {
    const text = fixtureText(FIXTURES.spy);
    const rows = csvRows(text);
    const snapshot = parseChainText(text);
    expect(snapshot.contracts.length).toBe(rows.length * 2);
    expect(snapshot.spot).toBe(450.81);
    expect(snapshot.asOf).toBe(utc('2023-09-14T20:31:00Z'));
    expect(new Set(snapshot.contracts.map((contract) => contract.root))).toEqual(new Set(['SPY']));
    const sameDay = rows.filter((row) => row.startsWith('Thu Sep 14 2023,')).length;
    expect(snapshot.contracts.filter((contract) => contract.expired).length).toBe(sameDay * 2);
    expect(snapshot.contracts.find((contract) => contract.expiry === '2023-09-15')?.settlement).toBe(utc('2023-09-15T20:00:00Z'));
  });

  it('NVDA 2025-01-06 evening: EST as-of crosses into the next UTC day', () => {
    const snapshot = parseChainText(fixtureText(FIXTURES.nvda));
    expect(snapshot.contracts.length).toBe(543 * 2);
    expect(snapshot.spot).toBe(150.2802);
    expect(snapshot.asOf).toBe(utc('2025-01-07T02:30:00Z'));
    expect(snapshot.contracts.filter((contract) => contract.expired)).toEqual([]);
  });
});

describe('CBOE delayed-quotes JSON fixture (older schema, no timestamp)', () => {
  const text = fixtureText(FIXTURES.spyJson);
  const raw = JSON.parse(text) as { options: { option: string; iv: number }[]; current_price: number };

  it('parses every contract and infers as-of, saying so', () => {
    const snapshot = parseChainText(text);
    expect(snapshot.contracts.length).toBe(raw.options.length);
    expect(snapshot.contracts.length).toBe(9798);
    expect(snapshot.underlying).toBe('SPY');
    expect(snapshot.spot).toBe(raw.current_price);
    // First expiry is Friday 2022-04-01: as-of is the close of Thursday 2022-03-31 (16:00 EDT).
    expect(snapshot.asOf).toBe(utc('2022-03-31T20:00:00Z'));
    expect(snapshot.asOfInferred).toBe(true);
    expect(snapshot.warnings.join('\n')).toMatch(/no timestamp; as-of was inferred/);
    expect(snapshot.contracts.filter((contract) => contract.expired)).toEqual([]);
  });

  it('uses a caller-supplied as-of, and treats the 26.001 IV placeholders as missing', () => {
    const asOf = utc('2022-03-31T18:00:00Z');
    const snapshot = parseCboeJson(text, { asOf });
    expect(snapshot.asOf).toBe(asOf);
    expect(snapshot.warnings.join('\n')).toMatch(/supplied by the caller/);
    const placeholders = raw.options.filter((option) => option.iv > 5).length;
    expect(placeholders).toBeGreaterThan(0);
    const farPut = snapshot.contracts.find((contract) => contract.occ === 'SPY220401P00200000');
    expect(farPut?.iv).toBeNull();
    expect(farPut?.openInterest).toBe(609);
  });
});
