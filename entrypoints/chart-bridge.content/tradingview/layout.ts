/**
 * Reads every chart of a TradingView layout through the page's own, undocumented API. Per chart: its
 * symbol, the pane holding the main series, that pane's element, and price <-> y from the pane's price
 * scale. Every call is feature-detected; nothing is drawn with TradingView's tools.
 */
import type { BridgeChart } from '../../../lib/bridge';
import { call, callWith } from '../safe-call';
import { type PlotRect, mappingFromCoordinates, mappingFromVisibleRange, SAMPLE_FRACTIONS } from '../../../lib/chart/mapping';
import { frameOffset, type ApiHost } from './api-search';

/** The charts of one host's layout, in layout order, with the index of the active one. */
function chartsOf(api: unknown): { charts: unknown[]; active: number } {
  const count = call(api, 'chartsCount');
  const activeChart = call(api, 'activeChart');
  let charts: unknown[] = [];
  if (typeof count === 'number' && count > 0 && count <= 16)
    charts = Array.from({ length: count }, (_, index) => call(api, 'chart', index));
  if (!charts.some(Boolean)) charts = activeChart ? [activeChart] : [];
  const index = call(api, 'activeChartIndex');
  const active = typeof index === 'number' && index >= 0 && index < charts.length ? index : Math.max(0, charts.indexOf(activeChart));
  return { charts, active };
}

/** The chart containers of a layout, in layout order (the central area first, as TradingView nests them). */
function containersOf(document: Document): Element[] {
  const central = document.querySelectorAll('.layout__area--center .chart-container');
  return [...(central.length ? central : document.querySelectorAll('.chart-container'))];
}

/** Pane elements of one chart, top to bottom: recent builds mark them data-qa-id="pane". */
function paneElementsOf(root: ParentNode): Element[] {
  for (const selector of ['[data-qa-id="pane"]', '.chart-markup-table .pane', '.pane', '.chart-gui-wrapper']) {
    const found = [...root.querySelectorAll(selector)].filter((element) => element.getBoundingClientRect().height > 0);
    if (found.length) return found.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
  }
  return [];
}

/**
 * The element of the pane at `index` among `count` panes with height `height`: by position when the
 * counts agree and the height fits, else the pane whose height equals getHeight() nearest that place.
 */
function paneElement(elements: Element[], index: number, count: number, height: number | null): Element | null {
  const fits = (element: Element) => height === null || Math.abs(element.getBoundingClientRect().height - height) <= 2;
  if (elements.length === count && elements[index] && fits(elements[index])) return elements[index];
  const matching = elements.filter(fits);
  if (matching.length === 0) return elements.length === 1 && height === null ? elements[0] : null;
  return matching.reduce((best, element) =>
    Math.abs(elements.indexOf(element) - index) < Math.abs(elements.indexOf(best) - index) ? element : best,
  );
}

export interface ChartProblem {
  id: string;
  reason: string;
}

/**
 * Each chart's pane element, found once and kept while it stays in the page at the pane's height:
 * the per-frame read then touches the DOM for one rectangle per chart.
 */
const paneElements = new Map<string, Element>();

/** Reads one chart: its main pane's element and price scale. A problem names what was missing. */
function readChart(
  chart: unknown,
  id: string,
  active: boolean,
  container: ParentNode,
  offset: { left: number; top: number },
): BridgeChart | ChartProblem {
  const panes = call(chart, 'getPanes');
  const paneList: unknown[] = Array.isArray(panes) ? panes : [];
  let mainIndex = paneList.findIndex((pane) => call(pane, 'hasMainSeries') === true);
  if (mainIndex < 0) {
    if (paneList.some((pane) => typeof (pane as Record<string, unknown>)?.hasMainSeries === 'function'))
      return { id, reason: 'no pane holds the main series' };
    mainIndex = 0; // older builds: the main series is in the first pane
  }
  const pane = paneList[mainIndex];
  if (!pane) return { id, reason: 'the chart has no panes' };
  const scale = call(pane, 'getMainSourcePriceScale');
  if (!scale) return { id, reason: 'the main series sits on an overlay scale (no price axis to read)' };
  const heightValue = call(pane, 'getHeight');
  const height = typeof heightValue === 'number' && heightValue > 1 ? heightValue : null;
  // Keyed by place, not by object: the API may hand out a new wrapper on every call.
  const key = `${id}/${mainIndex}/${paneList.length}`;
  let element = paneElements.get(key) ?? null;
  let box = element?.isConnected ? element.getBoundingClientRect() : null;
  if (!box || (height !== null && Math.abs(box.height - height) > 2)) {
    element = paneElement(paneElementsOf(container), mainIndex, paneList.length, height);
    if (!element) return { id, reason: 'its pane is not in the page' };
    paneElements.set(key, element);
    box = element.getBoundingClientRect();
  }
  const paneHeight = height ?? box.height;
  const rect: PlotRect = { left: box.left + offset.left, top: box.top + offset.top, width: box.width, height: paneHeight };
  const samples = SAMPLE_FRACTIONS.map((fraction) => {
    const y = fraction * (paneHeight - 1);
    const price = call(scale, 'coordinateToPrice', y);
    return { y, price: typeof price === 'number' ? price : Number.NaN };
  });
  let mapping = mappingFromCoordinates(samples, rect.top);
  if (!mapping) {
    const range = call(scale, 'getVisiblePriceRange') as { from?: unknown; to?: unknown } | null | undefined;
    const mode = call(scale, 'getMode');
    if (range && typeof range.from === 'number' && typeof range.to === 'number') {
      mapping = mappingFromVisibleRange(
        { from: range.from, to: range.to },
        mode === 1 || mode === 2 || mode === 3 ? mode : 0,
        call(scale, 'isInverted') === true,
        rect.top,
        paneHeight,
      );
    }
  }
  if (!mapping) return { id, reason: 'its price scale gives no prices yet' };
  const symbol = call(chart, 'symbol');
  return { id, symbol: typeof symbol === 'string' ? symbol : null, active, pane: rect, mapping };
}

export interface LayoutRead {
  charts: BridgeChart[];
  problems: ChartProblem[];
  /** Charts in the layouts (read or not): a new one needs its events watched. */
  chartCount: number;
  /**
   * Whether what can change without the page's DOM changing — the symbols, the active chart, each
   * price scale at three heights — still answers as when read: the same values mean the same drawing.
   * Asked every frame, so it allocates nothing and stops at the first difference.
   */
  unchanged: () => boolean;
}

/** One cheap question to the API whose answer is kept: `target[method](arg)`. */
interface ProbeSlot {
  target: unknown;
  method: string;
  arg: number | undefined;
}

const ask = (slot: ProbeSlot) => callWith(slot.target, slot.method, slot.arg);

/** Every chart of every host. */
export function readLayouts(hosts: readonly ApiHost[]): LayoutRead {
  const charts: BridgeChart[] = [];
  const problems: ChartProblem[] = [];
  const slots: ProbeSlot[] = [];
  const slot = (target: unknown, method: string, arg?: number) => slots.push({ target, method, arg });
  let chartCount = 0;
  for (const host of hosts) {
    const { charts: hostCharts, active } = chartsOf(host.api);
    chartCount += hostCharts.length;
    slot(host.api, 'chartsCount');
    slot(host.api, 'activeChartIndex');
    for (const chart of hostCharts) {
      const panes = call(chart, 'getPanes');
      const paneList: unknown[] | null = Array.isArray(panes) ? panes : null;
      const pane = paneList ? (paneList.find((candidate) => call(candidate, 'hasMainSeries') === true) ?? paneList[0]) : null;
      const scale = call(pane, 'getMainSourcePriceScale');
      const height = call(pane, 'getHeight');
      const bottom = typeof height === 'number' ? height - 1 : 0;
      // The range first: it is what moves with live ticks.
      slot(scale, 'coordinateToPrice', 0);
      slot(scale, 'coordinateToPrice', bottom);
      slot(scale, 'coordinateToPrice', bottom / 2);
      slot(pane, 'getHeight');
      slot(chart, 'symbol');
      slot(scale, 'getMode');
      slot(scale, 'isInverted');
    }
    const containers = containersOf(host.document);
    const offset = frameOffset(host.frame);
    hostCharts.forEach((chart, index) => {
      if (!chart) return;
      // Charts and their containers come in the same layout order; a layout of one may lack the wrapper.
      const container = containers.length === hostCharts.length ? containers[index] : hostCharts.length === 1 ? host.document : null;
      const id = `${host.prefix}${index}`;
      if (!container) return void problems.push({ id, reason: 'its chart container is not in the page' });
      const read = readChart(chart, id, host === hosts[0] && index === active, container, offset);
      if ('reason' in read) problems.push(read);
      else charts.push(read);
    });
  }
  const answers = slots.map(ask);
  const unchanged = () => {
    for (let index = 0; index < slots.length; index++) if (!Object.is(ask(slots[index]), answers[index])) return false;
    return true;
  };
  return { charts, problems, chartCount, unchanged };
}

/** Subscribes to a chart's own change events where the API offers them (feature-detected). */
export function watchChartEvents(hosts: readonly ApiHost[], onEvent: () => void, watched: WeakSet<object>): void {
  for (const host of hosts) {
    for (const chart of chartsOf(host.api).charts) {
      if (!chart || typeof chart !== 'object' || watched.has(chart)) continue;
      watched.add(chart);
      for (const event of ['onSymbolChanged', 'onIntervalChanged', 'onDataLoaded']) {
        const subscription = call(chart, event);
        call(subscription, 'subscribe', null, onEvent);
      }
    }
  }
}
