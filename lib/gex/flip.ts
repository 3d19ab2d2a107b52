/**
 * The gamma flip: spots where the re-priced total GEX changes sign, searched over [0.7 S, 1.3 S].
 * A fine grid brackets every crossing wider than its step; Brent's method then pins each to within
 * FLIP_TOLERANCE index points. No crossing is reported as such, with the side the regime holds on.
 */
import type { RepricingSet } from './prepared-chain';
import { gaussianSumsOnLogGrid, totalGexAt } from './profile';
import { INV_SQRT_2PI } from './black-scholes';

const FLIP_SEARCH_LOW = 0.7;
const FLIP_SEARCH_HIGH = 1.3;
/** Grid step as a fraction of spot (0.1%: 4.7 points on SPX at 4700). */
const FLIP_GRID_STEP = 0.001;
const FLIP_TOLERANCE = 0.001;

export interface FlipResult {
  /** Every crossing found, ascending. */
  flips: number[];
  /** The crossing nearest to spot, or null when there is none. */
  nearest: number | null;
  /** With no crossing: the sign GEX holds over the whole search range. */
  noCrossingSide: 'positive' | 'negative' | 'zero' | null;
  searchRange: [number, number];
}

// A prepared chain is never changed after preparation, so its flips are computed once: the levels
// and the flip models (whose classic model is the same search when the chain's signs are classic)
// share them, whichever runs first.
const remembered = new WeakMap<RepricingSet, FlipResult>();

export function findFlips(chain: RepricingSet): FlipResult {
  const known = remembered.get(chain);
  if (known) return known;
  const grid = flipSearchGrid(chain.spot);
  const { sums } = gaussianSumsOnLogGrid(chain, grid.x0, grid.dx, grid.points);
  const result = flipsOnGrid(chain.spot, grid, sums, (x) => totalGexAt(chain, x));
  remembered.set(chain, result);
  return result;
}

/** The flips already found for a chain, if any (see findFlips). */
export function rememberedFlips(chain: RepricingSet): FlipResult | undefined {
  return remembered.get(chain);
}

/** Records flips found for a chain by an equivalent search (the flip models' classic model). */
export function rememberFlips(chain: RepricingSet, result: FlipResult): void {
  if (!remembered.has(chain)) remembered.set(chain, result);
}

/** The bracketing grid, even in ln(S') over [0.7 S, 1.3 S]: exact at its nodes and cheap (see profile.ts). */
export interface FlipSearchGrid {
  x0: number;
  dx: number;
  points: number;
  low: number;
  high: number;
}

export function flipSearchGrid(spot: number): FlipSearchGrid {
  const low = spot * FLIP_SEARCH_LOW;
  const high = spot * FLIP_SEARCH_HIGH;
  const points = Math.ceil(Math.log(high / low) / Math.log(1 + FLIP_GRID_STEP)) + 1;
  return { x0: Math.log(low), dx: Math.log(high / low) / (points - 1), points, low, high };
}

/**
 * The crossings of a profile given as Gaussian sums on the search grid (GEX at node j is
 * 0.01 S'_j sums[j] / sqrt(2 pi), whose sign is the sign of sums[j]), each bracket refined by Brent's
 * method on `exactAt`, the directly summed total GEX.
 */
export function flipsOnGrid(spot: number, grid: FlipSearchGrid, sums: Float64Array, exactAt: (spot: number) => number): FlipResult {
  const { x0, dx, points } = grid;
  const spots = new Float64Array(points);
  const gex = new Float64Array(points);
  for (let j = 0; j < points; j++) {
    const at = Math.exp(x0 + j * dx);
    spots[j] = at;
    gex[j] = 0.01 * at * INV_SQRT_2PI * sums[j];
  }
  const flips: number[] = [];
  for (let j = 0; j < points - 1; j++) {
    const a = gex[j];
    const b = gex[j + 1];
    if (a === 0 && j > 0 && gex[j - 1] !== 0 && Math.sign(gex[j - 1]) !== Math.sign(b) && b !== 0) {
      flips.push(spots[j]); // the grid hit the root exactly
    } else if (a !== 0 && b !== 0 && a < 0 !== b < 0) {
      // Re-evaluate the bracket ends directly; Brent works on the exact function.
      const exactA = exactAt(spots[j]);
      const exactB = exactAt(spots[j + 1]);
      if (exactA === 0) flips.push(spots[j]);
      else if (exactB !== 0 && exactA < 0 !== exactB < 0) {
        flips.push(brent(exactAt, spots[j], spots[j + 1], exactA, exactB, FLIP_TOLERANCE));
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
  return { flips, nearest, noCrossingSide, searchRange: [grid.low, grid.high] };
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
