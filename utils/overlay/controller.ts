/**
 * The overlay controller: picks the site adapter (TradingView bridge, else a readable axis, else
 * calibration), maps the chart's symbol to an options underlying, subscribes to its levels, and
 * redraws only when the mapping or the levels change, coalesced into animation frames.
 */
import { h, render } from 'preact';
import { sendMessage, onMessage } from '../messaging';
import { overlaySitesItem, readCopy } from '../storage';
import type { LevelsReply } from '../../lib/service/protocol';
import type { HeatmapGrid } from '../../lib/gex/heatmap';
import { placeLevels } from '../../lib/chart/placement';
import { levelsToDraw, DEFAULT_LINES, type LineChoice } from '../../lib/chart/level-labels';
import { mapChartSymbol } from '../../lib/chart/symbol-map';
import { yToPrice, sameMapping, type PriceMapping, type PlotRect } from '../../lib/chart/mapping';
import { OverlayView, type OverlayViewState } from '../../components/overlay/OverlayView';
import type { HandleDraft } from '../../components/overlay/CalibrationHandles';
import type { AdapterState, ChartAdapter } from './adapter';
import { TradingViewAdapter } from './tradingview';
import { GenericAxisAdapter } from './generic-axis';
import { CalibrationAdapter, findChartElement, type Calibration } from './calibration';
import { parseTickValue } from '../../lib/chart/axis-fit';

/** How long to wait for the TradingView bridge before reading the page's axis instead. */
const BRIDGE_WAIT_MS = 1500;

export class OverlayController {
  private adapter: ChartAdapter | null = null;
  private mapping: PriceMapping | null = null;
  private plot: PlotRect | null = null;
  private symbol: string | null = null;
  private basis = 0;
  private frame = 0;
  private readonly origin = location.origin;
  private readonly state: OverlayViewState = {
    adapter: null,
    plot: null,
    placed: [],
    ticker: null,
    reply: null,
    heatmap: null,
    // Top left by default: line labels sit at the right end of each line, by the price axis.
    panel: { x: 8, y: 8, collapsed: false },
    calibrating: false,
    calibrationError: null,
    message: null,
    now: Date.now(),
    colours: null,
  };
  private subscribedTicker: string | null = null;

  constructor(private readonly host: HTMLElement, private readonly mount: Element) {}

  async start(): Promise<void> {
    const site = (await readCopy(overlaySitesItem))[this.origin] ?? {};
    if (site.panel) this.state.panel = site.panel;
    onMessage('levelsUpdated', ({ data }) => {
      if (!data || typeof data !== 'object' || typeof data.ticker !== 'string') return;
      if (data.ticker === this.subscribedTicker) this.acceptReply(data);
      else if (this.followsPopup) {
        // No chart symbol here: the popup switched ticker, and this chart follows it.
        this.subscribedTicker = data.ticker;
        this.state.ticker = data.ticker;
        this.acceptReply(data);
      }
    });
    // The TradingView bridge keeps running: whenever it reads a chart, it wins over the fallbacks.
    const onTradingView = location.hostname === 'tradingview.com' || location.hostname.endsWith('.tradingview.com');
    this.tradingView = new TradingViewAdapter(() => {
      // TradingView builds its API after the page loads: give it time there, none elsewhere.
      if (!onTradingView) void this.fallBack();
    });
    this.tradingView.start((state) => {
      if (this.adapter !== this.tradingView) this.use(this.tradingView!);
      this.onAdapter(this.tradingView!, state);
    });
    setTimeout(() => {
      if (this.adapter === null) void this.fallBack();
    }, onTradingView ? 5000 : BRIDGE_WAIT_MS);
    this.schedule();
  }

  private tradingView: TradingViewAdapter | null = null;
  private tickerRequested = false;
  private followsPopup = false;
  private lines: LineChoice = DEFAULT_LINES;
  private fallingBack = false;

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
    const site = (await readCopy(overlaySitesItem))[this.origin] ?? {};
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
    const changed = !sameMapping(this.mapping, state.mapping, 0.05, this.state.reply?.levels?.spot ?? 100) || JSON.stringify(this.plot) !== JSON.stringify(state.plot);
    this.mapping = state.mapping;
    this.plot = state.plot;
    // A chart is here: pick the ticker (the chart's symbol, else the popup's) on first sight and on switches.
    if (state.plot && (state.symbol !== this.symbol || !this.tickerRequested)) {
      this.symbol = state.symbol;
      this.tickerRequested = true;
      void this.chooseTicker(state.symbol);
    }
    if (changed) this.schedule();
  }

  private async chooseTicker(chartSymbol: string | null): Promise<void> {
    let ticker: string | null = null;
    this.basis = 0;
    let settings: Awaited<ReturnType<typeof sendMessage<'getSettings'>>> | null = null;
    try {
      settings = await sendMessage('getSettings', undefined);
      this.lines = settings.lines;
      this.state.colours = settings.lineColours;
    } catch (error) {
      this.state.message = `gexmap background unreachable: ${(error as Error).message}`;
    }
    if (chartSymbol) {
      const mapped = mapChartSymbol(chartSymbol, settings?.symbolRules);
      if (mapped) {
        ticker = mapped.underlying;
        this.basis = mapped.basis;
      } else {
        this.state.message = `No options underlying for ${chartSymbol}.`;
      }
    }
    if (!ticker && !chartSymbol) ticker = settings?.ticker ?? null;
    if (ticker === this.subscribedTicker) return;
    this.subscribedTicker = ticker;
    this.state.ticker = ticker;
    this.state.reply = null;
    this.state.heatmap = null;
    this.schedule();
    if (!ticker) return;
    try {
      this.followsPopup = !chartSymbol;
      const reply = await sendMessage('subscribe', { ticker, follow: this.followsPopup });
      if (reply.ticker === this.subscribedTicker) this.acceptReply(reply);
    } catch (error) {
      this.state.message = (error as Error).message;
      this.schedule();
    }
  }

  private acceptReply(reply: LevelsReply): void {
    this.state.reply = reply;
    this.schedule();
    void sendMessage('getHeatmap', { ticker: reply.ticker }).then((heatmap) => {
      if (heatmap.ticker === this.subscribedTicker) this.setHeatmap(heatmap.grid);
    }, () => undefined);
  }

  private setHeatmap(grid: HeatmapGrid | null): void {
    this.state.heatmap = grid;
    this.schedule();
  }

  /** Redraw in the next animation frame; several changes in one frame draw once. */
  private schedule(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    const levels = this.state.reply?.levels;
    const mapping = this.mapping;
    const plot = this.plot;
    this.state.plot = plot;
    this.state.now = Date.now();
    this.state.placed = levels && mapping && plot ? placeLevels(levelsToDraw(levels, this.state.reply!.diff, this.basis, this.lines), mapping, plot, (y) => yToPrice(mapping, y)) : [];
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

  private async saveSite(change: Partial<{ panel: OverlayViewState['panel']; calibration: Calibration }>): Promise<void> {
    const sites = await readCopy(overlaySitesItem);
    sites[this.origin] = { ...sites[this.origin], ...change };
    await overlaySitesItem.setValue(sites);
  }
}
