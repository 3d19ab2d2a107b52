/** A chart's own (y, price) answers become an exact mapping, or nothing when they fit none we model. */
import { describe, expect, it } from 'vitest';
import { mappingFromSamples } from '../../../lib/chart/mapping/sampled-mapping';
import { priceToY } from '../../../lib/chart/mapping/mapping';
import { plausibleFor } from '../../../entrypoints/overlay.content/readers/chart-api';

describe('mappingFromSamples', () => {
  it('linear: y = 40 + (4900 - p) * 2 (top 4900, 2 px a point)', () => {
    const samples = [4900, 4750, 4600].map((price) => ({ price, y: 40 + (4900 - price) * 2 }));
    const mapping = mappingFromSamples(samples)!;
    expect(mapping.kind).toBe('linear');
    expect(priceToY(mapping, 4700)).toBeCloseTo(440, 9);
    expect(priceToY(mapping, 5000)).toBeCloseTo(-160, 9);
  });

  it('log10 (Plotly, ECharts, Chart.js): 400 px a decade; the base only scales the slope', () => {
    const y = (price: number) => 100 + 400 * (Math.log10(5000) - Math.log10(price));
    const mapping = mappingFromSamples([4000, 4500, 5000].map((price) => ({ price, y: y(price) })))!;
    expect(mapping.kind).toBe('log');
    for (const price of [3000, 4700, 6000]) expect(priceToY(mapping, price)).toBeCloseTo(y(price), 6);
  });

  it('inverted axis (high prices at the bottom) is the same line with the other sign', () => {
    const mapping = mappingFromSamples([100, 150, 200].map((price) => ({ price, y: 10 + price })))!;
    expect(priceToY(mapping, 175)).toBeCloseTo(185, 9);
  });

  it('samples on neither a line nor a log (a broken or percent axis), or too few, give nothing', () => {
    const bent = [
      { price: 100, y: 500 },
      { price: 200, y: 300 },
      { price: 300, y: 250 },
    ];
    expect(mappingFromSamples(bent)).toBeNull();
    expect(mappingFromSamples(bent.slice(0, 2))).toBeNull();
    expect(mappingFromSamples([{ price: Number.NaN, y: 1 }, ...bent.slice(0, 2)])).toBeNull();
    // All at one y: no scale at all.
    expect(mappingFromSamples([100, 200, 300].map((price) => ({ price, y: 50 })))).toBeNull();
  });
});

describe('plausibleFor: a library chart shows the underlying when spot is near its visible range', () => {
  const pane = { left: 0, top: 100, width: 800, height: 400 };
  const chart = (high: number, low: number) => ({
    pane,
    mapping: mappingFromSamples([high, (high + low) / 2, low].map((price, index) => ({ price, y: 100 + index * 200 })))!,
  });
  it('an SPX chart 4600–4900 holds spot 4700; an RSI pane 0–100 and a volume chart in millions do not', () => {
    expect(plausibleFor(chart(4900, 4600), 4697.24)).toBe(true);
    expect(plausibleFor(chart(100, 0), 4697.24)).toBe(false);
    expect(plausibleFor(chart(3e6, 0), 4697.24)).toBe(false);
    // Zoomed far in above spot (4800–4810): still the price chart (within 1.5x).
    expect(plausibleFor(chart(4810, 4800), 4697.24)).toBe(true);
    // Without a spot yet, any chart may be the one.
    expect(plausibleFor(chart(100, 0), undefined)).toBe(true);
  });
});
