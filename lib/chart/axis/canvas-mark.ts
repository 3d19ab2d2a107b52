/**
 * A canvas tap's horizontal stroke or thin filled rectangle as a tick mark or grid line in viewport
 * px, for pairing with labels (tick-pairing.ts). Charts draw grid lines as moveTo/lineTo strokes
 * (Lightweight Charts, uPlot, Chart.js) or thin rects (tick marks); the tap records them in canvas
 * units with the transform at the call, as it records text.
 */
import type { CanvasBox, Matrix2D } from './canvas-label';
import type { HorizontalMark } from './tick-pairing';

/** Along-y extent below which a stroke or rect counts as a line, viewport px; and the least length. */
const MAX_THICKNESS_PX = 3;
const MIN_LENGTH_PX = 3;

function toPage(transform: Matrix2D, box: CanvasBox, u: number, v: number): { x: number; y: number } {
  const { a, b, c, d, e, f } = transform;
  return {
    x: box.left + ((a * u + c * v + e) * box.width) / box.backingWidth,
    y: box.top + ((b * u + d * v + f) * box.height) / box.backingHeight,
  };
}

/** A stroked segment (canvas units): a mark when it runs horizontally on the page, else null. */
export function canvasSegmentMark(
  segment: { x1: number; y1: number; x2: number; y2: number },
  transform: Matrix2D,
  box: CanvasBox,
): HorizontalMark | null {
  const start = toPage(transform, box, segment.x1, segment.y1);
  const end = toPage(transform, box, segment.x2, segment.y2);
  if (Math.abs(end.y - start.y) > 0.5 || Math.abs(end.x - start.x) < MIN_LENGTH_PX) return null;
  return { y: (start.y + end.y) / 2, left: Math.min(start.x, end.x), right: Math.max(start.x, end.x) };
}

/** A filled or stroked rect (canvas units): a mark, at its vertical centre, when it is a thin horizontal bar on the page. */
export function canvasRectMark(
  rect: { x: number; y: number; width: number; height: number },
  transform: Matrix2D,
  box: CanvasBox,
): HorizontalMark | null {
  const corners = [
    toPage(transform, box, rect.x, rect.y),
    toPage(transform, box, rect.x + rect.width, rect.y),
    toPage(transform, box, rect.x, rect.y + rect.height),
    toPage(transform, box, rect.x + rect.width, rect.y + rect.height),
  ];
  const xs = corners.map((corner) => corner.x);
  const ys = corners.map((corner) => corner.y);
  const top = Math.min(...ys);
  const bottom = Math.max(...ys);
  const left = Math.min(...xs);
  const right = Math.max(...xs);
  if (bottom - top > MAX_THICKNESS_PX || right - left < MIN_LENGTH_PX || right - left < 2 * (bottom - top)) return null;
  return { y: (top + bottom) / 2, left, right };
}
