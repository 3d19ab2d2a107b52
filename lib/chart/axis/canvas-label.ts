/**
 * Where a recorded canvas fillText/strokeText call puts its label on the page: tick y and box in
 * viewport CSS px, from the call's anchor, the context state at the call (transform, textAlign,
 * direction, textBaseline, font) and the canvas element's box and backing-store size.
 *
 * Coordinates: canvas units --transform--> backing-store pixels --(CSS size / backing size)-->
 * viewport px from the canvas content box's corner. That covers device-pixel-ratio scaling (a scale
 * of 2 onto a backing store twice the CSS size), translations (uPlot, an axis on its own canvas)
 * and a canvas stretched by CSS. Text under rotation, skew or mirroring is reported as not upright:
 * a price axis's labels are never rotated.
 */
import type { AxisLabel } from './axis-label';
import { cssFontSizePx } from './css-font';
import { canvasTextTickY, TYPICAL_SANS_METRICS, type FontMetricsEm, type MeasuredText, type MiddleReading } from './text-anchor';

/** A 2D affine transform as getTransform() gives it: x' = a x + c y + e, y' = b x + d y + f. */
export interface Matrix2D {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

export interface CanvasBox {
  /** The canvas's content box in viewport CSS px (getBoundingClientRect minus border and padding). */
  left: number;
  top: number;
  width: number;
  height: number;
  /** canvas.width and canvas.height. */
  backingWidth: number;
  backingHeight: number;
}

export interface CanvasTextCall {
  text: string;
  x: number;
  y: number;
  /** fillText's optional maxWidth: wider text is condensed to it. */
  maxWidth?: number;
  transform: Matrix2D;
  textAlign: string;
  /** 'ltr' or 'rtl' (resolve 'inherit' from the canvas element). Default ltr. */
  direction?: string;
  textBaseline: string;
  /** How to read a 'middle' baseline (text-anchor.ts). Default 'anchor'. */
  middle?: MiddleReading;
  /** ctx.font; ignored when fontSizePx is given. */
  font?: string;
  fontSizePx?: number;
  /** measureText(text).width, canvas units; estimated from the characters when absent. */
  width?: number;
  /** measureText of the digits in this font and baseline (see text-anchor.ts). */
  measured?: MeasuredText;
  metrics?: Partial<FontMetricsEm>;
}

export interface CanvasLabel extends AxisLabel {
  tickY: number;
  tickSource: 'anchor';
  /** False under rotation, skew or mirroring: not a y-axis label. */
  upright: boolean;
  /** Rotation of the text's x axis, degrees (0 upright; -90 reads bottom to top). */
  rotationDeg: number;
  fontSizeCssPx: number;
  widthEstimated: boolean;
}

/** The canvas default font, "10px sans-serif". */
const DEFAULT_FONT_PX = 10;
/** Rotation or skew below this (tan 1 degree) is rounding, not a rotated label. */
const UPRIGHT_TOLERANCE = Math.tan(Math.PI / 180);

/** Advance widths of a typical sans in em: digits are tabular, separators narrow. */
function estimateWidthEm(text: string): number {
  let em = 0;
  for (const char of text) {
    if (/\d/.test(char)) em += 0.56;
    else if (/[.,:'\s\u00a0\u202f\u2009]/.test(char)) em += 0.28;
    else if (/[-\u2212+()]/.test(char)) em += 0.4;
    else em += 0.6;
  }
  return em;
}

/** How far left of x the text starts, as a share of its width. */
function alignShare(textAlign: string, direction: string | undefined): number {
  const rtl = (direction ?? 'ltr').toLowerCase() === 'rtl';
  switch (textAlign.toLowerCase()) {
    case 'right':
      return 1;
    case 'center':
      return 0.5;
    case 'end':
      return rtl ? 0 : 1;
    case 'left':
      return 0;
    case 'start':
    default:
      return rtl ? 1 : 0;
  }
}

export function canvasLabel(call: CanvasTextCall, box: CanvasBox): CanvasLabel {
  const m = { ...TYPICAL_SANS_METRICS, ...call.metrics };
  const size = call.fontSizePx ?? (call.font ? cssFontSizePx(call.font) : null) ?? DEFAULT_FONT_PX;
  const measuredWidth = call.width !== undefined && Number.isFinite(call.width);
  let width = measuredWidth ? call.width! : estimateWidthEm(call.text) * size;
  if (call.maxWidth !== undefined && call.maxWidth >= 0 && width > call.maxWidth) width = call.maxWidth;

  // The label in canvas units.
  const left = call.x - width * alignShare(call.textAlign, call.direction);
  const right = left + width;
  const tickY = canvasTextTickY({
    y: call.y,
    textBaseline: call.textBaseline,
    middle: call.middle,
    fontSizePx: size,
    measured: call.measured,
    metrics: call.metrics,
  });
  const measured = call.measured;
  let top: number;
  let bottom: number;
  if (measured?.actualBoundingBoxAscent !== undefined && measured.actualBoundingBoxDescent !== undefined) {
    top = call.y - measured.actualBoundingBoxAscent;
    bottom = call.y + measured.actualBoundingBoxDescent;
  } else {
    // The digits' box around the tick (exact for every baseline but 'middle', close there).
    top = tickY - (m.digitHeight / 2) * size;
    bottom = tickY + (m.digitHeight / 2) * size;
  }

  const { a, b, c, d, e, f } = call.transform;
  const scaleX = box.width / box.backingWidth;
  const scaleY = box.height / box.backingHeight;
  const toPage = (u: number, v: number) => ({ x: box.left + (a * u + c * v + e) * scaleX, y: box.top + (b * u + d * v + f) * scaleY });
  const corners = [toPage(left, top), toPage(right, top), toPage(left, bottom), toPage(right, bottom)];
  const tick = toPage((left + right) / 2, tickY);
  const upright = a > 0 && d > 0 && Math.abs(b) <= UPRIGHT_TOLERANCE * a && Math.abs(c) <= UPRIGHT_TOLERANCE * d;
  return {
    text: call.text,
    left: Math.min(...corners.map((corner) => corner.x)),
    right: Math.max(...corners.map((corner) => corner.x)),
    top: Math.min(...corners.map((corner) => corner.y)),
    bottom: Math.max(...corners.map((corner) => corner.y)),
    tickY: tick.y,
    tickSource: 'anchor',
    upright,
    rotationDeg: (Math.atan2(b, a) * 180) / Math.PI,
    fontSizeCssPx: size * Math.hypot(c, d) * scaleY,
    widthEstimated: !measuredWidth,
  };
}

/** The upright labels of a canvas's recorded calls (rotated ones are not y-axis labels). */
export function uprightCanvasLabels(calls: readonly CanvasTextCall[], box: CanvasBox): CanvasLabel[] {
  return calls.map((call) => canvasLabel(call, box)).filter((label) => label.upright);
}
