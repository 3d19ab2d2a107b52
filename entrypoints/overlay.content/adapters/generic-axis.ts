/**
 * The axis reader: reads a chart's price axis the way a person does, from its tick labels in the DOM
 * or SVG. Only labels that can be seen count (hidden ones left at a stale place would be believed);
 * each label's tick is where its text is anchored (an SVG text's y, baseline and dy; an HTML label's
 * glyph box), and where the chart draws grid lines or tick marks beside them the labels are paired with
 * those; the fit is robust (a clamped end label is an outlier, not a broken axis) and, among several
 * numeric columns, picks the one plausible for the levels' own spot. It re-reads on every change of the
 * chart, resize and scroll, and never gives up: when it cannot read now, it says why and keeps looking.
 * While a chart pans or zooms, the axis found is followed (its one column refitted, column-track.ts),
 * with a full read at least every 400 ms and whenever following does not fit.
 */
import {
  readPriceAxis,
  readTickText,
  type AxisFit,
  type AxisLabel,
  type HorizontalMark,
  scoreAxisFit,
  followColumn,
  FOLLOW_AT_MOST_MS,
  trackOf,
  type ColumnTrack,
  labelBands,
  reachesBand,
  type Band,
  svgTextTickY,
  textBoxTickY,
  horizontalSegments,
  type HorizontalSegment,
} from '../../../lib/chart/axis';
import type { PlotRect } from '../../../lib/chart/mapping';
import { fittedState, pageChart, WatchingAdapter, type AdapterState } from './adapter';

const MAX_TEXT_NODES = 6000;
const MAX_MARKS = 3000;
const IS_FIREFOX = typeof navigator !== 'undefined' && /firefox/i.test(navigator.userAgent);

interface Candidate extends AxisLabel {
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

/** The chart element holding the fitted labels: an <svg> root, or a block wider than the axis column. */
function chartContainer(fit: AxisFit<Candidate>): Element | null {
  const elements = fit.ticks.map((tick) => tick.label.element);
  if (elements.length === 0) return null;
  let container: Element | null = elements[0];
  while (container && !elements.every((element) => container!.contains(element))) container = container.parentElement;
  const columnWidth = fit.columnRight - fit.columnLeft;
  while (
    container &&
    container.parentElement &&
    (container instanceof SVGElement
      ? container.tagName.toLowerCase() !== 'svg' || container.ownerSVGElement
      : container.getBoundingClientRect().width < columnWidth * 4)
  ) {
    container = container.parentElement;
  }
  return container;
}

/** The plot: beside the axis column inside the chart's box, narrowed to the grid lines' span where they are drawn. */
function plotOf(fit: AxisFit<Candidate>, box: DOMRect, marks: readonly HorizontalMark[]): PlotRect {
  const axisOnRight = fit.columnLeft > box.left + box.width / 2;
  let left = axisOnRight ? box.left : fit.columnRight + 4;
  let right = axisOnRight ? fit.columnLeft - 4 : box.right;
  // Grid lines at the ticks show where the plot really spans.
  const gridLines = marks.filter(
    (mark) => fit.ticks.some((tick) => Math.abs(tick.y - mark.y) <= 1) && mark.right - mark.left > (right - left) * 0.5,
  );
  if (gridLines.length >= 2) {
    left = Math.max(left, Math.min(...gridLines.map((mark) => mark.left)));
    right = Math.min(right, Math.max(...gridLines.map((mark) => mark.right)));
  }
  return { left, top: box.top, width: Math.max(0, right - left), height: box.height };
}

/** What a full read leaves for the reads after it to follow (column-track.ts). */
interface Following {
  track: ColumnTrack;
  container: Element;
  /** The container's size then: a resize reads in full. */
  width: number;
  height: number;
  /** The plot's sides inside the container then (the axis column's side, the grid lines' span), px. */
  insetLeft: number;
  insetRight: number;
  fullReadAt: number;
}

export class GenericAxisAdapter extends WatchingAdapter {
  readonly name = 'generic' as const;
  /** The price the axis should show (the levels' spot on this chart): picks the price axis among columns. */
  private expectedPrice: number | undefined;
  private following: Following | null = null;
  /** Why the last read found no axis, in plain words. */
  failure: string | null = null;

  constructor(private readonly ownHost: Element | null) {
    super();
  }

  setExpectedPrice(price: number | undefined): void {
    if (price === this.expectedPrice) return;
    this.expectedPrice = price;
    this.following = null; // the axis is chosen by this price: choose again
    this.schedule();
  }

  /** One read now: the fitted state, or null when the page shows no readable price axis. */
  scan(): AdapterState | null {
    const followed = this.follow();
    if (!followed) return this.fullRead();
    this.failure = null;
    this.onChange?.(followed);
    return followed;
  }

  /**
   * The axis the last full read found, refitted on its own labels alone (a pan or zoom moves them
   * every frame); null when that cannot stand for a full read: too long since one, the chart
   * resized or gone, or its labels no longer fit as that axis.
   */
  private follow(): AdapterState | null {
    const following = this.following;
    if (!following || performance.now() - following.fullReadAt >= FOLLOW_AT_MOST_MS || !following.container.isConnected) return null;
    const box = following.container.getBoundingClientRect();
    if (Math.abs(box.width - following.width) > 0.5 || Math.abs(box.height - following.height) > 0.5) return null;
    const column = followColumn(collectLabels(following.container, this.ownHost), following.track);
    if (!column) return null;
    const fit = scoreAxisFit(column, { expectedPrice: this.expectedPrice });
    if (fit.plausibility === 'far') return null;
    const plot = {
      left: box.left + following.insetLeft,
      top: box.top,
      width: Math.max(0, box.width - following.insetLeft - following.insetRight),
      height: box.height,
    };
    return fittedState('generic', fit, plot);
  }

  /** Every column of numbers on the page, paired with the marks beside them, fitted and ranked. */
  private fullRead(): AdapterState | null {
    this.following = null;
    const labels = collectLabels(document.body, this.ownHost);
    const marks = labels.length >= 3 ? collectMarks(document.body, this.ownHost, labelBands(labels)) : [];
    const reading = readPriceAxis(labels, { expectedPrice: this.expectedPrice, marks });
    const fit = reading.best;
    const container = fit ? chartContainer(fit) : null;
    if (!fit || !container) {
      this.failure = reading.failure ?? 'no column of numbers reads as a price axis';
      this.observe(document.body, { mutations: true, ignore: this.ownHost });
      this.onChange?.({ adapter: 'generic', charts: pageChart(null, null), note: this.failure });
      return null;
    }
    this.failure = null;
    this.observe(container, { mutations: true, ignore: this.ownHost });
    const box = container.getBoundingClientRect();
    const plot = plotOf(fit, box, marks);
    this.following = {
      track: trackOf(fit),
      container,
      width: box.width,
      height: box.height,
      insetLeft: plot.left - box.left,
      insetRight: box.right - (plot.left + plot.width),
      fullReadAt: performance.now(),
    };
    const state = fittedState('generic', fit, plot);
    this.onChange?.(state);
    return state;
  }

  protected read(): void {
    this.scan();
  }
}
