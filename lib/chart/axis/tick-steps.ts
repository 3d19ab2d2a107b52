/**
 * How much a column's values look like axis ticks: charts step their ticks evenly by a "nice"
 * amount (1, 2, 2.5, 3 or 5 times a power of ten; log axes label round numbers such as 10, 20, 50),
 * while a table column or a legend lists whatever the data holds. Used to rank columns, never to
 * reject a label (a last-price badge on the axis is off-step and still sits at its price's y).
 */
import type { ScaleKind } from '../mapping';

export interface StepAnalysis {
  /** The common step between neighbouring values (linear), null with fewer than two values. */
  step: number | null;
  /** Share of neighbouring differences that are 1-4 whole steps (a missing label skips a step). */
  evenness: number;
  niceStep: boolean;
  /** Share of values with at most two significant digits (1, 20, 250, 4.5k). */
  roundness: number;
  /** 0..1, higher is more axis-like. */
  score: number;
}

const NICE_MANTISSAS = [1, 2, 2.5, 3, 5];

export function isNiceStep(step: number): boolean {
  if (!(step > 0) || !Number.isFinite(step)) return false;
  const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
  return NICE_MANTISSAS.some((nice) => Math.abs(mantissa - nice) < 1e-6 || Math.abs(mantissa - nice * 10) < 1e-5);
}

export function significantDigits(value: number): number {
  const magnitude = Math.abs(value);
  if (magnitude === 0 || !Number.isFinite(magnitude)) return 1;
  const exponent = Math.floor(Math.log10(magnitude));
  for (let digits = 1; digits < 15; digits++) {
    const scaled = magnitude / 10 ** (exponent - digits + 1);
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6) return digits;
  }
  return 15;
}

function isWholeMultiple(difference: number, step: number): boolean {
  const ratio = difference / step;
  const whole = Math.round(ratio);
  return whole >= 1 && whole <= 4 && Math.abs(ratio - whole) < 1e-4 * whole;
}

export function analyseSteps(values: readonly number[], kind: ScaleKind): StepAnalysis {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  if (sorted.length < 2) return { step: null, evenness: 0, niceStep: false, roundness: 0, score: 0 };
  const differences = sorted.slice(1).map((value, index) => value - sorted[index]);
  let step = differences[0];
  let count = -1;
  for (const candidate of differences) {
    const fits = differences.filter((difference) => isWholeMultiple(difference, candidate)).length;
    if (fits > count || (fits === count && candidate > step)) {
      step = candidate;
      count = fits;
    }
  }
  const evenness = count / differences.length;
  const niceStep = isNiceStep(step);
  const roundness = sorted.filter((value) => significantDigits(value) <= 2).length / sorted.length;
  const linearScore = 0.6 * evenness + 0.4 * (niceStep ? 1 : 0);
  // A log axis labels round numbers (10, 20, 50, 100) or, like TradingView's, evenly stepped ones.
  const score = kind === 'log' ? Math.max(linearScore, roundness) : linearScore;
  return { step, evenness, niceStep, roundness, score };
}
