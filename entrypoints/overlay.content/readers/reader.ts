/**
 * What every overlay reader is: `start(signal, report)` reads the chart until `signal` aborts, and
 * reports each new state (at most once per animation frame); every listener, observer, frame and
 * timer it sets up ends with the signal. What it follows besides the page (the levels' spot, the
 * user's calibration) comes through the shared inputs. The table of readers is lib/chart/readers.
 */
import type { Calibration, PlotRect } from '../../../lib/chart/mapping';
import type { AxisFit } from '../../../lib/chart/axis';
import { pageChart, type ReaderState } from '../../../lib/chart/readers';

export type Report = (state: ReaderState) => void;

export interface OverlayReader {
  start(signal: AbortSignal, report: Report): void;
}

interface InputValues {
  /** The price the chart should show (the levels' spot on its scale): picks the price axis or chart among several. */
  expectedPrice: number | undefined;
  /** The user's calibration for this site, or null. */
  calibration: Calibration | null;
}

/** What readers follow from the levels and the user; `watch` tells of each change until the signal aborts. */
export class ReaderInputs implements InputValues {
  expectedPrice: number | undefined = undefined;
  calibration: Calibration | null = null;
  private readonly watchers = new Set<() => void>();

  set(change: Partial<InputValues>): void {
    const before = { expectedPrice: this.expectedPrice, calibration: this.calibration };
    Object.assign(this, change);
    if (before.expectedPrice === this.expectedPrice && before.calibration === this.calibration) return;
    for (const watcher of [...this.watchers]) watcher();
  }

  watch(signal: AbortSignal, onChange: () => void): void {
    if (signal.aborted) return;
    this.watchers.add(onChange);
    signal.addEventListener('abort', () => this.watchers.delete(onChange), { once: true });
  }
}

/** What a reader is made with. */
export interface ReaderContext {
  /** The overlay's own element: never read as the page's. */
  host: Element;
  inputs: ReaderInputs;
}

/** `report` that says nothing once the signal aborted (a stopped reader's late frame must not count). */
export function reportUntil(signal: AbortSignal, report: Report): Report {
  return (state) => {
    if (!signal.aborted) report(state);
  };
}

/** A reader's report of the axis it fitted; the fit's reasons (string work) are spelled out only when read. */
export function fittedState(fit: AxisFit, plot: PlotRect): ReaderState {
  return {
    charts: pageChart(fit.mapping, plot),
    get note() {
      return fit.reasons.join('; ');
    },
  };
}

/**
 * Readers of the page's own elements: `read()` runs at start and at most once per frame after any
 * watched change (window resize and scroll, the element observed); all of it ends with the signal.
 */
export abstract class WatchingReader implements OverlayReader {
  protected report: Report = () => undefined;
  private signal: AbortSignal | null = null;
  private frame = 0;
  private readonly observers: { disconnect(): void }[] = [];
  private observed: Element | null = null;

  constructor(protected readonly context: ReaderContext) {}

  protected readonly schedule = () => {
    const signal = this.signal;
    if (this.frame || !signal || signal.aborted) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (!signal.aborted) this.read();
    });
  };

  /** Reads the page and reports. */
  protected abstract read(): void;

  /** The inputs changed (the levels' spot, the calibration). */
  protected inputsChanged(): void {}

  start(signal: AbortSignal, report: Report): void {
    this.signal = signal;
    this.report = reportUntil(signal, report);
    window.addEventListener('resize', this.schedule, { passive: true, signal });
    window.addEventListener('scroll', this.schedule, { passive: true, capture: true, signal });
    this.context.inputs.watch(signal, () => this.inputsChanged());
    signal.addEventListener('abort', () => {
      cancelAnimationFrame(this.frame);
      this.unobserve();
    });
    this.read();
  }

  /** Watches one element (its size, and with `mutations` its subtree, our own overlay aside); replaces the previous one. */
  protected observe(element: Element, options: { mutations?: boolean } = {}): void {
    if (this.observed === element || this.signal?.aborted) return;
    this.unobserve();
    this.observed = element;
    const resize = new ResizeObserver(this.schedule);
    resize.observe(element);
    this.observers.push(resize);
    if (options.mutations) {
      const own = this.context.host;
      const mutations = new MutationObserver((records) => {
        // Our own overlay's changes are not the chart's.
        if (records.every((record) => own.contains(record.target))) return;
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
