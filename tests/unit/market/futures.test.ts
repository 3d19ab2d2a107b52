/** Quarterly index futures: which contract a chart symbol means at an instant, and when it settles. */
import { describe, expect, it } from 'vitest';
import { nthQuarterly, resolveFuturesContract } from '../../../lib/market/futures';

const utc = (iso: string) => Date.parse(iso);
const asOf = utc('2024-01-07T15:52:00Z'); // the SPX sample's as-of, a Sunday

describe('quarterly settlement dates', () => {
  it('a December quarterly in a holiday-free week settles on the third Friday at 09:30 New York', () => {
    // December 2026: the 1st is a Tuesday, so the Fridays are the 4th, 11th and 18th.
    const contract = resolveFuturesContract('ESZ2026', asOf)!;
    expect(contract).toMatchObject({ root: 'ES', year: 2026, month: 12, code: 'ESZ2026', settlementDate: '2026-12-18', named: 'dated' });
    expect(new Date(contract.settlement).toISOString()).toBe('2026-12-18T14:30:00.000Z'); // 09:30 EST
  });

  it('moves to the trading day before when the third Friday is a holiday', () => {
    // Juneteenth 2026 falls on Friday, June 19, the third Friday of June: Thursday the 18th.
    const june = resolveFuturesContract('ESM2026', asOf)!;
    expect(june.settlementDate).toBe('2026-06-18');
    expect(new Date(june.settlement).toISOString()).toBe('2026-06-18T13:30:00.000Z'); // 09:30 EDT
    // Good Friday 2008 was March 21, the third Friday of March: Thursday the 20th.
    expect(resolveFuturesContract('ESH2008', utc('2008-01-02T15:00:00Z'))!.settlementDate).toBe('2008-03-20');
  });

  it('the March 2024 quarterly of the SPX sample settles on 2024-03-15', () => {
    expect(resolveFuturesContract('ES1!', asOf)).toMatchObject({ code: 'ESH2024', settlementDate: '2024-03-15', named: 'continuous' });
  });
});

describe('chart symbols', () => {
  it('reads continuous, bare, dated and prefixed symbols the same way', () => {
    const code = (symbol: string) => resolveFuturesContract(symbol, asOf)?.code ?? null;
    expect(code('ES1!')).toBe('ESH2024');
    expect(code('CME_MINI:ES1!')).toBe('ESH2024');
    expect(code('ES')).toBe('ESH2024');
    expect(code('ES2!')).toBe('ESM2024');
    expect(code('NQ1!')).toBe('NQH2024');
    expect(code('MES1!')).toBe('MESH2024');
    expect(code('M2K2!')).toBe('M2KM2024');
    expect(code('ESZ2026')).toBe('ESZ2026');
    expect(code('ESZ26')).toBe('ESZ2026');
    expect(code('ESZ6')).toBe('ESZ2026');
    expect(code('ESH4')).toBe('ESH2024');
    expect(code('ESZ3')).toBe('ESZ2023'); // the nearest year with that digit: last year's, already settled
    expect(code('CME_MINI:ESH2027')).toBe('ESH2027');
    expect(code('MNQU25')).toBe('MNQU2025');
  });

  it('is null for what is not a quarterly index future', () => {
    for (const symbol of ['SPX', 'SPY', 'AAPL', 'ESF2026', 'ESZ202', 'CL1!', 'ES0!', ''])
      expect(resolveFuturesContract(symbol, asOf)).toBeNull();
  });
});

describe('the continuous contract rolls at the settlement instant', () => {
  it('ES1! is March 2024 until 09:30 New York on 2024-03-15, then June 2024', () => {
    const settlement = utc('2024-03-15T13:30:00Z'); // 09:30 EDT (DST began March 10)
    expect(resolveFuturesContract('ES1!', settlement - 60000)!.code).toBe('ESH2024');
    expect(resolveFuturesContract('ES2!', settlement - 60000)!.code).toBe('ESM2024');
    expect(resolveFuturesContract('ES1!', settlement)!.code).toBe('ESM2024');
    expect(resolveFuturesContract('ES2!', settlement)!.code).toBe('ESU2024');
    expect(nthQuarterly('ES', 4, settlement).code).toBe('ESH2025');
  });

  it("late December rolls into the next year's March contract", () => {
    expect(resolveFuturesContract('ES1!', utc('2024-12-20T15:00:00Z'))!.code).toBe('ESH2025'); // after 09:30 on Dec 20
    expect(resolveFuturesContract('ES1!', utc('2024-12-20T14:00:00Z'))!.code).toBe('ESZ2024');
  });
});
