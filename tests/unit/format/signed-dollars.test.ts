import { describe, expect, it } from 'vitest';
import { axisDollars, signedDollars } from '../../../lib/format/signed-dollars';

describe('signed dollars', () => {
  it('uses the real minus sign, U+2212, and an explicit plus when asked', () => {
    expect(signedDollars(-1.2e9)).toBe('\u2212$1.20B');
    expect(signedDollars(1.2e9, true)).toBe('+$1.20B');
    expect(signedDollars(1.2e9)).toBe('$1.20B');
    expect(signedDollars(0, true)).toBe('$0');
  });

  it('labels axes at two significant digits with the real minus', () => {
    expect(axisDollars(-50e9)).toBe('\u2212$50B');
    expect(axisDollars(2.5e9)).toBe('$2.5B');
    expect(axisDollars(-800e6)).toBe('\u2212$800M');
    expect(axisDollars(12_345)).toBe('$12K');
    expect(axisDollars(0)).toBe('$0');
    expect(axisDollars(-1.5e12)).toBe('\u2212$1.5T');
    expect(axisDollars(-50e9)).not.toContain('-');
  });
});
