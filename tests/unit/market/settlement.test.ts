import { describe, expect, it } from 'vitest';
import { settlementInstant, settlementStyle, underlyingOfRoot } from '../../../lib/market/settlement';
import { classifyExpiries, isMonthlyOpex, monthlyOpexDate } from '../../../lib/market/expiry-classes';

const utc = (iso: string) => Date.parse(iso);

describe('settlement instants', () => {
  it('settles monthly SPX at the 09:30 open and SPXW at the 16:00 close of the same date', () => {
    expect(settlementStyle('SPX')).toBe('AM');
    expect(settlementStyle('SPXW')).toBe('PM');
    expect(settlementInstant('SPX', '2024-01-19')).toBe(utc('2024-01-19T14:30:00Z'));
    expect(settlementInstant('SPXW', '2024-01-19')).toBe(utc('2024-01-19T21:00:00Z'));
    // Summer time: 09:30 EDT is 13:30 UTC.
    expect(settlementInstant('NDX', '2024-06-21')).toBe(utc('2024-06-21T13:30:00Z'));
    expect(settlementInstant('NDXP', '2024-06-21')).toBe(utc('2024-06-21T20:00:00Z'));
  });

  it('settles PM contracts at the early close', () => {
    expect(settlementInstant('SPY', '2024-11-29')).toBe(utc('2024-11-29T18:00:00Z'));
  });

  it('maps weekly and adjusted roots to their underlying', () => {
    expect(underlyingOfRoot('SPXW')).toBe('SPX');
    expect(underlyingOfRoot('NDXP')).toBe('NDX');
    expect(underlyingOfRoot('VIXW')).toBe('VIX');
    expect(underlyingOfRoot('TSLA1')).toBe('TSLA');
    expect(underlyingOfRoot('NVDA')).toBe('NVDA');
  });
});

describe('expiry classes', () => {
  it('finds the monthly OPEX, moving it to Thursday when the third Friday is a holiday', () => {
    expect(monthlyOpexDate(2024, 1)).toBe('2024-01-19');
    expect(monthlyOpexDate(2025, 4)).toBe('2025-04-17'); // April 18, 2025 is Good Friday
    expect(monthlyOpexDate(2026, 6)).toBe('2026-06-18'); // June 19, 2026 is Juneteenth
    expect(isMonthlyOpex('2024-01-12')).toBe(false);
  });

  it("classifies a chain's expiries relative to an instant", () => {
    const expiries = ['2024-01-05', '2024-01-08', '2024-01-09', '2024-01-12', '2024-01-19', '2024-03-15'];
    const settles = (expiry: string) => settlementInstant('SPXW', expiry);
    const sunday = classifyExpiries(expiries, utc('2024-01-07T15:52:00Z'), settles);
    expect(sunday).toEqual({
      sessionDate: '2024-01-08',
      zeroDte: ['2024-01-08'],
      next: '2024-01-08',
      nextWeekly: '2024-01-12',
      nextMonthly: '2024-01-19',
      nextQuarterly: '2024-03-15',
    });
    // Monday after the close: the Monday expiry has settled; Tuesday is the next session's 0DTE.
    const mondayEvening = classifyExpiries(expiries, utc('2024-01-08T21:30:00Z'), settles);
    expect(mondayEvening.zeroDte).toEqual(['2024-01-09']);
    expect(mondayEvening.next).toBe('2024-01-09');
  });
});
