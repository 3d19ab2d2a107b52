/**
 * The page's numeric labels and horizontal marks, as the axis-text reader collects them from the DOM
 * and SVG: only labels a person can see (hidden ones left at a stale place would be believed), each
 * with its tick's y where its text is anchored (an SVG text's y, baseline and dy; an HTML label's glyph
 * box); and the horizontal grid lines and tick marks the chart draws beside them.
 */
import {
  readTickText,
  type AxisLabel,
  type HorizontalMark,
  reachesBand,
  type Band,
  svgTextTickY,
  textBoxTickY,
  horizontalSegments,
  type HorizontalSegment,
} from '../../../lib/chart/axis';

const MAX_TEXT_NODES = 6000;
const MAX_MARKS = 3000;
const IS_FIREFOX = typeof navigator !== 'undefined' && /firefox/i.test(navigator.userAgent);

export interface Candidate extends AxisLabel {
  element: Element;
}

/** Can a person see this element? Hidden, transparent, collapsed or clipped away labels cannot count. */
function isVisible(element: Element, rect: DOMRect): boolean {
  if (rect.width === 0 || rect.height === 0) return false;
  if (rect.bottom < 0 || rect.top > window.innerHeight || rect.right < 0 || rect.left > window.innerWidth) return false;
  // Older browsers lack checkVisibility: the walk below stands in.
  if (typeof element.checkVisibility === 'function') {
    return element.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true });
  }
  for (let node: Element | null = element; node; node = node.parentElement) {
    const style = getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse' || Number(style.opacity) === 0)
      return false;
  }
  return true;
}

/** An SVG text's tick y in viewport px: its anchor (y, dy, baseline) through its transform to the screen. */
function svgTickY(element: SVGTextContentElement, fontSizePx: number, elementStyle: CSSStyleDeclaration): number | null {
  const text = (element.closest('text') ?? element) as SVGTextElement;
  const anchor = element.hasAttribute('y') ? element : text;
  const ctm = (anchor as SVGGraphicsElement).getScreenCTM?.();
  if (!ctm || Math.abs(ctm.b) > 1e-6 || Math.abs(ctm.c) > 1e-6) return null; // rotated: not a y-axis label
  const style = anchor === element ? elementStyle : getComputedStyle(anchor);
  const yList = (anchor as SVGTextPositioningElement).y?.baseVal;
  const y = yList && yList.numberOfItems > 0 ? yList.getItem(0).value : 0;
  const local = svgTextTickY({
    y,
    dy: anchor.getAttribute('dy'),
    fontSizePx: fontSizePx / (ctm.d || 1),
    dominantBaseline: style.dominantBaseline,
    alignmentBaseline: style.alignmentBaseline,
    alignmentApplies: !IS_FIREFOX,
  });
  return ctm.d * local + ctm.f;
}

/** Numeric-looking, visible text nodes, outside our own overlay, with their boxes and tick y. */
export function collectLabels(root: Node, skip: Element | null): Candidate[] {
  const labels: Candidate[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < MAX_TEXT_NODES; node = walker.nextNode()) {
    seen++;
    const text = (node.nodeValue ?? '').trim();
    // Only numbers can be price ticks: dates, times and words cost no DOM reads (a chart's x axis
    // is as many labels as its y axis, and this runs every frame the chart pans).
    if (text.length === 0 || text.length > 24 || !/\d/.test(text) || !readTickText(text).ok) continue;
    const element = node.parentElement;
    if (!element || (skip && skip.contains(element)) || element.closest('script, style, noscript, textarea, input')) continue;
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (!isVisible(element, box)) continue;
    const style = getComputedStyle(element);
    const fontSizePx = parseFloat(style.fontSize) || box.height;
    let tickY: number | null = null;
    if (element instanceof SVGTextContentElement) tickY = svgTickY(element, fontSizePx, style);
    else if (!(element instanceof SVGElement)) tickY = textBoxTickY(box, fontSizePx);
    labels.push({
      text,
      left: box.left,
      right: box.right,
      top: box.top,
      bottom: box.bottom,
      ...(tickY !== null && Number.isFinite(tickY) ? { tickY, tickSource: 'anchor' as const } : {}),
      element,
    });
  }
  range.detach();
  return labels;
}

/** Each path's horizontal segments, kept while its `d` stays the same (grid lines rarely change). */
const pathSegments = new WeakMap<Element, { d: string; segments: HorizontalSegment[] }>();

function segmentsOf(path: SVGPathElement): HorizontalSegment[] | null {
  const d = path.getAttribute('d');
  if (!d || d.length > 20000) return null;
  const known = pathSegments.get(path);
  if (known?.d === d) return known.segments;
  const segments = horizontalSegments(d);
  pathSegments.set(path, { d, segments });
  return segments;
}

/**
 * Horizontal grid lines and tick marks the chart draws: SVG lines, paths and thin rects. Only marks
 * reaching one of `bands` count (a mark pairs with a label only beside it): a path elsewhere — a
 * chart's candles, its series — is passed over on its bounding box, without reading its drawing.
 */
export function collectMarks(root: Element, skip: Element | null, bands: readonly Band[]): HorizontalMark[] {
  const marks: HorizontalMark[] = [];
  // A horizontal span in the element's own units, through its screen matrix (no rotation or skew).
  const push = (ctm: DOMMatrix, y: number, x1: number, x2: number) => {
    const left = ctm.a * x1 + ctm.e;
    const right = ctm.a * x2 + ctm.e;
    const mark = { y: ctm.d * y + ctm.f, left: Math.min(left, right), right: Math.max(left, right) };
    if (marks.length < MAX_MARKS && mark.right - mark.left >= 3 && Number.isFinite(mark.y) && reachesBand(bands, mark.left, mark.right))
      marks.push(mark);
  };
  for (const element of root.querySelectorAll('line, path, rect')) {
    if (marks.length >= MAX_MARKS) break;
    if (skip?.contains(element)) continue;
    if (element instanceof SVGRectElement) {
      const rect = element.getBoundingClientRect();
      if (rect.height <= 2 && rect.width >= 3 && reachesBand(bands, rect.left, rect.right))
        marks.push({ y: rect.top + rect.height / 2, left: rect.left, right: rect.right });
      continue;
    }
    if (!(element instanceof SVGPathElement || element instanceof SVGLineElement)) continue;
    const ctm = element.getScreenCTM();
    if (!ctm || Math.abs(ctm.b) > 1e-6 || Math.abs(ctm.c) > 1e-6) continue;
    if (element instanceof SVGPathElement) {
      let box: DOMRect;
      try {
        box = element.getBBox();
      } catch {
        continue; // not rendered (Firefox throws): nothing to see
      }
      const x1 = ctm.a * box.x + ctm.e;
      const x2 = ctm.a * (box.x + box.width) + ctm.e;
      if (!reachesBand(bands, Math.min(x1, x2), Math.max(x1, x2))) continue;
      const segments = segmentsOf(element);
      if (segments) for (const segment of segments) push(ctm, segment.y, segment.x1, segment.x2);
    } else {
      const line = element as SVGLineElement;
      const y1 = line.y1.baseVal.value;
      if (Math.abs(y1 - line.y2.baseVal.value) > 1e-6) continue;
      push(ctm, y1, line.x1.baseVal.value, line.x2.baseVal.value);
    }
  }
  return marks;
}
