// Frozen copy of lib/gex/flip.ts at 76f6628 (before issue 14: provider gamma held fixed, one flip model), kept
// only so bench/run.ts can time today's levels against that version in the same run. Not used elsewhere.
/**
 * The gamma flip: spots where the re-priced total GEX changes sign, searched over [0.7 S, 1.3 S].
 * A fine grid brackets every crossing wider than its step; Brent's method then pins each to within
 * FLIP_TOLERANCE index points. No crossing is reported as such, with the side the regime holds on.
 */
import type { PreparedChain } from './prepared-chain';
import { gaussianSumsOnLogGrid, totalGexAt } from './profile';
import { INV_SQRT_2PI } from '../../lib/gex/black-scholes';

export const FLIP_SEARCH_LOW = 0.7;
export const FLIP_SEARCH_HIGH = 1.3;
/** Grid step as a fraction of spot (0.1%: 4.7 points on SPX at 4700). */
export const FLIP_GRID_STEP = 0.001;
export const FLIP_TOLERANCE = 0.001;

export interface FlipResult {
  /** Every crossing found, ascending. */
  flips: number[];
  /** The crossing nearest to spot, or null when there is none. */
  nearest: number | null;
  /** With no crossing: the sign GEX holds over the whole search range. */
  noCrossingSide: 'positive' | 'negative' | 'zero' | null;
  searchRange: [number, number];
}

export function findFlips(chain: PreparedChain): FlipResult {
  const spot = chain.spot;
  const low = spot * FLIP_SEARCH_LOW;
  const high = spot * FLIP_SEARCH_HIGH;
  // The bracketing grid is even in ln(S'): exact at its nodes and cheap (see profile.ts).
  const x0 = Math.log(low);
  const points = Math.ceil(Math.log(high / low) / Math.log(1 + FLIP_GRID_STEP)) + 1;
  const dx = Math.log(high / low) / (points - 1);
  const { sums } = gaussianSumsOnLogGrid(chain, x0, dx, points);
  const spots = new Float64Array(points);
  const gex = new Float64Array(points);
  for (let j = 0; j < points; j++) {
    const spot = Math.exp(x0 + j * dx);
    spots[j] = spot;
    gex[j] = 0.01 * spot * (INV_SQRT_2PI * sums[j] + spot * chain.fixedDollarGammaUnits);
  }
  const flips: number[] = [];
  for (let j = 0; j < points - 1; j++) {
    const a = gex[j];
    const b = gex[j + 1];
    if (a === 0 && j > 0 && gex[j - 1] !== 0 && Math.sign(gex[j - 1]) !== Math.sign(b) && b !== 0) {
      flips.push(spots[j]); // the grid hit the root exactly
    } else if (a !== 0 && b !== 0 && a < 0 !== b < 0) {
      // Re-evaluate the bracket ends directly; Brent works on the exact function.
      const exactA = totalGexAt(chain, spots[j]);
      const exactB = totalGexAt(chain, spots[j + 1]);
      if (exactA === 0) flips.push(spots[j]);
      else if (exactB !== 0 && exactA < 0 !== exactB < 0) {
        flips.push(brent((x) => totalGexAt(chain, x), spots[j], spots[j + 1], exactA, exactB, FLIP_TOLERANCE));
      }
    }
  }
  let nearest: number | null = null;
  for (const flip of flips) if (nearest === null || Math.abs(flip - spot) < Math.abs(nearest - spot)) nearest = flip;
  let noCrossingSide: FlipResult['noCrossingSide'] = null;
  if (flips.length === 0) {
    let positive = 0;
    let negative = 0;
    for (let j = 0; j < points; j++) {
      if (gex[j] > 0) positive++;
      else if (gex[j] < 0) negative++;
    }
    noCrossingSide = positive === 0 && negative === 0 ? 'zero' : positive >= negative ? 'positive' : 'negative';
  }
  return { flips, nearest, noCrossingSide, searchRange: [low, high] };
}

/**
 * Brent's root finder (the Brent-Dekker method as in Numerical Recipes' zbrent) on a bracket [a, b]
 * with f(a), f(b) of opposite signs; returns x within `tolerance` of a root.
 */
export function brent(f: (x: number) => number, a: number, b: number, fa: number, fb: number, tolerance: number): number {
  let c = b;
  let fc = fb;
  let d = 0;
  let e = 0;
  for (let iteration = 0; iteration < 100; iteration++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol1 = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tolerance;
    const half = 0.5 * (c - b);
    if (Math.abs(half) <= tol1 || fb === 0) return b;
    if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
      // Inverse quadratic interpolation, or the secant step when only two points are distinct.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * half * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * half * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      p = Math.abs(p);
      if (2 * p < Math.min(3 * half * q - Math.abs(tol1 * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = half;
        e = d;
      }
    } else {
      d = half;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol1 ? d : half > 0 ? tol1 : -tol1;
    fb = f(b);
  }
  return b;
}
