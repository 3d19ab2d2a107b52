/**
 * The generic adapter: finds vertically aligned numeric tick labels in the DOM or SVG, fits them to
 * a linear or log price scale, and re-fits when the chart's subtree mutates or resizes. The plot is
 * the chart element holding the labels, minus the axis column.
 */
import { fitPriceAxis, parseTickValue, type AxisFit, type AxisLabel } from '../../../lib/chart/axis-fit';
import type { PlotRect } from '../../../lib/chart/mapping';
import { pageChart, WatchingAdapter, type AdapterState } from './adapter';

const MAX_TEXT_NODES = 4000;

interface Candidate extends AxisLabel {
  element: Element;
}

/** Numeric text nodes and their boxes, outside our own overlay. */
export function collectNumericLabels(root: ParentNode, skip: Element | null): Candidate[] {
  const labels: Candidate[] = [];
  const walker = document.createTreeWalker(root as Node, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < MAX_TEXT_NODES; node = walker.nextNode()) {
    seen++;
    const text = node.nodeValue ?? '';
    if (text.length > 20 || parseTickValue(text) === null) continue;
    const element = node.parentElement;
    if (!element || (skip && skip.contains(element))) continue;
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    labels.push({ text, y: rect.top + rect.height / 2, left: rect.left, right: rect.right, element });
  }
  return labels;
}

/** The smallest element holding every fitted label: the chart (an <svg>, or the chart's container). */
function chartContainer(labels: Candidate[], fit: AxisFit): Element | null {
  const used = labels.filter((label) => fit.labels.some((fitted) => Math.abs(fitted.y - label.y) < 0.5) && label.left >= fit.columnLeft - 0.5 && label.right <= fit.columnRight + 0.5);
  if (used.length === 0) return null;
  let container: Element | null = used[0].element;
  while (container && !used.every((label) => container!.contains(label.element))) container = container.parentElement;
  // Climb to the chart's own box: an <svg> root, or a block wider than the axis column.
  while (container && container.parentElement && (container instanceof SVGElement ? container.tagName.toLowerCase() !== 'svg' || container.ownerSVGElement : container.getBoundingClientRect().width < (fit.columnRight - fit.columnLeft) * 4)) {
    container = container.parentElement;
  }
  return container;
}

export class GenericAxisAdapter extends WatchingAdapter {
  readonly name = 'generic' as const;

  constructor(private readonly ownHost: Element | null) {
    super();
  }

  /** One scan now: the fitted state, or null when the page shows no readable price axis. */
  scan(): AdapterState | null {
    const labels = collectNumericLabels(document.body, this.ownHost);
    const fit = fitPriceAxis(labels);
    if (!fit) {
      this.observe(document.body, { mutations: true, ignore: this.ownHost });
      this.onChange?.({ adapter: 'generic', charts: pageChart(null, null) });
      return null;
    }
    const container = chartContainer(labels, fit) ?? document.body;
    this.observe(container, { mutations: true, ignore: this.ownHost });
    const box = container.getBoundingClientRect();
    const axisOnRight = fit.columnLeft > box.left + box.width / 2;
    const plot: PlotRect = axisOnRight
      ? { left: box.left, top: box.top, width: Math.max(0, fit.columnLeft - 4 - box.left), height: box.height }
      : { left: fit.columnRight + 4, top: box.top, width: Math.max(0, box.right - fit.columnRight - 4), height: box.height };
    const state: AdapterState = { adapter: 'generic', charts: pageChart(fit.mapping, plot) };
    this.onChange?.(state);
    return state;
  }

  protected read(): void {
    this.scan();
  }
}
