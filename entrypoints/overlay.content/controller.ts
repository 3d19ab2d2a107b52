/**
 * The overlay controller. Readers watch the page — the TradingView bridge (every chart of a layout,
 * through the page's own API), a chart library's own API (ECharts, Chart.js, Plotly), the axis text
 * in the DOM or SVG, the canvas text tap and, where none reads, the user's calibration — and the best
 * that reads right now wins, in that order. None is given up for good: each keeps reading after a
 * fallback and takes over again as soon as it can. The controller tells the background which chart
 * symbols the page shows and draws what the background pushes back (levels, heatmap, line choices
 * and colours), each chart's lines in its own pane.
 */
import { h, render } from 'preact';
import { sendMessage, onMessage } from '../../utils/messaging';
import { isStaleNow, type ChartLevels, type OverlayPush, type SiteOverlayState } from '../../lib/protocol';
import { placeLevels, levelsToDraw, placePreviousLevels, stackLabels, type Hideable } from '../../lib/chart/levels';
import { priceToY, sameMapping, type PlotRect, type PriceMapping, type Calibration } from '../../lib/chart/mapping';
import { parseTickValue } from '../../lib/chart/axis';
import { BRIDGE_HELLO } from '../../lib/bridge';
import { LinesLayer, PanelLayer, type ChartDrawing, type OverlayViewState, type ReaderInfo } from './view/OverlayView';
import { LABEL_HEIGHT } from './view/Lines';
import { chartTheme } from './view/theme';
import type { HandleDraft } from './view/CalibrationHandles';
import type { AdapterName, AdapterState, ChartView } from './adapters/adapter';
import { TradingViewAdapter } from './adapters/tradingview';
import { GenericAxisAdapter } from './adapters/generic-axis';
import { CalibrationAdapter, findChartElement } from './adapters/calibration';
import { CanvasLabelsAdapter } from './adapters/canvas-labels';
import { LibraryApiAdapter } from './adapters/library-api';

/**
 * On tradingview.com, how long to wait for its API before reading the page's axis (the API comes late
 * and is the only reader there). Elsewhere the axis is read at once: a chart API found later takes over.
 */
const BRIDGE_WAIT_TRADINGVIEW_MS = 5000;
/** When the background paused a page's new symbols, ask again after its minute has passed. */
const PAUSED_RETRY_MS = 61000;
/** How often the panel's age and the lines' staleness follow the clock. */
const CLOCK_TICK_MS = 15000;
/** Calibration is offered once the axis reader has failed this long. */
const OFFER_CALIBRATION_AFTER_MS = 2500;

export class OverlayController {
  private readonly states = new Map<AdapterName, AdapterState>();
  private readonly bridge: TradingViewAdapter;
  private readonly canvas = new CanvasLabelsAdapter();
  private readonly library = new LibraryApiAdapter();
  private axis: GenericAxisAdapter | null = null;
  private calibration: CalibrationAdapter | null = null;
  private bridgeNote: string | null = null;
  private axisFailingSince: number | null = null;
  /** The chart symbols last told to the background (a key of the sorted list and the follow flag). */
  private subscribed: string | null = null;
  private push: OverlayPush | null = null;
  private retry = 0;
  private frame = 0;
  private readonly state: OverlayViewState = {
    theme: 'light',
    hidden: [],
    reader: null,
    drawings: [],
    chart: null,
    activePlot: null,
    // A pill docked to the chart's top-left corner: line labels sit at the right end of each line.
    panel: { x: 8, y: 8, collapsed: true, docked: true },
    calibrating: false,
    calibrationError: null,
    message: null,
    now: Date.now(),
    colours: null,
  };

  /** What the panel showed last (it is redrawn only when this changes). */
  private panelKey = '';

  constructor(
    private readonly host: HTMLElement,
    private readonly mounts: { lines: Element; panel: Element },
  ) {
    this.bridge = new TradingViewAdapter((_reason, unreadableFrames) => {
      this.bridgeNote =
        unreadableFrames > 0 ? 'The chart is in a frame from another site, which gexmap cannot read: calibrate it instead.' : null;
      this.states.delete('tradingview');
      // Not where a chart library's own API places the lines (the page's reading would only cost).
      if (!this.libraryReads()) this.startAxisReader();
      this.update();
    });
  }

  async start(): Promise<void> {
    const site = await this.siteState();
    if (site.panel) this.state.panel = { docked: false, ...site.panel };
    if (site.hidden) this.state.hidden = site.hidden;
    onMessage('overlayUpdated', ({ data }) => this.accept(data));
    this.bridge.start((state) => this.onAdapter(state));
    this.canvas.start((state) => this.onAdapter(state));
    this.library.start((state) => this.onAdapter(state));
    // The bridge ran from the page's start: ask it for what it saw before this script listened.
    document.dispatchEvent(new CustomEvent(BRIDGE_HELLO));
    // The age moves and levels turn stale by the clock, while nothing else happens (only while visible).
    setInterval(() => {
      if (document.visibilityState === 'visible') this.schedule();
    }, CLOCK_TICK_MS);
    // The page's own reading only where no chart API reads (the bridge may have answered the hello already).
    const apiReads = () => this.states.has('tradingview') || this.libraryReads();
    const onTradingView = location.hostname === 'tradingview.com' || location.hostname.endsWith('.tradingview.com');
    if (onTradingView) {
      setTimeout(() => {
        if (!apiReads()) this.startAxisReader();
      }, BRIDGE_WAIT_TRADINGVIEW_MS);
    } else if (!apiReads()) this.startAxisReader();
    this.schedule();
  }

  private async siteState(): Promise<SiteOverlayState> {
    return sendMessage('getSiteState', undefined).catch(() => ({}));
  }

  /** The axis reader, once started, keeps reading on every mutation, resize and scroll. */
  private startAxisReader(): void {
    if (this.axis) return;
    this.axis = new GenericAxisAdapter(this.host);
    const spot = this.push?.charts.find((chart) => chart.symbol === null)?.levels?.levels?.spot;
    if (spot !== undefined) this.axis.setExpectedPrice(spot);
    this.axis.start((state) => this.onAdapter(state));
  }

  /** Where the axis cannot be read, the chart element for calibration (with the site's saved one). */
  private async ensureCalibration(): Promise<void> {
    if (this.calibration) return;
    const element = findChartElement(this.host);
    if (!element || this.calibration) return;
    const saved = (await this.siteState()).calibration ?? null;
    if (this.calibration) return;
    this.calibration = new CalibrationAdapter(element, saved);
    this.calibration.start((state) => this.onAdapter(state));
  }

  /** Whether a chart library's own API places lines now. */
  private libraryReads(): boolean {
    return Boolean(this.states.get('api')?.charts.some((chart) => chart.mapping));
  }

  /** A chart API reads (TradingView's or a library's): the page's own reading and calibration are not needed. */
  private stopReadingThePage(): void {
    this.axis?.stop();
    this.axis = null;
    this.calibration?.stop();
    this.calibration = null;
    this.states.delete('generic');
    this.states.delete('calibration');
  }

  private onAdapter(state: AdapterState): void {
    const before = this.states.get(state.adapter);
    this.states.set(state.adapter, state);
    if (state.adapter === 'tradingview') {
      this.bridgeNote = null;
      this.stopReadingThePage();
    }
    if (state.adapter === 'api') {
      if (this.libraryReads()) this.stopReadingThePage();
      // The library's charts went away (or show no price near spot): back to reading the page.
      else if (before?.charts.some((chart) => chart.mapping) && !this.states.has('tradingview')) this.startAxisReader();
    }
    // The canvas labels are fitted only while no API places the lines.
    this.canvas.setNeeded(!this.states.has('tradingview') && !this.libraryReads());
    if (state.adapter === 'generic') {
      const reads = state.charts.some((chart) => chart.mapping);
      this.axisFailingSince = reads ? null : (this.axisFailingSince ?? Date.now());
      if (!reads) {
        void this.ensureCalibration();
        setTimeout(() => this.update(), OFFER_CALIBRATION_AFTER_MS + 50);
      }
    }
    if (before && sameViews(before.charts, state.charts, this.state.chart?.levels?.levels?.spot ?? 100)) return;
    // Drawn at once: the page's own frame (or the bridge's message) is where the chart moved.
    this.update();
  }

  /** The reader in use: the bridge when it reads, else the axis when it reads, else the calibration. */
  private current(): AdapterState | null {
    const bridge = this.states.get('tradingview');
    if (bridge) return bridge;
    const library = this.states.get('api');
    if (library?.charts.some((chart) => chart.mapping)) return library;
    const axis = this.states.get('generic');
    if (axis?.charts.some((chart) => chart.mapping)) return axis;
    const canvas = this.states.get('canvas');
    if (canvas?.charts.some((chart) => chart.mapping)) return canvas;
    return this.states.get('calibration') ?? null;
  }

  private readerInfo(current: AdapterState | null): ReaderInfo {
    // Offered once reading has failed for a while — at once when the chart sits in a frame nothing can read.
    const readingFailed =
      this.axisFailingSince !== null && (this.bridgeNote !== null || Date.now() - this.axisFailingSince >= OFFER_CALIBRATION_AFTER_MS);
    const offerCalibration = this.calibration !== null && readingFailed;
    if (current?.adapter === 'tradingview') {
      const count = current.charts.length;
      return {
        name: 'tradingview',
        label: count > 1 ? `TradingView chart API (${count} charts)` : 'TradingView chart API',
        offerCalibration: false,
      };
    }
    if (current?.adapter === 'api') return { name: 'api', label: `chart API: ${current.note ?? 'exact'}`, offerCalibration: false };
    // Stable words only (the fit's range and residual change every frame the axis moves; the panel
    // would redraw with them each frame).
    const scale = current?.charts.find((chart) => chart.mapping)?.mapping?.kind === 'log' ? 'log scale' : 'linear scale';
    if (current?.adapter === 'generic') return { name: 'generic', label: `axis text, ${scale}`, offerCalibration: false };
    if (current?.adapter === 'canvas') return { name: 'canvas', label: `canvas labels, ${scale}`, offerCalibration: false };
    if (current?.adapter === 'calibration' && this.calibration?.calibrated) {
      return { name: 'calibration', label: 'calibrated (by you: the price axis cannot be read)', offerCalibration: true };
    }
    const axisNote = this.states.get('generic')?.note;
    return {
      name: null,
      label:
        this.bridgeNote ??
        (this.axis ? `no readable price axis on this page yet${axisNote ? ` (${axisNote})` : ''}` : 'looking for a chart…'),
      offerCalibration,
    };
  }

  /** Recomputes what is drawn from the reader in use and the latest push, and draws it now. */
  private update(): void {
    this.state.now = Date.now();
    const current = this.current();
    const charts = current?.charts ?? [];
    this.subscribeTo(charts);
    this.state.reader = { ...this.readerInfo(current), readsPage: this.axis !== null };
    const active = charts.find((chart) => chart.active) ?? charts[0] ?? null;
    const activePlot = active?.plot ?? this.states.get('calibration')?.charts[0]?.plot ?? null;
    if (JSON.stringify(activePlot) !== JSON.stringify(this.state.activePlot)) {
      // The chart moved or changed: where the docked pill goes, and whether the chart is light or dark.
      this.state.theme = chartTheme(activePlot, this.host);
    }
    this.state.activePlot = activePlot;
    if (this.state.panel.docked && activePlot)
      this.state.panel = { ...this.state.panel, x: Math.max(0, activePlot.left + 8), y: Math.max(0, activePlot.top + 8) };
    this.state.chart = active ? this.levelsFor(active) : null;
    this.state.drawings = charts.map((chart) => this.drawing(chart));
    this.draw();
  }

  private levelsFor(chart: ChartView): ChartLevels | null {
    return this.push?.charts.find((candidate) => candidate.symbol === chart.symbol) ?? null;
  }

  private drawing(chart: ChartView): ChartDrawing {
    const levels = this.levelsFor(chart);
    const { mapping, plot } = chart;
    const reply = levels?.levels;
    const hidden = new Set<Hideable>(this.state.hidden);
    const placed =
      levels && reply?.levels && mapping && plot && this.push
        ? placeLevels(
            levelsToDraw(reply.levels, reply.diff, levels.basis, this.push.overlay.lines).filter((level) => !hidden.has(level.kind)),
            mapping,
            plot,
            reply.levels.spot + levels.basis,
          )
        : [];
    // Labels of close lines stacked apart; each line stays at its exact y.
    const labelYs = plot
      ? stackLabels(
          placed.map((level) => level.drawnY),
          LABEL_HEIGHT,
          plot.top,
          plot.top + plot.height,
        )
      : [];
    const labelled = placed.map((level, index) => ({ ...level, labelY: labelYs[index] }));
    const band = reply?.levels?.flipBand;
    const zone =
      band &&
      mapping &&
      plot &&
      this.push?.overlay.lines.flipBand &&
      this.push.overlay.lines.flip &&
      !hidden.has('flip-band') &&
      !hidden.has('flip')
        ? zoneOf(mapping, plot, band.low + (levels?.basis ?? 0), band.high + (levels?.basis ?? 0))
        : null;
    // The previous session's flip and walls, faint beside today's (off with lines.previous or the panel's switch).
    const previous =
      levels && mapping && plot && this.push
        ? placePreviousLevels(
            levels.previous ?? null,
            levels.basis,
            this.push.overlay.lines,
            this.state.hidden,
            mapping,
            plot,
            LABEL_HEIGHT,
          )
        : [];
    return { id: chart.id, plot, placed: labelled, zone, stale: Boolean(reply?.levels && isStaleNow(reply, this.state.now)), previous };
  }

  /** Tells the background the charts' symbols (null: a chart that follows the popup's ticker) on change. */
  private subscribeTo(charts: ChartView[]): void {
    const symbols = [...new Set(charts.map((chart) => chart.symbol).filter((symbol): symbol is string => symbol !== null))].sort();
    const follow = charts.some((chart) => chart.symbol === null && chart.plot !== null);
    if (symbols.length === 0 && !follow) return;
    const key = JSON.stringify([symbols, follow]);
    if (key === this.subscribed) return;
    this.subscribed = key;
    void sendMessage('subscribe', { symbols, follow }).then(
      (push) => {
        if (key === this.subscribed) this.accept(push);
      },
      (error: Error) => {
        this.state.message = `gexmap background unreachable: ${error.message}`;
        this.schedule();
      },
    );
  }

  private accept(push: OverlayPush): void {
    if (!push || !Array.isArray(push.charts)) return;
    this.push = push;
    // The price the chart should show (the levels' spot on its scale) picks the price axis among columns.
    const page = push.charts.find((chart) => chart.symbol === null);
    const spot = page?.levels?.levels?.spot;
    const expected = spot !== undefined ? spot + page!.basis : undefined;
    this.axis?.setExpectedPrice(expected);
    this.canvas.setExpectedPrice(expected);
    this.library.setExpectedPrice(expected);
    // Symbols the background paused (too many new ones from this page in a minute): ask again later.
    if (push.charts.some((chart) => chart.problem?.startsWith('gexmap paused'))) {
      clearTimeout(this.retry);
      this.retry = window.setTimeout(() => {
        this.subscribed = null;
        this.update();
      }, PAUSED_RETRY_MS);
    }
    this.state.colours = push.overlay.lineColours;
    this.state.message = null;
    this.schedule();
  }

  /** Redraw in the next animation frame; several changes in one frame draw once. */
  private schedule(): void {
    if (!this.frame) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.update();
      });
    }
  }

  private draw(): void {
    const state = { ...this.state };
    render(h(LinesLayer, { state }), this.mounts.lines);
    const { reader, chart, activePlot, panel, calibrating, calibrationError, message, colours, theme, hidden } = state;
    const panelKey =
      JSON.stringify([
        reader,
        panel,
        calibrating,
        calibrationError,
        message,
        colours,
        activePlot,
        theme,
        hidden,
        Math.floor(state.now / 15000),
      ]) + pushVersion(chart);
    if (panelKey === this.panelKey) return;
    this.panelKey = panelKey;
    render(h(PanelLayer, { state, actions: this.actions }), this.mounts.panel);
  }

  private readonly actions = {
    placePanel: (place: OverlayViewState['panel']) => {
      this.state.panel = place;
      this.schedule();
      void this.saveSite({ panel: place });
    },
    toggle: (kind: Hideable, shown: boolean) => {
      this.state.hidden = shown ? this.state.hidden.filter((hidden) => hidden !== kind) : [...new Set([...this.state.hidden, kind])];
      this.update();
      void this.saveSite({ hidden: this.state.hidden });
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
      const plot = this.state.activePlot;
      if (prices.some((price) => price === null)) {
        this.state.calibrationError = 'Type the price at each handle (numbers only).';
        this.schedule();
        return;
      }
      if (Math.abs(handles[0].fraction - handles[1].fraction) * (plot?.height ?? 0) < 10 || prices[0] === prices[1]) {
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
      this.calibration?.setCalibration(calibration);
      void this.saveSite({ calibration });
      this.schedule();
    },
  };

  private async saveSite(change: Partial<SiteOverlayState>): Promise<void> {
    await sendMessage('setSiteState', change).catch(() => undefined);
  }
}

/** A price band as a zone of the plot (clipped to it), or null when it lies wholly outside. */
function zoneOf(mapping: PriceMapping, plot: PlotRect, low: number, high: number): ChartDrawing['zone'] {
  const a = priceToY(mapping, low);
  const b = priceToY(mapping, high);
  const top = Math.max(plot.top, Math.min(a, b));
  const bottom = Math.min(plot.top + plot.height, Math.max(a, b));
  return bottom > top ? { low, high, top, bottom } : null;
}

const pushVersions = new WeakMap<object, number>();
let nextPushVersion = 1;
/** A number per pushed object: a new push is a new number, the same one the same. */
function pushVersion(chart: ChartLevels | null): string {
  if (!chart) return ':none';
  let version = pushVersions.get(chart);
  if (version === undefined) pushVersions.set(chart, (version = nextPushVersion++));
  return `:${version}`;
}

/** The same charts at the same places (within a twentieth of a pixel where it matters). */
function sameViews(a: ChartView[], b: ChartView[], referencePrice: number): boolean {
  return (
    a.length === b.length &&
    a.every((chart, index) => {
      const other = b[index];
      return (
        chart.id === other.id &&
        chart.symbol === other.symbol &&
        chart.active === other.active &&
        JSON.stringify(chart.plot) === JSON.stringify(other.plot) &&
        sameMapping(chart.mapping, other.mapping, 0.05, referencePrice)
      );
    })
  );
}
