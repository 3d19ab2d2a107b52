/**
 * What every site adapter reports — the chart's symbol (if it knows one), the price mapping and the
 * plot — and the lifecycle they share: start watching, coalesce changes into animation frames, stop
 * and leave nothing behind.
 */
import type { PlotRect, PriceMapping } from '../../../lib/chart/mapping';
import type { AxisFit } from '../../../lib/chart/axis';

export type AdapterName = 'tradingview' | 'api' | 'generic' | 'canvas' | 'calibration';

/** One chart on the page as an adapter reads it. */
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

export interface AdapterState {
  adapter: AdapterName;
  charts: ChartView[];
  /** Why the adapter reads nothing, when it says so (e.g. a chart in another site's frame). */
  note?: string | null;
}

/** The one chart of a page without a symbol of its own (axis reading, calibration). */
export function pageChart(mapping: PriceMapping | null, plot: PlotRect | null): ChartView[] {
  return [{ id: 'page', symbol: null, mapping, plot, active: true }];
}

/** A reader's report of the axis it fitted; the fit's reasons (string work) are spelled out only when read. */
export function fittedState(adapter: 'generic' | 'canvas', fit: AxisFit, plot: PlotRect): AdapterState {
  return {
    adapter,
    charts: pageChart(fit.mapping, plot),
    get note() {
      return fit.reasons.join('; ');
    },
  };
}

export interface ChartAdapter {
  readonly name: AdapterName;
  /** Starts watching; `onChange` gets every new state (at most one per animation frame). */
  start(onChange: (state: AdapterState) => void): void;
  stop(): void;
}

/**
 * The shared lifecycle: `read()` runs at most once per frame after any watched change (window resize
 * and scroll, and the elements the adapter observes); `stop()` removes every listener and observer.
 */
export abstract class WatchingAdapter implements ChartAdapter {
  abstract readonly name: AdapterName;
  protected onChange: ((state: AdapterState) => void) | null = null;
  private frame = 0;
  private readonly observers: { disconnect(): void }[] = [];
  private observed: Element | null = null;
  protected readonly schedule = () => {
    if (!this.frame && this.onChange) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        if (this.onChange) this.read();
      });
    }
  };

  /** Reads the page and reports through `this.onChange`. */
  protected abstract read(): void;

  start(onChange: (state: AdapterState) => void): void {
    this.onChange = onChange;
    window.addEventListener('resize', this.schedule, { passive: true });
    window.addEventListener('scroll', this.schedule, { passive: true, capture: true });
    this.read();
  }

  stop(): void {
    this.onChange = null;
    this.unobserve();
    window.removeEventListener('resize', this.schedule);
    window.removeEventListener('scroll', this.schedule, { capture: true });
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** Watches one element (its size, and with `mutations` its subtree) for changes; replaces the previous one. */
  protected observe(element: Element, options: { mutations?: boolean; ignore?: Element | null } = {}): void {
    if (this.observed === element) return;
    this.unobserve();
    this.observed = element;
    const resize = new ResizeObserver(this.schedule);
    resize.observe(element);
    this.observers.push(resize);
    if (options.mutations) {
      const mutations = new MutationObserver((records) => {
        // Our own overlay's changes are not the chart's.
        if (options.ignore && records.every((record) => options.ignore!.contains(record.target))) return;
        this.schedule();
      });
      mutations.observe(element, { subtree: true, childList: true, characterData: true, attributes: true });
      this.observers.push(mutations);
    }
  }

  private unobserve(): void {
    for (const observer of this.observers.splice(0)) observer.disconnect();
    this.observed = null;
  }
}
