/**
 * The reader over many random axes (seeded): prices from 0.1 to 10,000, linear or log scales over
 * 0.5% to 30% of the price, 5 to 13 nicely stepped ticks, labels jittered by up to 0.3 px, the top
 * label clamped 7 px into the plot half the time, a stale copy of a label at a random y half the
 * time, and a volume axis on the other side. Every axis must be found, on the right side, with the
 * mid-range price within 1 px of its true y (the truth is the generator's own mapping).
 */
import { describe, expect, it } from 'vitest';
import type { AxisLabel } from '../../../lib/chart/axis/axis-label';
import { priceToY } from '../../../lib/chart/mapping/mapping';
import { readPriceAxis } from '../../../lib/chart/axis/price-axis';
import { niceStep, random } from './seeded-axes';

describe('reading random axes', () => {
  it('finds every axis within a pixel despite jitter, clamping, stale labels and a second axis', () => {
    const rnd = random(20240105);
    let trials = 0;
    let worst = 0;
    while (trials < 300) {
      const price = 10 ** (rnd() * 5 - 1);
      const log = rnd() < 0.25;
      const top = 20 + rnd() * 100;
      const height = 200 + rnd() * 600;
      const span = price * (0.005 + rnd() * 0.3);
      const low = price - span * rnd();
      const high = low + span;
      const f = (p: number) => (log ? Math.log(p) : p);
      const trueY = (p: number) => top + (height * (f(high) - f(p))) / (f(high) - f(low));
      const step = niceStep(span / (4 + rnd() * 9));
      const decimals = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9) + (String(step).includes('25') ? 1 : 0));
      const right = 900 + rnd() * 100;
      const labels: AxisLabel[] = [];
      for (let k = Math.ceil(low / step); k * step <= high; k++) {
        const value = Number((k * step).toFixed(decimals));
        const y = trueY(value) + (rnd() - 0.5) * 0.6;
        const text = value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
        labels.push({ text, left: right - 7 * text.length, right, top: y - 6, bottom: y + 6 });
      }
      if (labels.length < 5) continue;
      trials++;
      const topmost = labels.length - 1;
      if (rnd() < 0.5) labels[topmost] = { ...labels[topmost], top: labels[topmost].top + 7, bottom: labels[topmost].bottom + 7 };
      if (rnd() < 0.5) {
        const stale = labels[Math.floor(rnd() * labels.length)];
        const y = top + rnd() * height;
        labels.push({ ...stale, top: y - 6, bottom: y + 6 });
      }
      for (let k = 0; k <= 4; k++)
        labels.push({
          text: `${(4 - k) * 250}K`,
          left: 10,
          right: 40,
          top: top + (height * k) / 4 - 6,
          bottom: top + (height * k) / 4 + 6,
        });

      const fit = readPriceAxis(labels, { expectedPrice: low + span / 2 }).best;
      expect(fit, `trial ${trials}: ${labels.map((label) => label.text).join(' ')}`).not.toBeNull();
      expect(fit!.columnRight).toBe(right);
      const middle = low + span / 2;
      worst = Math.max(worst, Math.abs(priceToY(fit!.mapping, middle) - trueY(middle)));
    }
    expect(worst).toBeLessThan(1);
  });
});
