/**
 * Price <-> y mappings in viewport pixels. Linear: y = a + b * price. Log: y = a + b * ln(price).
 * Every adapter (TradingView bridge, generic axis fit, two-point calibration) produces one of these.
 */

export type ScaleKind = 'linear' | 'log';

export interface PriceMapping {
  kind: ScaleKind;
  /** y = intercept + slope * f(price), f = identity or ln. */
  intercept: number;
  slope: number;
}

export interface PlotRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function priceToY(mapping: PriceMapping, price: number): number {
  const x = mapping.kind === 'log' ? Math.log(price) : price;
  return mapping.intercept + mapping.slope * x;
}

export function yToPrice(mapping: PriceMapping, y: number): number {
  const x = (y - mapping.intercept) / mapping.slope;
  return mapping.kind === 'log' ? Math.exp(x) : x;
}

/** The mapping through two (y, price) points. Null when they do not define one. */
export function mappingThrough(kind: ScaleKind, first: { y: number; price: number }, second: { y: number; price: number }): PriceMapping | null {
  if (!(first.price > 0 || kind === 'linear') || !(second.price > 0 || kind === 'linear')) return null;
  const f = (price: number) => (kind === 'log' ? Math.log(price) : price);
  const dx = f(second.price) - f(first.price);
  if (!Number.isFinite(dx) || Math.abs(dx) < 1e-12 || Math.abs(second.y - first.y) < 1) return null;
  const slope = (second.y - first.y) / dx;
  return { kind, slope, intercept: first.y - slope * f(first.price) };
}

/** The mapping of a visible price range drawn over a pixel span (top = high price unless inverted). */
export function mappingFromRange(kind: ScaleKind, range: { from: number; to: number }, top: number, height: number, inverted = false): PriceMapping | null {
  const high = Math.max(range.from, range.to);
  const low = Math.min(range.from, range.to);
  return inverted
    ? mappingThrough(kind, { y: top, price: low }, { y: top + height, price: high })
    : mappingThrough(kind, { y: top, price: high }, { y: top + height, price: low });
}

export function sameMapping(a: PriceMapping | null, b: PriceMapping | null, tolerancePx = 0.25, referencePrice = 1): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind !== b.kind) return false;
  // Compare where it matters: two prices' y positions.
  const probe = [referencePrice * 0.9, referencePrice * 1.1];
  return probe.every((price) => Math.abs(priceToY(a, price) - priceToY(b, price)) <= tolerancePx);
}
