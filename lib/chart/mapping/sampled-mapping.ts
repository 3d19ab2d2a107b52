/**
 * Price <-> y from a chart's own answers: (y, price) samples its price-to-pixel function gave. Three
 * samples tell linear from log (any base: the base only scales the slope); the mapping is kept only
 * when every sample lies on it, so a scale we do not model (percent, indexed, broken axes) reads as
 * nothing rather than as a wrong line.
 */
import { mappingThrough, priceToY, type PriceMapping } from './mapping';

/** How far (px) a sample may sit from the fitted mapping and still count as on it. */
const SAMPLE_TOLERANCE_PX = 0.05;

/**
 * The linear or log mapping through every sample (viewport y), trying the given log offsets in turn
 * (a library's log may be log(price + offset)); null unless all samples lie on one of them.
 */
export function mappingFromSamples(
  samples: readonly { y: number; price: number }[],
  logOffsets: readonly number[] = [0],
): PriceMapping | null {
  const usable = samples.filter((sample) => Number.isFinite(sample.y) && Number.isFinite(sample.price));
  if (usable.length < 3) return null;
  // The two samples farthest apart define the line; the others check it.
  const sorted = [...usable].sort((a, b) => a.y - b.y);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const candidates: [PriceMapping['kind'], number][] = [
    ['linear', 0],
    ...logOffsets.map((offset): [PriceMapping['kind'], number] => ['log', offset]),
  ];
  for (const [kind, offset] of candidates) {
    const mapping = mappingThrough(kind, first, last, offset);
    if (mapping && usable.every((sample) => Math.abs(priceToY(mapping, sample.price) - sample.y) <= SAMPLE_TOLERANCE_PX)) return mapping;
  }
  return null;
}
