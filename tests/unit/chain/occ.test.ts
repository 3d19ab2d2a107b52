import { describe, expect, it } from 'vitest';
import { formatOcc, parseOcc } from '../../../lib/chain/occ';

describe('OCC symbols', () => {
  it('parses compact symbols of roots of any length', () => {
    expect(parseOcc('SPXW240108C04700000')).toEqual({
      root: 'SPXW',
      expiry: '2024-01-08',
      type: 'C',
      strike: 4700,
      symbol: 'SPXW240108C04700000',
    });
    expect(parseOcc('F240119P00012500')).toMatchObject({ root: 'F', strike: 12.5, type: 'P' });
    expect(parseOcc('GOOGL250117C00200000')).toMatchObject({ root: 'GOOGL', expiry: '2025-01-17' });
    expect(parseOcc('CLX260821C00095000')).toMatchObject({ root: 'CLX', expiry: '2026-08-21', strike: 95 });
  });

  it('parses weekly/PM roots and adjusted roots with digits', () => {
    expect(parseOcc('NDXP240112C16800000')).toMatchObject({ root: 'NDXP', strike: 16800 });
    expect(parseOcc('VIXW240110P00013500')).toMatchObject({ root: 'VIXW', strike: 13.5 });
    expect(parseOcc('TSLA1240119C00100000')).toMatchObject({ root: 'TSLA1', strike: 100 });
    expect(parseOcc('2SPY240119C00100000')).toMatchObject({ root: '2SPY' });
  });

  it('accepts the padded 21-character form and a vendor prefix', () => {
    expect(parseOcc('SPXW  240108C04700000')).toMatchObject({ root: 'SPXW', symbol: 'SPXW240108C04700000' });
    expect(parseOcc('O:SPY240119P00450500')).toMatchObject({ root: 'SPY', strike: 450.5, type: 'P' });
  });

  it('explains what is wrong with a bad symbol', () => {
    expect(parseOcc('')).toMatch(/too short/);
    expect(parseOcc('SPXW240108X04700000')).toMatch(/C\/P/);
    expect(parseOcc('SPXW241308C04700000')).toMatch(/impossible expiry/);
    expect(parseOcc('SPXW240108C00000000')).toMatch(/zero strike/);
    expect(parseOcc('TOOLONGROOT240108C04700000')).toMatch(/no valid root/);
    expect(parseOcc(42 as unknown as string)).toMatch(/not text/);
  });

  it('round-trips through formatOcc', () => {
    expect(formatOcc('SPXW', '2024-01-08', 'C', 4700)).toBe('SPXW240108C04700000');
    expect(formatOcc('SPY', '2024-01-19', 'P', 450.5)).toBe('SPY240119P00450500');
  });
});
