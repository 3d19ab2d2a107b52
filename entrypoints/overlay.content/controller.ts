/**
 * The overlay controller: picks the site adapter (TradingView bridge, else a readable axis, else
 * calibration), tells the background which chart symbol the page shows, and draws what the background
 * pushes back (levels, heatmap, line choices and colours) — redrawing only when the mapping, the plot
 * or the push changed, coalesced into animation frames.
 */
import { h, render } from 'preact';
import { sendMessage, onMessage } from '../../utils/messaging';
import type { ChartLevels, OverlayPush, SiteOverlayState } from '../../lib/protocol';
import { placeLevels } from '../../lib/chart/placement';
import { levelsToDraw } from '../../lib/chart/level-labels';
import { yToPrice, sameMapping, type PriceMapping, type PlotRect } from '../../lib/chart/mapping';
import { parseTickValue } from '../../lib/chart/axis-fit';
import type { Calibration } from '../../lib/chart/calibration';
import { OverlayView, type OverlayViewState } from './view/OverlayView';
import type { HandleDraft } from './view/CalibrationHandles';
import type { AdapterState, ChartAdapter } from './adapters/adapter';
import { TradingViewAdapter } from './adapters/tradingview';
import { GenericAxisAdapter } from './adapters/generic-axis';
import { CalibrationAdapter, findChartElement } from './adapters/calibration';

/** How long to wait for the TradingView bridge before reading the page's axis instead. */
const BRIDGE_WAIT_MS = 1500;

export class OverlayController {
  private adapter: ChartAdapter | null = null;
  private tradingView: TradingViewAdapter | null = null;
  private mapping: PriceMapping | null = null;
  private plot: PlotRect | null = null;
  /** The chart symbol last told to the background (undefined: nothing told yet; null: no symbol). */
  private symbol: string | null | undefined = undefined;
  private push: OverlayPush | null = null;
  private frame = 0;
  private fallingBack = false;
  private readonly state: OverlayViewState = {
    adapter: null,
    plot: null,
    placed: [],
    chart: null,
    // Top left by default: line labels sit at the right end of each line, by the price axis.
    panel: { x: 8, y: 8, collapsed: false },
    calibrating: false,
    calibrationError: null,
    message: null,
    now: Date.now(),
    colours: null,
  };

  constructor(
    private readonly host: HTMLElement,
    private readonly mount: Element,
  ) {}

  async start(): Promise<void> {
    const site = await this.siteState();
    if (site.panel) this.state.panel = site.panel;
    onMessage('overlayUpdated', ({ data }) => this.accept(data));
    // The TradingView bridge keeps running: whenever it reads a chart, it wins over the fallbacks.
    const onTradingView = location.hostname === 'tradingview.com' || location.hostname.endsWith('.tradingview.com');
    const tradingView = new TradingViewAdapter(() => {
      // TradingView builds its API after the page loads: give it time there, none elsewhere.
      if (!onTradingView) void this.fallBack();
    });
    this.tradingView = tradingView;
    tradingView.start((state) => {
      if (this.adapter !== tradingView) this.use(tradingView);
      this.onAdapter(tradingView, state);
    });
    setTimeout(() => {
      if (this.adapter === null) void this.fallBack();
    }, onTradingView ? 5000 : BRIDGE_WAIT_MS);
    this.schedule();
  }

  private async siteState(): Promise<SiteOverlayState> {
    return sendMessage('getSiteState', undefined).catch(() => ({}));
  }

  private use(adapter: ChartAdapter): void {
    if (this.adapter && this.adapter !== this.tradingView) this.adapter.stop();
    this.adapter = adapter;
    this.state.adapter = adapter.name;
    if (adapter !== this.tradingView) adapter.start((state) => this.onAdapter(adapter, state));
  }

  private async fallBack(): Promise<void> {
    if (this.fallingBack || this.adapter !== null) return;
    this.fallingBack = true;
    const generic = new GenericAxisAdapter(this.host);
    if (generic.scan()) {
      if (this.adapter === null) this.use(generic);
      return;
    }
    generic.stop();
    const element = findChartElement(this.host);
    if (!element) {
      this.state.message = 'No chart found on this page (yet).';
      this.fallingBack = false;
      this.schedule();
      this.retryWhenThePageChanges();
      return;
    }
    const site = await this.siteState();
    if (this.adapter === null) this.use(new CalibrationAdapter(element, site.calibration ?? null));
  }

  /** Charts often render after load: look again when the page's DOM changes (at most twice a second). */
  private retryWhenThePageChanges(): void {
    let timer = 0;
    const observer = new MutationObserver((records) => {
      if (timer || records.every((record) => this.host.contains(record.target))) return;
      timer = window.setTimeout(() => {
        timer = 0;
        if (this.adapter !== null) return observer.disconnect();
        void this.fallBack().then(() => {
          if (this.adapter !== null) observer.disconnect();
        });
      }, 500);
    });
    observer.observe(document.body, { childList: true, subtree: true });
  }

  private onAdapter(adapter: ChartAdapter, state: AdapterState): void {
    if (adapter !== this.adapter) return;
    const changed = !sameMapping(this.mapping, state.mapping, 0.05, this.state.chart?.levels?.levels?.spot ?? 100) || JSON.stringify(this.plot) !== JSON.stringify(state.plot);
    this.mapping = state.mapping;
    this.plot = state.plot;
    // A chart is here: say which symbol it shows (none: follow the popup) on first sight and on switches.
    if (state.plot && state.symbol !== this.symbol) {
      this.symbol = state.symbol;
      void this.subscribe(state.symbol);
    }
    if (changed) this.schedule();
  }

  private async subscribe(symbol: string | null): Promise<void> {
    this.push = null;
    this.state.chart = null;
    this.schedule();
    try {
      const push = await sendMessage('subscribe', symbol ? { symbols: [symbol] } : { follow: true });
      if (symbol === this.symbol) this.accept(push);
    } catch (error) {
      this.state.message = `gexmap background unreachable: ${(error as Error).message}`;
      this.schedule();
    }
  }

  private accept(push: OverlayPush): void {
    if (!push || !Array.isArray(push.charts)) return;
    this.push = push;
    const chart: ChartLevels | null = push.charts.find((candidate) => candidate.symbol === (this.symbol ?? null)) ?? null;
    this.state.chart = chart;
    this.state.colours = push.overlay.lineColours;
    this.state.message = chart?.problem ?? null;
    this.schedule();
  }

  /** Redraw in the next animation frame; several changes in one frame draw once. */
  private schedule(): void {
    if (!this.frame) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.draw();
      });
    }
  }

  private draw(): void {
    const chart = this.state.chart;
    const levels = chart?.levels?.levels;
    const mapping = this.mapping;
    const plot = this.plot;
    this.state.plot = plot;
    this.state.now = Date.now();
    this.state.placed =
      chart && levels && mapping && plot && this.push
        ? placeLevels(levelsToDraw(levels, chart.levels!.diff, chart.basis, this.push.overlay.lines), mapping, plot, (y) => yToPrice(mapping, y))
        : [];
    render(h(OverlayView, { state: { ...this.state }, actions: this.actions }), this.mount);
  }

  private readonly actions = {
    placePanel: (place: OverlayViewState['panel']) => {
      this.state.panel = place;
      this.schedule();
      void this.saveSite({ panel: place });
    },
    startCalibration: () => {
      this.state.calibrating = true;
      this.state.calibrationError = null;
      this.schedule();
    },
    cancelCalibration: () => {
      this.state.calibrating = false;
      this.schedule();
    },
    saveCalibration: (handles: [HandleDraft, HandleDraft]) => {
      const prices = handles.map((handle) => parseTickValue(handle.price));
      if (prices.some((price) => price === null)) {
        this.state.calibrationError = 'Type the price at each handle (numbers only).';
        this.schedule();
        return;
      }
      if (Math.abs(handles[0].fraction - handles[1].fraction) * (this.plot?.height ?? 0) < 10 || prices[0] === prices[1]) {
        this.state.calibrationError = 'Set the handles on two different prices, at least 10 px apart.';
        this.schedule();
        return;
      }
      const calibration: Calibration = {
        kind: 'linear',
        points: [
          { fraction: handles[0].fraction, price: prices[0]! },
          { fraction: handles[1].fraction, price: prices[1]! },
        ],
      };
      this.state.calibrating = false;
      if (this.adapter instanceof CalibrationAdapter) this.adapter.setCalibration(calibration);
      void this.saveSite({ calibration });
      this.schedule();
    },
  };

  private async saveSite(change: Partial<SiteOverlayState>): Promise<void> {
    await sendMessage('setSiteState', change).catch(() => undefined);
  }
}
