/**
 * Tick y from text anchoring. Hand numbers use the font M below at 10 px, anchor y = 100: digits
 * 7 px tall, so the digits' centre is 3.5 px above the alphabetic baseline, which lies
 * (baseline height x 10) px below the anchor: tick = 100 + 10 * height - 3.5.
 */
import { describe, expect, it } from 'vitest';
import {
  canvasTextTickY,
  resolveSvgBaseline,
  svgLengthPx,
  svgTextTickY,
  textBoxTickY,
  type FontMetricsEm,
} from '../../../lib/chart/axis/text-anchor';

const M: FontMetricsEm = { ascent: 0.9, descent: 0.2, emAscent: 0.76, emDescent: 0.24, digitHeight: 0.7, xHeight: 0.5 };

describe('SVG text tick y', () => {
  it.each([
    // [dominant-baseline, baseline height in em, tick]
    ['auto', 0, 96.5],
    ['alphabetic', 0, 96.5],
    [undefined, 0, 96.5],
    ['hanging', 0.8 * 0.9, 103.7], // 80% of the ascent
    ['text-before-edge', 0.9, 105.5],
    ['text-top', 0.9, 105.5],
    ['text-after-edge', -0.2, 94.5],
    ['text-bottom', -0.2, 94.5],
    ['ideographic', -0.2, 94.5],
    ['mathematical', 0.45, 101],
    ['something-new', 0, 96.5], // unknown values read as alphabetic
  ])('dominant-baseline %s: tick %d', (dominantBaseline, height, tick) => {
    expect(100 + 10 * height - 3.5).toBeCloseTo(tick, 12);
    expect(svgTextTickY({ y: 100, fontSizePx: 10, dominantBaseline: dominantBaseline, metrics: M })).toBeCloseTo(tick, 12);
  });

  it('takes the anchor itself for the centring baselines', () => {
    expect(svgTextTickY({ y: 100, fontSizePx: 10, dominantBaseline: 'middle', metrics: M })).toBe(100);
    expect(svgTextTickY({ y: 100, fontSizePx: 10, dominantBaseline: 'central', metrics: M })).toBe(100);
    expect(svgTextTickY({ y: 100, dy: '-2', fontSizePx: 10, dominantBaseline: 'central', metrics: M })).toBe(98);
  });

  it('adds dy in px, em and ex before the baseline', () => {
    expect(svgTextTickY({ y: 100, dy: '0.32em', fontSizePx: 10, metrics: M })).toBeCloseTo(103.2 - 3.5, 12);
    expect(svgTextTickY({ y: 100, dy: '-2', fontSizePx: 10, metrics: M })).toBeCloseTo(98 - 3.5, 12);
    expect(svgTextTickY({ y: 100, dy: '3px', fontSizePx: 10, metrics: M })).toBeCloseTo(103 - 3.5, 12);
    expect(svgTextTickY({ y: 100, dy: '1ex', fontSizePx: 10, metrics: M })).toBeCloseTo(105 - 3.5, 12); // x-height 5 px
    expect(svgTextTickY({ y: 100, dy: 4, fontSizePx: 10, metrics: M })).toBeCloseTo(104 - 3.5, 12);
    expect(svgLengthPx('0.71em 1.2em', 10)).toBeCloseTo(7.1, 12); // first of a list
    expect(svgLengthPx('50%', 10)).toBe(0);
  });

  it("lands d3's axis labels (dy 0.32em) within half a pixel of the tick", () => {
    // d3 axisRight: text at the tick's y = 0, dy 0.32em, 10 px sans. Typical metrics: digits 7.2 px,
    // so 3.2 - 3.6 = -0.4 px.
    expect(svgTextTickY({ y: 0, dy: '0.32em', fontSizePx: 10 })).toBeCloseTo(-0.4, 12);
  });

  it('lets alignment-baseline win where the engine applies it to <text>', () => {
    expect(resolveSvgBaseline('auto', 'middle')).toBe('middle');
    expect(resolveSvgBaseline('hanging', 'baseline')).toBe('hanging');
    expect(resolveSvgBaseline('central', 'middle', false)).toBe('central');
    expect(resolveSvgBaseline(undefined, 'before-edge')).toBe('text-before-edge');
    expect(svgTextTickY({ y: 100, fontSizePx: 10, alignmentBaseline: 'middle', metrics: M })).toBe(100);
    expect(svgTextTickY({ y: 100, fontSizePx: 10, alignmentBaseline: 'middle', alignmentApplies: false, metrics: M })).toBeCloseTo(
      96.5,
      12,
    );
  });
});

describe('canvas text tick y', () => {
  it.each([
    // [textBaseline, baseline height in em, tick]
    ['top', 0.76, 104.1], // em box top
    ['hanging', 0.72, 103.7],
    ['alphabetic', 0, 96.5],
    ['ideographic', -0.2, 94.5], // the font's descent
    ['bottom', -0.24, 94.1], // em box bottom
  ])('textBaseline %s: tick %d', (textBaseline, height, tick) => {
    expect(100 + 10 * height - 3.5).toBeCloseTo(tick, 12);
    expect(canvasTextTickY({ y: 100, textBaseline: textBaseline, fontSizePx: 10, metrics: M })).toBeCloseTo(tick, 12);
  });

  it("takes 'middle' as the tick, whatever was measured", () => {
    expect(canvasTextTickY({ y: 100, textBaseline: 'middle', fontSizePx: 10, metrics: M })).toBe(100);
    expect(
      canvasTextTickY({
        y: 100,
        textBaseline: 'middle',
        fontSizePx: 10,
        measured: { actualBoundingBoxAscent: 4, actualBoundingBoxDescent: 3 },
      }),
    ).toBe(100);
  });

  it("reads 'middle' as the glyph centre for charts that centre the glyphs themselves (Lightweight Charts)", () => {
    // With M at 10 px the middle baseline is (0.76 - 0.24) / 2 = 0.26 em above the alphabetic one, so
    // digits reach 4.4 px above it and 2.6 px below: the chart adds (4.4 - 2.6) / 2 = 0.9 to the tick (220).
    const drawn = { y: 220.9, textBaseline: 'middle', fontSizePx: 10, middle: 'glyph-centre' as const };
    expect(canvasTextTickY({ ...drawn, measured: { actualBoundingBoxAscent: 4.4, actualBoundingBoxDescent: 2.6 } })).toBeCloseTo(220, 12);
    expect(canvasTextTickY({ ...drawn, metrics: M })).toBeCloseTo(220, 12);
    expect(canvasTextTickY({ ...drawn, middle: 'anchor', metrics: M })).toBe(220.9);
  });

  it('uses measured glyph boxes exactly, then measured font boxes', () => {
    // textBaseline top: digits from 1.3 px to 8.3 px below the anchor (ascent -1.3, descent 8.3): centre 104.8.
    expect(
      canvasTextTickY({
        y: 100,
        textBaseline: 'top',
        fontSizePx: 10,
        measured: { actualBoundingBoxAscent: -1.3, actualBoundingBoxDescent: 8.3 },
      }),
    ).toBeCloseTo(104.8, 12);
    // Font box from 2 px above the anchor to 9 px below (11 px = 1.1 em); M splits it 0.9 : 0.2, so the
    // alphabetic baseline is 9 px below its top, at 107; digits centre 3.5 px above: 103.5.
    expect(
      canvasTextTickY({
        y: 100,
        textBaseline: 'top',
        fontSizePx: 10,
        measured: { fontBoundingBoxAscent: 2, fontBoundingBoxDescent: 9 },
        metrics: M,
      }),
    ).toBeCloseTo(103.5, 12);
  });
});

describe('text box tick y', () => {
  it('puts the digits a hair above the centre of an ascent-to-descent run', () => {
    // Typical metrics at 10 px: centre + ((0.92 - 0.22) / 2 - 0.36) * 10 = centre - 0.1.
    expect(textBoxTickY({ top: 100, bottom: 116 }, 10)).toBeCloseTo(107.9, 12);
    // Without the size, the run is 1.14 em tall: 11.4 px is 10 px text.
    expect(textBoxTickY({ top: 100, bottom: 111.4 })).toBeCloseTo(105.6, 12);
    // M is symmetric for digits: exactly the centre.
    expect(textBoxTickY({ top: 100, bottom: 116 }, 10, M)).toBeCloseTo(108, 12);
  });
});
