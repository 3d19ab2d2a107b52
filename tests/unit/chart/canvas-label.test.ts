import { describe, expect, it } from 'vitest';
import { canvasLabel, uprightCanvasLabels, type CanvasBox, type CanvasTextCall } from '../../../lib/chart/axis/canvas-label';
import { CanvasLabelFrames } from '../../../lib/chart/axis/canvas-frames';
import { canvasRectMark, canvasSegmentMark } from '../../../lib/chart/axis/canvas-mark';
import { cssFontSizePx } from '../../../lib/chart/axis/css-font';
import type { FontMetricsEm } from '../../../lib/chart/axis/text-anchor';

const IDENTITY = { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 };
const DPR2 = { a: 2, b: 0, c: 0, d: 2, e: 0, f: 0 };
const M: FontMetricsEm = { ascent: 0.9, descent: 0.2, emAscent: 0.76, emDescent: 0.24, digitHeight: 0.7, xHeight: 0.5 };

const call = (overrides: Partial<CanvasTextCall>): CanvasTextCall => ({
  text: '4,700',
  x: 0,
  y: 0,
  transform: IDENTITY,
  textAlign: 'start',
  textBaseline: 'alphabetic',
  font: '10px sans-serif',
  metrics: M,
  ...overrides,
});

describe('CSS font sizes', () => {
  it.each([
    ['bold 11px -apple-system, BlinkMacSystemFont', 11],
    ['12px/1.2 Trebuchet MS', 12],
    ['italic small-caps 700 9pt Georgia, serif', 12],
    ['normal normal 400 13.5px "Segoe UI"', 13.5],
    ['0.75em Arial', 12],
    ['small sans-serif', 13],
    ['700 1rem system-ui', 16],
    ['125% Arial', 20],
  ])('%s is %d px', (font, px) => {
    expect(cssFontSizePx(font)).toBeCloseTo(px, 12);
  });

  it('finds no size in a system font or a weight alone', () => {
    expect(cssFontSizePx('caption')).toBeNull();
    expect(cssFontSizePx('700 Arial')).toBeNull();
  });
});

describe('canvas label geometry', () => {
  it('maps a device-pixel-ratio 2 canvas back to CSS px', () => {
    // Canvas 400 x 300 CSS px at (100, 50), backing store 800 x 600, context scaled by 2.
    const box: CanvasBox = { left: 100, top: 50, width: 400, height: 300, backingWidth: 800, backingHeight: 600 };
    const label = canvasLabel(
      call({ x: 380, y: 150, textAlign: 'right', textBaseline: 'middle', font: 'bold 11px sans-serif', width: 30, transform: DPR2 }),
      box,
    );
    // Canvas units -> backing x2 -> CSS x0.5: canvas units are CSS px from the corner.
    expect(label.tickY).toBeCloseTo(50 + 150, 12);
    expect(label.right).toBeCloseTo(100 + 380, 12);
    expect(label.left).toBeCloseTo(100 + 350, 12);
    expect(label.fontSizeCssPx).toBeCloseTo(11, 12);
    expect(label.upright).toBe(true);
    expect(label.widthEstimated).toBe(false);
    // With a device pixel ratio the page did not compensate (no scale): half size.
    const unscaled = canvasLabel(call({ x: 380, y: 150, textAlign: 'right', textBaseline: 'middle', width: 30 }), box);
    expect(unscaled.tickY).toBeCloseTo(50 + 75, 12);
    expect(unscaled.right).toBeCloseTo(100 + 190, 12);
  });

  it.each([
    // textBaseline, tick in canvas units at y = 100 with 10 px M text (text-anchor's hand numbers)
    ['top', 104.1],
    ['hanging', 103.7],
    ['middle', 100],
    ['alphabetic', 96.5],
    ['ideographic', 94.5],
    ['bottom', 94.1],
  ])('places textBaseline %s under a DPR 2 transform with a translation', (textBaseline, tickUnits) => {
    // Backing y = 2 * v + 40 (a 20 CSS px top margin drawn in backing pixels), CSS = backing / 2 + 10.
    const box: CanvasBox = { left: 0, top: 10, width: 300, height: 200, backingWidth: 600, backingHeight: 400 };
    const label = canvasLabel(call({ y: 100, textBaseline, transform: { ...DPR2, f: 40 } }), box);
    expect(label.tickY).toBeCloseTo(10 + (2 * tickUnits + 40) / 2, 12);
    // The digits' box, 7 px tall, around the tick.
    expect(label.bottom - label.top).toBeCloseTo(7, 12);
  });

  it('follows a translation (uPlot) and a canvas stretched by CSS', () => {
    const translated = canvasLabel(call({ x: 5, y: 100, textBaseline: 'middle', transform: { ...IDENTITY, e: 10.5, f: 20 }, width: 28 }), {
      left: 0,
      top: 0,
      width: 500,
      height: 400,
      backingWidth: 500,
      backingHeight: 400,
    });
    expect(translated.tickY).toBeCloseTo(120, 12);
    expect(translated.left).toBeCloseTo(15.5, 12);
    // Backing 400 x 300 shown at 200 x 150 CSS px: everything halves.
    const stretched = canvasLabel(call({ x: 40, y: 100, textBaseline: 'middle', width: 28 }), {
      left: 30,
      top: 60,
      width: 200,
      height: 150,
      backingWidth: 400,
      backingHeight: 300,
    });
    expect(stretched.tickY).toBeCloseTo(60 + 50, 12);
    expect(stretched.left).toBeCloseTo(30 + 20, 12);
    expect(stretched.right).toBeCloseTo(30 + 34, 12);
    expect(stretched.fontSizeCssPx).toBeCloseTo(5, 12);
  });

  it('reads a price axis drawn on its own canvas (Lightweight Charts)', () => {
    // Price-axis canvas 60 x 400 CSS px at x = 700, DPR 2, labels left-aligned 8 px in.
    const box: CanvasBox = { left: 700, top: 0, width: 60, height: 400, backingWidth: 120, backingHeight: 800 };
    const label = canvasLabel(call({ x: 8, y: 220, textAlign: 'left', textBaseline: 'middle', transform: DPR2, width: 31 }), box);
    expect(label.left).toBeCloseTo(708, 12);
    expect(label.right).toBeCloseTo(739, 12);
    expect(label.tickY).toBeCloseTo(220, 12);
  });

  it.each([
    ['left', 'ltr', 100, 130],
    ['right', 'ltr', 70, 100],
    ['center', 'ltr', 85, 115],
    ['start', 'ltr', 100, 130],
    ['end', 'ltr', 70, 100],
    ['start', 'rtl', 70, 100],
    ['end', 'rtl', 100, 130],
  ])('textAlign %s with direction %s spans %d to %d', (textAlign, direction, left, right) => {
    const label = canvasLabel(call({ x: 100, textAlign, direction, width: 30 }), {
      left: 0,
      top: 0,
      width: 300,
      height: 300,
      backingWidth: 300,
      backingHeight: 300,
    });
    expect([label.left, label.right]).toEqual([left, right]);
  });

  it('condenses to maxWidth and estimates an unmeasured width', () => {
    const box = { left: 0, top: 0, width: 300, height: 300, backingWidth: 300, backingHeight: 300 };
    expect(canvasLabel(call({ x: 100, width: 30, maxWidth: 20 }), box).right).toBe(120);
    // "4,700": four digits at 0.56 em and a comma at 0.28 em = 2.52 em = 25.2 px at 10 px.
    const estimated = canvasLabel(call({ x: 100 }), box);
    expect(estimated.right - estimated.left).toBeCloseTo(25.2, 12);
    expect(estimated.widthEstimated).toBe(true);
  });

  it('reports rotated and mirrored text as not upright', () => {
    const box = { left: 0, top: 0, width: 300, height: 300, backingWidth: 300, backingHeight: 300 };
    // Rotated -90 degrees (an axis title reading bottom to top): x' = y, y' = -x.
    const rotated = canvasLabel(call({ transform: { a: 0, b: -1, c: 1, d: 0, e: 20, f: 200 } }), box);
    expect(rotated.upright).toBe(false);
    expect(rotated.rotationDeg).toBeCloseTo(-90, 12);
    const slanted = canvasLabel(
      call({ transform: { a: Math.cos(0.5), b: Math.sin(0.5), c: -Math.sin(0.5), d: Math.cos(0.5), e: 0, f: 0 } }),
      box,
    );
    expect(slanted.upright).toBe(false);
    expect(canvasLabel(call({ transform: { ...IDENTITY, d: -1 } }), box).upright).toBe(false);
    const kept = uprightCanvasLabels([call({}), call({ transform: { a: 0, b: -1, c: 1, d: 0, e: 0, f: 0 } })], box);
    expect(kept).toHaveLength(1);
  });
});

describe('canvas marks', () => {
  // A pane canvas 700 x 440 CSS px at (0, 0), DPR 2, drawing in backing pixels (identity transform).
  const pane: CanvasBox = { left: 0, top: 0, width: 700, height: 440, backingWidth: 1400, backingHeight: 880 };

  it('reads a grid line stroked across the pane (Lightweight Charts draws in backing pixels)', () => {
    // moveTo(-1, 440.5) lineTo(1401, 440.5): CSS y 220.25, x -0.5 .. 700.5.
    expect(canvasSegmentMark({ x1: -1, y1: 440.5, x2: 1401, y2: 440.5 }, IDENTITY, pane)).toEqual({ y: 220.25, left: -0.5, right: 700.5 });
    // A vertical grid line is no mark.
    expect(canvasSegmentMark({ x1: 200, y1: 0, x2: 200, y2: 880 }, IDENTITY, pane)).toBeNull();
  });

  it('reads a thin rect as a tick mark at its centre, and a candle body as none', () => {
    // A tick mark 5 x 1 CSS px drawn with scale 2 at (695, 219.5): CSS y 219.5 .. 220.5.
    expect(canvasRectMark({ x: 695, y: 219.5, width: 5, height: 1 }, DPR2, pane)).toEqual({ y: 220, left: 695, right: 700 });
    expect(canvasRectMark({ x: 300, y: 100, width: 6, height: 40 }, DPR2, pane)).toBeNull();
  });
});

describe('canvas label frames', () => {
  it('keeps the latest finished frame per canvas; a full clear mid-frame erases what came before', () => {
    const frames = new CanvasLabelFrames<string, string>();
    frames.record('price', 1, 'a');
    frames.record('price', 1, 'b');
    frames.record('time', 1, 'c');
    expect(frames.latest('price')).toBeNull(); // frame 1 is not over
    expect(frames.endFrame(1)).toEqual(['price', 'time']);
    expect(frames.latest('price')!.items).toEqual(['a', 'b']);
    expect(frames.latest('time')!.items).toEqual(['c']);

    // Frame 2 redraws the price canvas only: the time canvas keeps its set.
    frames.cleared('price', 2, 1);
    frames.record('price', 2, 'd');
    expect(frames.latest('price')!.items).toEqual(['a', 'b']); // replaced only when complete
    expect(frames.endFrame(2)).toEqual(['price']);
    expect(frames.latest('price')).toEqual({ frame: 2, items: ['d'], overflow: false });
    expect(frames.latest('time')!.items).toEqual(['c']);

    // A clear of the whole canvas mid-frame: the chart drew twice; the second drawing is what shows.
    frames.record('price', 3, 'e');
    frames.record('price', 3, 'f');
    frames.cleared('price', 3, 0.95);
    frames.record('price', 3, 'g');
    frames.endFrame(3);
    expect(frames.latest('price')!.items).toEqual(['g']);

    // A partial clear (a crosshair badge's box) erases nothing.
    frames.record('price', 4, 'h');
    frames.cleared('price', 4, 0.05);
    frames.record('price', 4, 'i');
    frames.endFrame(4);
    expect(frames.latest('price')!.items).toEqual(['h', 'i']);
  });

  it('finishes a frame when a later one starts, and empties a canvas cleared without labels', () => {
    const frames = new CanvasLabelFrames<number, string>();
    frames.record(7, 5, 'j');
    frames.record(7, 6, 'k'); // no endFrame(5): frame 6's first call shows frame 5 is over
    expect(frames.latest(7)!.items).toEqual(['j']);
    frames.endFrame(6);
    expect(frames.latest(7)!.items).toEqual(['k']);
    frames.cleared(7, 8, 1);
    frames.endFrame(8);
    expect(frames.latest(7)!.items).toEqual([]);
    frames.forget(7);
    expect(frames.canvases()).toEqual([]);
  });

  it('caps a set and says so', () => {
    const frames = new CanvasLabelFrames<string, number>({ maxItems: 2 });
    [1, 2, 3].forEach((item) => frames.record('c', 1, item));
    frames.endFrame(1);
    expect(frames.latest('c')).toEqual({ frame: 1, items: [1, 2], overflow: true });
  });
});
