/**
 * The axis-text reader: reads a chart's price axis the way a person does, from its tick labels in the
 * DOM or SVG (dom-labels.ts collects them), paired with the grid lines or tick marks the chart draws
 * beside them; the fit is robust (a clamped end label is an outlier, not a broken axis) and, among
 * several numeric columns, picks the one plausible for the levels' own spot. It re-reads on every
 * change of the chart, resize and scroll, and never gives up: when it cannot read now, it says why and
 * keeps looking. While a chart pans or zooms, the axis found is followed (its one column refitted,
 * column-track.ts), with a full read at least every 400 ms and whenever following does not fit.
 */
import {
  readPriceAxis,
  type AxisFit,
  type HorizontalMark,
  scoreAxisFit,
  followColumn,
  FOLLOW_AT_MOST_MS,
  trackOf,
  type ColumnTrack,
  labelBands,
} from '../../../lib/chart/axis';
import type { PlotRect } from '../../../lib/chart/mapping';
import { pageChart, type ReaderState } from '../../../lib/chart/readers';
import { fittedState, WatchingReader } from './reader';
import { collectLabels, collectMarks, type Candidate } from './dom-labels';

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

export class AxisTextReader extends WatchingReader {
  private following: Following | null = null;
  private expectedPrice = this.context.inputs.expectedPrice;

  protected inputsChanged(): void {
    if (this.context.inputs.expectedPrice === this.expectedPrice) return;
    this.expectedPrice = this.context.inputs.expectedPrice;
    this.following = null; // the axis is chosen by this price: choose again
    this.schedule();
  }

  protected read(): void {
    this.report(this.follow() ?? this.fullRead());
  }

  /**
   * The axis the last full read found, refitted on its own labels alone (a pan or zoom moves them
   * every frame); null when that cannot stand for a full read: too long since one, the chart
   * resized or gone, or its labels no longer fit as that axis.
   */
  private follow(): ReaderState | null {
    const following = this.following;
    if (!following || performance.now() - following.fullReadAt >= FOLLOW_AT_MOST_MS || !following.container.isConnected) return null;
    const box = following.container.getBoundingClientRect();
    if (Math.abs(box.width - following.width) > 0.5 || Math.abs(box.height - following.height) > 0.5) return null;
    const column = followColumn(collectLabels(following.container, this.context.host), following.track);
    if (!column) return null;
    const fit = scoreAxisFit(column, { expectedPrice: this.expectedPrice });
    if (fit.plausibility === 'far') return null;
    const plot = {
      left: box.left + following.insetLeft,
      top: box.top,
      width: Math.max(0, box.width - following.insetLeft - following.insetRight),
      height: box.height,
    };
    return fittedState(fit, plot);
  }

  /** Every column of numbers on the page, paired with the marks beside them, fitted and ranked. */
  private fullRead(): ReaderState {
    this.following = null;
    const own = this.context.host;
    const labels = collectLabels(document.body, own);
    const marks = labels.length >= 3 ? collectMarks(document.body, own, labelBands(labels)) : [];
    const reading = readPriceAxis(labels, { expectedPrice: this.expectedPrice, marks });
    const fit = reading.best;
    const container = fit ? chartContainer(fit) : null;
    if (!fit || !container) {
      this.observe(document.body, { mutations: true });
      return { charts: pageChart(null, null), note: reading.failure ?? 'no column of numbers reads as a price axis' };
    }
    this.observe(container, { mutations: true });
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
    return fittedState(fit, plot);
  }
}
