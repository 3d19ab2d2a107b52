/**
 * Black-Scholes-Merton greeks with continuous dividend yield q. Time in years, rates and volatility
 * as decimals. Gamma is per 1 point of the underlying, vega per 1.00 of volatility, charm per year.
 */

export const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
export const YEAR_MS = 365 * 24 * 3600 * 1000;

export function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/** Standard normal CDF (W. J. Cody's erfc rational approximations via Hart; |error| < 1e-14). */
export function normalCdf(x: number): number {
  const z = Math.abs(x);
  let tail: number;
  if (z > 37) {
    tail = 0;
  } else {
    const e = Math.exp(-0.5 * z * z);
    if (z < 7.07106781186547) {
      let n = 3.52624965998911e-2 * z + 0.700383064443688;
      n = n * z + 6.37396220353165;
      n = n * z + 33.912866078383;
      n = n * z + 112.079291497871;
      n = n * z + 221.213596169931;
      n = n * z + 220.206867912376;
      let d = 8.83883476483184e-2 * z + 1.75566716318264;
      d = d * z + 16.064177579207;
      d = d * z + 86.7807322029461;
      d = d * z + 296.564248779674;
      d = d * z + 637.333633378831;
      d = d * z + 793.826512519948;
      d = d * z + 440.413735824752;
      tail = (e * n) / d;
    } else {
      const f = z + 1 / (z + 2 / (z + 3 / (z + 4 / (z + 0.65))));
      tail = e / (f * 2.506628274631);
    }
  }
  return x > 0 ? 1 - tail : tail;
}

export interface GreekInputs {
  spot: number;
  strike: number;
  /** Years to expiry (> 0). */
  time: number;
  /** Implied volatility, decimal (> 0). */
  vol: number;
  rate: number;
  dividend: number;
  type: 'C' | 'P';
}

export interface Greeks {
  d1: number;
  d2: number;
  delta: number;
  gamma: number;
  vega: number;
  /** d(delta)/d(vol). */
  vanna: number;
  /** -d(delta)/d(time): delta drift per year as time passes. */
  charm: number;
}

/** d1 of Black-Scholes-Merton. */
function d1(spot: number, strike: number, time: number, vol: number, rate: number, dividend: number): number {
  return (Math.log(spot / strike) + (rate - dividend + 0.5 * vol * vol) * time) / (vol * Math.sqrt(time));
}

/** Gamma alone: the hot path of every exposure. Same for calls and puts. */
export function bsGamma(spot: number, strike: number, time: number, vol: number, rate = 0, dividend = 0): number {
  if (!(spot > 0 && strike > 0 && time > 0 && vol > 0)) return 0;
  const sqrtTime = Math.sqrt(time);
  const d = (Math.log(spot / strike) + (rate - dividend + 0.5 * vol * vol) * time) / (vol * sqrtTime);
  return (Math.exp(-dividend * time) * normalPdf(d)) / (spot * vol * sqrtTime);
}

export function bsGreeks({ spot, strike, time, vol, rate, dividend, type }: GreekInputs): Greeks {
  const sqrtTime = Math.sqrt(time);
  const first = d1(spot, strike, time, vol, rate, dividend);
  const second = first - vol * sqrtTime;
  const carry = Math.exp(-dividend * time);
  const density = normalPdf(first);
  const delta = type === 'C' ? carry * normalCdf(first) : -carry * normalCdf(-first);
  const gamma = (carry * density) / (spot * vol * sqrtTime);
  const vega = spot * carry * density * sqrtTime;
  const vanna = (-carry * density * second) / vol;
  const charmCommon = (carry * density * (2 * (rate - dividend) * time - second * vol * sqrtTime)) / (2 * time * vol * sqrtTime);
  const charm = type === 'C' ? dividend * carry * normalCdf(first) - charmCommon : -dividend * carry * normalCdf(-first) - charmCommon;
  return { d1: first, d2: second, delta, gamma, vega, vanna, charm };
}
