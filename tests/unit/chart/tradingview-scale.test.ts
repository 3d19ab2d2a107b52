/** Price <-> y from TradingView's own scale: fitted from coordinateToPrice, or from the visible range. */
import { describe, expect, it } from 'vitest';
import { mappingFromCoordinates, mappingFromVisibleRange, SAMPLE_FRACTIONS } from '../../../lib/chart/mapping/tradingview-scale';
import { priceToY } from '../../../lib/chart/mapping/mapping';

const HEIGHT = 520;
const TOP = 50;

/** A scale as TradingView defines it: to at y = 0, from at y = height - 1, log10(p + 1e-4) in log mode. */
function scale(range: { from: number; to: number }, mode: number, inverted: boolean) {
  const t = (price: number) => (mode === 1 ? Math.log10(price + 1e-4) : price);
  const tInverse = (value: number) => (mode === 1 ? 10 ** value - 1e-4 : value);
  const y = (price: number) => {
    const fromTop = ((t(range.to) - t(price)) / (t(range.to) - t(range.from))) * (HEIGHT - 1);
    return inverted ? HEIGHT - 1 - fromTop : fromTop;
  };
  const coordinateToPrice = (paneY: number) => {
    const fromTop = inverted ? HEIGHT - 1 - paneY : paneY;
    return tInverse(t(range.to) - (fromTop / (HEIGHT - 1)) * (t(range.to) - t(range.from)));
  };
  return { y, coordinateToPrice };
}

const samplesOf = (coordinateToPrice: (y: number) => number) =>
  SAMPLE_FRACTIONS.map((fraction) => ({ y: fraction * (HEIGHT - 1), price: coordinateToPrice(fraction * (HEIGHT - 1)) }));

describe('TradingView price scales', () => {
  it.each([
    ['normal', { from: 4600, to: 4850 }, 0, false],
    ['log', { from: 4000, to: 5200 }, 1, false],
    ['log below a price of 1 (the 1e-4 offset matters)', { from: 0.0003, to: 0.002 }, 1, false],
    ['percentage (linear in price)', { from: 4600, to: 4850 }, 2, false],
    ['indexed to 100 (linear in price)', { from: 4600, to: 4850 }, 3, false],
    ['inverted', { from: 4600, to: 4850 }, 0, true],
    ['inverted log', { from: 4000, to: 5200 }, 1, true],
  ] as const)('%s: coordinateToPrice samples give the exact mapping, and so does the visible range', (_name, range, mode, inverted) => {
    const truth = scale(range, mode, inverted);
    const fromCoordinates = mappingFromCoordinates(samplesOf(truth.coordinateToPrice), TOP)!;
    const fromRange = mappingFromVisibleRange(range, mode, inverted, TOP, HEIGHT)!;
    const span = range.to - range.from;
    for (const fraction of [0, 0.1, 0.37, 0.5, 0.81, 1]) {
      const price = range.from + fraction * span;
      const expected = TOP + truth.y(price);
      expect(priceToY(fromCoordinates, price)).toBeCloseTo(expected, 6);
      expect(priceToY(fromRange, price)).toBeCloseTo(expected, 6);
    }
    expect(fromCoordinates.kind).toBe(mode === 1 ? 'log' : 'linear');
  });

  it('refuses samples that fit neither scale, and samples the scale did not answer', () => {
    const wobbly = [
      { y: 0, price: 100 },
      { y: 259.5, price: 80 },
      { y: 519, price: 20 },
    ];
    expect(mappingFromCoordinates(wobbly, 0)).toBeNull();
    expect(
      mappingFromCoordinates(
        [
          { y: 0, price: Number.NaN },
          { y: 259.5, price: Number.NaN },
          { y: 519, price: 1 },
        ],
        0,
      ),
    ).toBeNull();
    expect(mappingFromVisibleRange({ from: 5, to: 5 }, 0, false, 0, HEIGHT)).toBeNull();
  });

  it('spans the visible range over height - 1 rows, not height (the full-height semantics)', () => {
    const mapping = mappingFromVisibleRange({ from: 100, to: 200 }, 0, false, 0, 101)!;
    expect(priceToY(mapping, 200)).toBeCloseTo(0, 9);
    expect(priceToY(mapping, 100)).toBeCloseTo(100, 9);
  });
});
