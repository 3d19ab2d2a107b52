import { describe, expect, it } from 'vitest';
import { bsGamma, bsGreeks, normalCdf, normalPdf } from '../../../lib/gex/black-scholes';

describe('Black-Scholes greeks', () => {
  it('S = K = 100, sigma 0.2, T = 1, r = q = 0: gamma = phi(0.1) / 20 = 0.0198476', () => {
    const phi = Math.exp(-0.005) / Math.sqrt(2 * Math.PI); // phi(0.1) by hand
    expect(phi / 20).toBeCloseTo(0.0198476, 7);
    expect(bsGamma(100, 100, 1, 0.2, 0, 0)).toBeCloseTo(0.0198476, 7);
    expect(bsGreeks({ spot: 100, strike: 100, time: 1, vol: 0.2, rate: 0, dividend: 0, type: 'C' }).gamma).toBeCloseTo(0.0198476, 7);
  });

  it('with r and q: S 100, K 110, sigma 0.25, T 0.5, r 0.05, q 0.02 against the closed form by hand', () => {
    // d1 = (ln(100/110) + (0.05 - 0.02 + 0.03125) * 0.5) / (0.25 * sqrt(0.5))
    //    = (-0.0953102 + 0.030625) / 0.1767767 = -0.3659160
    const d1 = -0.365916;
    const gamma = (Math.exp(-0.01) * Math.exp((-d1 * d1) / 2)) / Math.sqrt(2 * Math.PI) / (100 * 0.25 * Math.sqrt(0.5));
    // phi(d1) = 0.3731094, e^(-qT) = 0.9900498, S sigma sqrt(T) = 17.677670 -> 0.0208962
    expect(gamma).toBeCloseTo(0.0208962, 6);
    expect(bsGamma(100, 110, 0.5, 0.25, 0.05, 0.02)).toBeCloseTo(gamma, 6);
  });

  it('with a negative carry: S 4700, K 4650, sigma 0.12, T 30 days, r 0.053, q 0.014', () => {
    const years = 30 / 365;
    const d1 = (Math.log(4700 / 4650) + (0.053 - 0.014 + 0.0072) * years) / (0.12 * Math.sqrt(years));
    const gamma = (Math.exp(-0.014 * years) * Math.exp((-d1 * d1) / 2)) / Math.sqrt(2 * Math.PI) / (4700 * 0.12 * Math.sqrt(years));
    expect(bsGamma(4700, 4650, years, 0.12, 0.053, 0.014)).toBeCloseTo(gamma, 12);
  });

  it('gives calls and puts the same gamma, and deltas that obey parity', () => {
    const inputs = { spot: 100, strike: 95, time: 0.25, vol: 0.3, rate: 0.04, dividend: 0.01 };
    const call = bsGreeks({ ...inputs, type: 'C' });
    const put = bsGreeks({ ...inputs, type: 'P' });
    expect(call.gamma).toBe(put.gamma);
    expect(call.vega).toBe(put.vega);
    expect(call.delta - put.delta).toBeCloseTo(Math.exp(-0.01 * 0.25), 12);
  });

  it('gamma, vanna and charm match finite differences of delta', () => {
    const base = { spot: 100, strike: 105, time: 0.4, vol: 0.22, rate: 0.03, dividend: 0.015, type: 'C' as const };
    const delta = (change: Partial<typeof base>) => bsGreeks({ ...base, ...change }).delta;
    const greeks = bsGreeks(base);
    const h = 1e-4;
    expect((delta({ spot: 100 + h }) - delta({ spot: 100 - h })) / (2 * h)).toBeCloseTo(greeks.gamma, 7);
    expect((delta({ vol: 0.22 + h }) - delta({ vol: 0.22 - h })) / (2 * h)).toBeCloseTo(greeks.vanna, 6);
    expect(-(delta({ time: 0.4 + h }) - delta({ time: 0.4 - h })) / (2 * h)).toBeCloseTo(greeks.charm, 6);
  });

  it('vanna is per 1.00 of vol and charm per year of time passing, for puts too (signs by finite differences)', () => {
    const base = { spot: 100, strike: 92, time: 0.1, vol: 0.3, rate: 0.05, dividend: 0.02, type: 'P' as const };
    const delta = (change: Partial<typeof base>) => bsGreeks({ ...base, ...change }).delta;
    const greeks = bsGreeks(base);
    const h = 1e-5;
    // An out-of-the-money put (delta near 0-): a rise in vol makes delta more negative, time passing less.
    expect(greeks.vanna).toBeLessThan(0);
    expect(greeks.charm).toBeGreaterThan(0);
    expect((delta({ vol: 0.3 + h }) - delta({ vol: 0.3 - h })) / (2 * h)).toBeCloseTo(greeks.vanna, 6);
    expect(-(delta({ time: 0.1 + h }) - delta({ time: 0.1 - h })) / (2 * h)).toBeCloseTo(greeks.charm, 5);
    // Per calendar day: charm / 365 against the one-day change of delta.
    expect(delta({ time: 0.1 - 1 / 365 }) - delta({})).toBeCloseTo(greeks.charm / 365, 4);
  });

  it('has an accurate normal CDF and density', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 12);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 14);
    expect(normalPdf(0)).toBeCloseTo(0.3989422804014327, 15);
  });

  it('gives zero gamma for degenerate inputs instead of NaN', () => {
    expect(bsGamma(100, 100, 0, 0.2)).toBe(0);
    expect(bsGamma(100, 100, 1, 0)).toBe(0);
    expect(bsGamma(0, 100, 1, 0.2)).toBe(0);
  });
});
