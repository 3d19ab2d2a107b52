/**
 * The readers: the ways gexmap reads where prices sit on a chart, in one table. Its order is their
 * priority (the first that reads wins; each keeps reading and takes over again as soon as it can); the
 * controller, the panel and the README follow it. A reader reports its charts (symbol, plot, mapping);
 * what `reads` says of it decides when it runs (reader-choice.ts).
 */
import { sameMapping, type PlotRect, type PriceMapping } from '../mapping';

/** One chart on the page as a reader reads it. */
export interface ChartView {
  /** Stable within the page (TradingView: the chart's place in its layout; others: "page"). */
  id: string;
  /** The chart's own symbol text, when the page names one. */
  symbol: string | null;
  mapping: PriceMapping | null;
  plot: PlotRect | null;
  /** The chart the user works in: the panel follows it. */
  active: boolean;
}

/** What a reader reports: its charts (none read without a mapping) and, when it says so, why it reads nothing. */
export interface ReaderState {
  charts: ChartView[];
  note?: string | null;
  /** Why no reader can read the chart where it is (a frame from another site): the panel says it, and offers calibration at once. */
  unreachable?: string | null;
}

/**
 * What a reader reads, which decides when it runs:
 * - `api`: the page's own chart API (exact); while one reads, nothing else reads;
 * - `drawing`: what the page draws on its canvases (the bridge's tap), fitted while no API reads;
 * - `page`: the page's own text (DOM, SVG), read while no API reads (on a site whose API a reader
 *   waits for, once that one answered or its wait is over);
 * - `user`: the user's two handles, running once the page reader failed, offered after a while.
 */
type Reads = 'api' | 'drawing' | 'page' | 'user';

interface ReaderRow {
  id: string;
  /** What the panel calls it (then `detail` of the state it reports). */
  label: string;
  detail?: (state: ReaderState) => string;
  reads: Reads;
  /**
   * The panel's `data-reader`: the test contract's name for the reader (tests in and outside this
   * repository assert it), kept apart from the id so that renaming code renames no contract.
   */
  dataReader: string;
  /** A site whose own API this reader reads: the page's text waits for it up to `waitMs` (the API comes late there). */
  ownSite?: { hosts: readonly string[]; waitMs: number };
}

/** "linear scale" or "log scale": stable words only (a fit's range and residual change every frame the axis moves). */
const scaleOf = (state: ReaderState) =>
  state.charts.find((chart) => chart.mapping)?.mapping?.kind === 'log' ? 'log scale' : 'linear scale';

/** The readers, best first. */
export const READERS = [
  {
    id: 'tradingview',
    label: 'TradingView chart API',
    detail: (state) => (state.charts.length > 1 ? ` (${state.charts.length} charts)` : ''),
    reads: 'api',
    dataReader: 'tradingview',
    ownSite: { hosts: ['tradingview.com'], waitMs: 5000 },
  },
  { id: 'chart-api', label: 'chart API', detail: (state) => `: ${state.note ?? 'exact'}`, reads: 'api', dataReader: 'api' },
  { id: 'axis-text', label: 'axis text', detail: (state) => `, ${scaleOf(state)}`, reads: 'page', dataReader: 'generic' },
  { id: 'canvas-labels', label: 'canvas labels', detail: (state) => `, ${scaleOf(state)}`, reads: 'drawing', dataReader: 'canvas' },
  {
    id: 'calibration',
    label: 'calibrated',
    detail: () => ' (by you: the price axis cannot be read)',
    reads: 'user',
    dataReader: 'calibration',
  },
] as const satisfies readonly ReaderRow[];

export type ReaderId = (typeof READERS)[number]['id'];

/** The panel's `data-reader` while no reader reads (test contract). */
export const NO_READER = 'none';

/** Whether a report places lines: some chart has a mapping. */
export function reads(state: ReaderState | undefined): boolean {
  return Boolean(state?.charts.some((chart) => chart.mapping));
}

/** The one chart of a page without a symbol of its own (axis reading, calibration). */
export function pageChart(mapping: PriceMapping | null, plot: PlotRect | null): ChartView[] {
  return [{ id: 'page', symbol: null, mapping, plot, active: true }];
}

/**
 * Whether a report changes nothing drawn: the same charts at the same places (within a twentieth of a
 * pixel at the reference price), and — for a reader that reads nothing — the same words (a reader that
 * reads says its words only when asked: they are not compared every frame).
 */
export function sameReport(a: ReaderState, b: ReaderState, referencePrice: number): boolean {
  const sameCharts =
    a.charts.length === b.charts.length &&
    a.charts.every((chart, index) => {
      const other = b.charts[index];
      return (
        chart.id === other.id &&
        chart.symbol === other.symbol &&
        chart.active === other.active &&
        JSON.stringify(chart.plot) === JSON.stringify(other.plot) &&
        sameMapping(chart.mapping, other.mapping, 0.05, referencePrice)
      );
    });
  return sameCharts && (reads(b) || ((a.note ?? null) === (b.note ?? null) && (a.unreachable ?? null) === (b.unreachable ?? null)));
}
