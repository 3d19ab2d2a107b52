/**
 * The Wilson score interval of a proportion (Wilson 1927; Newcombe 1998, method 3): unlike the normal
 * approximation it stays inside [0, 1] and keeps a sensible width at 0 of n or n of n, which is where
 * a short history of sessions lives.
 */
import type { Rate } from './model';

/** 95%, two-sided. */
export const WILSON_Z = 1.96;

/** successes / trials with its Wilson interval; null with no trials. */
export function wilsonInterval(successes: number, trials: number, z = WILSON_Z): Rate | null {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || successes > trials)
    throw new RangeError(`a proportion needs whole counts 0 <= ${successes} <= ${trials}`);
  if (trials === 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const scale = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / scale;
  const half = (z / scale) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // At 0 (or n) of n the bound is exactly 0 (or 1); the formula gives it only to rounding.
  return {
    value: p,
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === trials ? 1 : Math.min(1, centre + half),
  };
}
