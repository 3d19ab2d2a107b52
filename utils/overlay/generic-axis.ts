/**
 * The generic adapter: finds vertically aligned numeric tick labels in the DOM or SVG, fits them to
 * a linear or log price scale, and re-fits when the chart's subtree mutates or resizes. The plot is
 * the chart element holding the labels, minus the axis column.
 */
import { fitPriceAxis, parseTickValue, type AxisFit, type AxisLabel } from '../../lib/chart/axis-fit';
import type { PlotRect } from '../../lib/chart/mapping';
import type { AdapterState, ChartAdapter } from './adapter';

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

export class GenericAxisAdapter implements ChartAdapter {
  readonly name = 'generic' as const;
  private onChange: ((state: AdapterState) => void) | null = null;
  private mutationObserver: MutationObserver | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private frame = 0;
  private observed: Element | null = null;
  private readonly schedule = () => {
    if (!this.frame) this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.scan();
    });
  };

  constructor(private readonly ownHost: Element | null) {}

  /** One scan now: the fitted state, or null when the page shows no readable price axis. */
  scan(): AdapterState | null {
    const labels = collectNumericLabels(document.body, this.ownHost);
    const fit = fitPriceAxis(labels);
    if (!fit) {
      this.onChange?.({ adapter: 'generic', symbol: null, mapping: null, plot: null });
      this.observe(document.body);
      return null;
    }
    const container = chartContainer(labels, fit) ?? document.body;
    this.observe(container);
    const box = container.getBoundingClientRect();
    const axisOnRight = fit.columnLeft > box.left + box.width / 2;
    const plot: PlotRect = axisOnRight
      ? { left: box.left, top: box.top, width: Math.max(0, fit.columnLeft - 4 - box.left), height: box.height }
      : { left: fit.columnRight + 4, top: box.top, width: Math.max(0, box.right - fit.columnRight - 4), height: box.height };
    const state: AdapterState = { adapter: 'generic', symbol: null, mapping: fit.mapping, plot, axisLeft: fit.columnLeft };
    this.onChange?.(state);
    return state;
  }

  start(onChange: (state: AdapterState) => void): void {
    this.onChange = onChange;
    window.addEventListener('resize', this.schedule, { passive: true });
    window.addEventListener('scroll', this.schedule, { passive: true, capture: true });
    this.scan();
  }

  stop(): void {
    this.onChange = null;
    this.mutationObserver?.disconnect();
    this.resizeObserver?.disconnect();
    window.removeEventListener('resize', this.schedule);
    window.removeEventListener('scroll', this.schedule, { capture: true });
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private observe(element: Element): void {
    if (this.observed === element) return;
    this.observed = element;
    this.mutationObserver?.disconnect();
    this.resizeObserver?.disconnect();
    this.mutationObserver = new MutationObserver((records) => {
      // Our own overlay's changes are not the chart's.
      if (records.every((record) => this.ownHost?.contains(record.target))) return;
      this.schedule();
    });
    this.mutationObserver.observe(element, { subtree: true, childList: true, characterData: true, attributes: true });
    this.resizeObserver = new ResizeObserver(this.schedule);
    this.resizeObserver.observe(element);
  }
}
