/**
 * Total GEX re-priced at hypothetical spots S' with each contract's IV and time held fixed:
 *   GEX(S') = 0.01 S' sum_i w_i phi(d1_i(S'))
 * where d1_i(S') = ln(S') / (sigma_i sqrt(T_i)) - offset_i, w_i = s_i OI_i m_i e^(-q T_i) / (sigma_i sqrt(T_i)).
 * Every contract is re-priced (those without an IV of their own carry their smile's).
 *
 * Speed (thousands of contracts times hundreds of spots) comes from two facts:
 * - a contract adds nothing measurable where |d1| > D1_CUTOFF, so it only visits the spots in its own span;
 * - on a grid even in ln(S'), d1 steps by a constant, so phi(d1) follows a multiply recurrence
 *   (e_{j+1} = e_j r_j, r_{j+1} = r_j q) instead of one exp per point.
 * Evenly spaced spots are then read off the log grid by 4-point cubic interpolation; contracts too
 * sharp for that (under 10 grid steps per standard deviation: the last hours of a 0DTE) are evaluated
 * exactly at the requested spots instead.
 */
import type { RepricingSet } from './prepared-chain';
import { INV_SQRT_2PI } from './black-scholes';

/** phi(7) / phi(0) = 2.3e-11: beyond this a contract's gamma is negligible against its own peak. */
export const D1_CUTOFF = 7;
/** Above this d1 step per grid point the recurrence is not used (its ratio could overflow). */
const RECURRENCE_MAX_STEP = 0.5;
/** Contracts with a larger d1 step than this are not interpolated from the log grid. */
const INTERPOLATION_MAX_STEP = 0.1;

export interface ProfilePoint {
  spot: number;
  gex: number;
}

/** Evenly spaced spots from low to high inclusive. */
function evenSpots(low: number, high: number, points: number): Float64Array {
  const spots = new Float64Array(points);
  const step = points > 1 ? (high - low) / (points - 1) : 0;
  for (let j = 0; j < points; j++) spots[j] = low + step * j;
  return spots;
}

/**
 * sum_i w_i exp(-d1_i^2 / 2) at ln-spots x0 + j dx (j < n). Contracts whose d1 step exceeds
 * `skipAbove` are left out and returned, for the caller to evaluate elsewhere.
 */
export function gaussianSumsOnLogGrid(
  chain: RepricingSet,
  x0: number,
  dx: number,
  n: number,
  skipAbove = Infinity,
): { sums: Float64Array; skipped: number[] } {
  const sums = new Float64Array(n);
  const skipped = addGaussiansOnLogGrid(chain, x0, dx, [sums], null, skipAbove);
  return { sums, skipped };
}

/**
 * The same sums split by group: contract i adds into sums[group[i]] (all into sums[0] when `group` is
 * null), so several linear combinations of one chain (the flip models) cost one pass. Returns the
 * contracts left out for a d1 step above `skipAbove`.
 */
export function addGaussiansOnLogGrid(
  set: RepricingSet,
  x0: number,
  dx: number,
  sumsByGroup: Float64Array[],
  group: Uint8Array | null,
  skipAbove = Infinity,
): number[] {
  const skipped: number[] = [];
  const { invStdDev, offset, weight, count } = set;
  const n = sumsByGroup[0].length;
  const last = n - 1;
  for (let i = 0; i < count; i++) {
    const w = weight[i];
    if (w === 0) continue;
    const inv = invStdDev[i];
    const step = inv * dx;
    if (step > skipAbove) {
      skipped.push(i);
      continue;
    }
    const sums = group === null ? sumsByGroup[0] : sumsByGroup[group[i]];
    const center = offset[i];
    let first = Math.ceil(((center - D1_CUTOFF) / inv - x0) / dx);
    let end = Math.floor(((center + D1_CUTOFF) / inv - x0) / dx);
    if (first < 0) first = 0;
    if (end > last) end = last;
    if (first > end) continue;
    let d = inv * (x0 + first * dx) - center;
    if (step > RECURRENCE_MAX_STEP) {
      for (let j = first; j <= end; j++, d += step) sums[j] += w * Math.exp(-0.5 * d * d);
      continue;
    }
    // Two interleaved recurrences (even and odd offsets from `first`), each stepping by two points:
    // value(j+2) = value(j) * pair(j), pair(j+2) = pair(j) * q^4, where q = exp(-step^2). Two
    // independent multiply chains instead of one halve the latency-bound cost of the loop.
    const q = Math.exp(-step * step);
    const q4 = q * q * q * q;
    const ratio0 = Math.exp(-(d * step + 0.5 * step * step)); // value(first+1) / value(first)
    const ratio1 = ratio0 * q;
    let evenValue = w * Math.exp(-0.5 * d * d);
    let oddValue = evenValue * ratio0;
    let evenPair = ratio0 * ratio1; // value(first+2) / value(first)
    let oddPair = ratio1 * ratio1 * q; // value(first+3) / value(first+1)
    let j = first;
    for (; j < end; j += 2) {
      sums[j] += evenValue;
      sums[j + 1] += oddValue;
      evenValue *= evenPair;
      oddValue *= oddPair;
      evenPair *= q4;
      oddPair *= q4;
    }
    if (j === end) sums[j] += evenValue;
  }
  return skipped;
}

/** Total GEX (dollars per 1% move) at `points` evenly spaced spots over [low, high]. */
export function profileOnGrid(chain: RepricingSet, low: number, high: number, points: number): { spots: Float64Array; gex: Float64Array } {
  const spots = evenSpots(low, high, points);
  const values = new Float64Array(points);
  if (points === 0) return { spots, gex: values };
  // The log grid spans the same range with a step no coarser than the even step anywhere
  // (its coarsest spot step, at the high end, is high * dx), plus one node of margin each side.
  const x0 = Math.log(low);
  const evenStep = points > 1 ? (high - low) / (points - 1) : high;
  const logPoints = Math.max(8, Math.ceil((Math.log(high / low) * high) / evenStep) + 4);
  const dx = Math.max(Math.log(high / low), 1e-9) / (logPoints - 4);
  const gridStart = x0 - dx; // one node of margin on each side for the cubic stencil
  const { sums, skipped } = gaussianSumsOnLogGrid(chain, gridStart, dx, logPoints, INTERPOLATION_MAX_STEP);
  for (let j = 0; j < points; j++) {
    const t = (Math.log(spots[j]) - gridStart) / dx;
    let k = Math.floor(t) - 1;
    if (k < 0) k = 0;
    if (k > logPoints - 4) k = logPoints - 4;
    const u = t - k; // in [0, 3] around nodes k..k+3
    const f0 = sums[k];
    const f1 = sums[k + 1];
    const f2 = sums[k + 2];
    const f3 = sums[k + 3];
    // Lagrange cubic through nodes at 0, 1, 2, 3.
    values[j] =
      (-f0 * (u - 1) * (u - 2) * (u - 3)) / 6 +
      (f1 * u * (u - 2) * (u - 3)) / 2 -
      (f2 * u * (u - 1) * (u - 3)) / 2 +
      (f3 * u * (u - 1) * (u - 2)) / 6;
  }
  // Sharp contracts, exactly at the requested spots, each within its own span of spots.
  if (skipped.length > 0) {
    const step = points > 1 ? (high - low) / (points - 1) : 1;
    const logSpots = new Float64Array(points);
    for (let j = 0; j < points; j++) logSpots[j] = Math.log(spots[j]);
    for (const i of skipped) {
      const inv = chain.invStdDev[i];
      const center = chain.offset[i];
      const w = chain.weight[i];
      let first = Math.ceil((Math.exp((center - D1_CUTOFF) / inv) - low) / step);
      let end = Math.floor((Math.exp((center + D1_CUTOFF) / inv) - low) / step);
      if (first < 0) first = 0;
      if (end > points - 1) end = points - 1;
      for (let j = first; j <= end; j++) {
        const d = logSpots[j] * inv - center;
        values[j] += w * Math.exp(-0.5 * d * d);
      }
    }
  }
  for (let j = 0; j < points; j++) values[j] *= 0.01 * spots[j] * INV_SQRT_2PI;
  return { spots, gex: values };
}

/** Total GEX at one hypothetical spot, summed directly (the reference the grids approximate). */
export function totalGexAt(chain: RepricingSet, spot: number): number {
  const logSpot = Math.log(spot);
  const { invStdDev, offset, weight, count } = chain;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const d = logSpot * invStdDev[i] - offset[i];
    if (d > D1_CUTOFF || d < -D1_CUTOFF) continue;
    sum += weight[i] * Math.exp(-0.5 * d * d);
  }
  return 0.01 * spot * INV_SQRT_2PI * sum;
}

/** The profile as points, for output. */
export function profilePoints(chain: RepricingSet, low: number, high: number, points: number): ProfilePoint[] {
  const { spots, gex } = profileOnGrid(chain, low, high, points);
  return Array.from(spots, (spot, j) => ({ spot, gex: gex[j] }));
}
