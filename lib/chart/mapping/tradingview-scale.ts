/**
 * Price <-> y from TradingView's own price scale, in viewport pixels. First choice: the scale's
 * coordinateToPrice at several heights, fitted exactly (linear, TradingView's log10(p + 1e-4) log, or
 * inverted, which is the same line with the other sign). Fallback: the visible range with the mode,
 * where `from` is the price at y = height - 1 and `to` at y = 0 of the pane.
 */
import { mappingThrough, type PriceMapping } from './mapping';
import { mappingFromSamples } from './sampled-mapping';

/** TradingView's log scale transform is log10(price + 1e-4); the base does not change a fit's shape. */
const TRADINGVIEW_LOG_OFFSET = 1e-4;

/** 0 normal, 1 log, 2 percentage, 3 indexed to 100 (in 2 and 3 the range still answers in prices). */
export type TradingViewScaleMode = 0 | 1 | 2 | 3;

/** The pane heights at which coordinateToPrice is asked (fractions): three tell linear from log. */
export const SAMPLE_FRACTIONS = [0, 0.5, 1];

/**
 * The mapping through (y, price) samples taken in pane coordinates, shifted to the pane's viewport
 * top; null unless every sample lies on one linear or one log mapping.
 */
export function mappingFromCoordinates(samples: readonly { y: number; price: number }[], paneTop: number): PriceMapping | null {
  return mappingFromSamples(
    samples.map((sample) => ({ y: sample.y + paneTop, price: sample.price })),
    [TRADINGVIEW_LOG_OFFSET],
  );
}

/** The mapping from the visible range and mode (the fallback when coordinateToPrice is missing). */
export function mappingFromVisibleRange(
  range: { from: number; to: number },
  mode: TradingViewScaleMode,
  inverted: boolean,
  paneTop: number,
  paneHeight: number,
): PriceMapping | null {
  if (!(Number.isFinite(range.from) && Number.isFinite(range.to)) || range.from === range.to || !(paneHeight > 1)) return null;
  const kind = mode === 1 ? 'log' : 'linear';
  const offset = mode === 1 ? TRADINGVIEW_LOG_OFFSET : 0;
  const bottom = paneTop + paneHeight - 1;
  // `to` is drawn at the pane's top and `from` at its last row; inverted, the other way round.
  return inverted
    ? mappingThrough(kind, { y: paneTop, price: range.from }, { y: bottom, price: range.to }, offset)
    : mappingThrough(kind, { y: paneTop, price: range.to }, { y: bottom, price: range.from }, offset);
}
