/**
 * Price <-> y mappings in viewport pixels. Linear: y = a + b * price. Log: y = a + b * ln(price + offset)
 * (TradingView's log scale is log10(price + 1e-4): the base only scales b, the offset matters below 1).
 * Every reader (TradingView's API, a chart library's API, the axis-text and canvas-label fits, the
 * user's calibration) produces one of these.
 */

export type ScaleKind = 'linear' | 'log';

export interface PriceMapping {
  kind: ScaleKind;
  /** y = intercept + slope * f(price), f = identity or ln(price + offset). */
  intercept: number;
  slope: number;
  /** Log scales only: added to the price before the logarithm (0 when absent). */
  offset?: number;
}

/** The scale's own coordinate of a price: the price, or ln(price + offset). */
function scaleValue(mapping: Pick<PriceMapping, 'kind' | 'offset'>, price: number): number {
  return mapping.kind === 'log' ? Math.log(price + (mapping.offset ?? 0)) : price;
}

export interface PlotRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function priceToY(mapping: PriceMapping, price: number): number {
  return mapping.intercept + mapping.slope * scaleValue(mapping, price);
}

export function yToPrice(mapping: PriceMapping, y: number): number {
  const x = (y - mapping.intercept) / mapping.slope;
  return mapping.kind === 'log' ? Math.exp(x) - (mapping.offset ?? 0) : x;
}

/** The mapping through two (y, price) points. Null when they do not define one. */
export function mappingThrough(
  kind: ScaleKind,
  first: { y: number; price: number },
  second: { y: number; price: number },
  offset = 0,
): PriceMapping | null {
  if (kind === 'log' && !(first.price + offset > 0 && second.price + offset > 0)) return null;
  const shape = kind === 'log' && offset !== 0 ? { kind, offset } : { kind };
  const dx = scaleValue(shape, second.price) - scaleValue(shape, first.price);
  if (!Number.isFinite(dx) || Math.abs(dx) < 1e-12 || Math.abs(second.y - first.y) < 1) return null;
  const slope = (second.y - first.y) / dx;
  return { ...shape, slope, intercept: first.y - slope * scaleValue(shape, first.price) };
}

/** The mapping of a visible price range drawn over a pixel span (top = high price unless inverted). */
export function mappingFromRange(
  kind: ScaleKind,
  range: { from: number; to: number },
  top: number,
  height: number,
  inverted = false,
  offset = 0,
): PriceMapping | null {
  const high = Math.max(range.from, range.to);
  const low = Math.min(range.from, range.to);
  return inverted
    ? mappingThrough(kind, { y: top, price: low }, { y: top + height, price: high }, offset)
    : mappingThrough(kind, { y: top, price: high }, { y: top + height, price: low }, offset);
}

export function sameMapping(a: PriceMapping | null, b: PriceMapping | null, tolerancePx = 0.25, referencePrice = 1): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind !== b.kind) return false;
  // Compare where it matters: two prices' y positions.
  const probe = [referencePrice * 0.9, referencePrice * 1.1];
  return probe.every((price) => Math.abs(priceToY(a, price) - priceToY(b, price)) <= tolerancePx);
}
