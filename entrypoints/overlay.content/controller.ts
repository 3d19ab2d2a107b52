/**
 * The overlay controller: wiring. The readers (readers/, in the order of lib/chart/readers' table)
 * watch the page; after each report the choice says which run and whose charts are drawn; none is
 * given up for good. The controller tells the background which chart symbols the page shows and draws
 * what the background pushes back (levels, heatmap, line choices and colours), each chart's lines in
 * its own pane.
 */
import { sendMessage, onMessage } from '../../utils/messaging';
import type { OverlayPush, SiteOverlayState } from '../../lib/protocol';
import { chartDrawing, type Hideable } from '../../lib/chart/levels';
import {
  READERS,
  chooseReader,
  sameReport,
  type ChartView,
  type ReaderChoice,
  type ReaderId,
  type ReaderState,
} from '../../lib/chart/readers';
import { OVERLAY_READERS, ReaderInputs, calibrationFrom } from './readers';
import { chartSubscription } from './subscription';
import type { OverlayActions, OverlayViewState } from './view/OverlayView';
import { LABEL_HEIGHT } from './view/Lines';
import { chartTheme } from './view/theme';
import { overlayRenderer } from './view/render';

/** How often the panel's age and the lines' staleness follow the clock. */
const CLOCK_TICK_MS = 15000;

export class OverlayController {
  private readonly inputs = new ReaderInputs();
  /** The running readers (each stopped through its own signal) and what each reported last. */
  private readonly running = new Map<ReaderId, AbortController>();
  private readonly reports = new Map<ReaderId, ReaderState>();
  private choice: ReaderChoice | null = null;
  private readonly startedAt = Date.now();
  private choosing = false;
  private chooseAgain = false;
  private recheck = { at: 0, timer: 0 };
  private push: OverlayPush | null = null;
  private readonly subscription = chartSubscription(
    (push) => this.accept(push),
    (error: Error) => {
      this.state.message = `gexmap background unreachable: ${error.message}`;
      this.schedule();
    },
  );
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
  private readonly draw: (state: OverlayViewState) => void;

  constructor(
    private readonly host: HTMLElement,
    mounts: { lines: Element; panel: Element },
  ) {
    this.draw = overlayRenderer(mounts, this.actions());
  }

  async start(): Promise<void> {
    const site = await sendMessage('getSiteState', undefined).catch((): SiteOverlayState => ({}));
    if (site.panel) this.state.panel = { docked: false, ...site.panel };
    if (site.hidden) this.state.hidden = site.hidden;
    this.inputs.set({ calibration: site.calibration ?? null });
    onMessage('overlayUpdated', ({ data }) => this.accept(data));
    // The age moves and levels turn stale by the clock, while nothing else happens (only while visible).
    setInterval(() => {
      if (document.visibilityState === 'visible') this.schedule();
    }, CLOCK_TICK_MS);
    this.update();
  }

  private onReport(id: ReaderId, state: ReaderState): void {
    const before = this.reports.get(id);
    this.reports.set(id, state);
    const spot = this.state.chart?.levels?.levels?.spot ?? 100;
    if (before && sameReport(before, state, spot)) return;
    // Drawn at once: the page's own frame (or the bridge's message) is where the chart moved.
    this.update();
  }

  /** Chooses (starting and stopping readers until the choice holds), then draws what the reader in use shows. */
  private update(): void {
    if (this.choosing) {
      this.chooseAgain = true;
      return;
    }
    this.choosing = true;
    try {
      // A reader started may report at once, and what it reports may change the choice: a few rounds at most.
      for (let round = 0; round === 0 || (this.chooseAgain && round < READERS.length * 2); round++) {
        this.chooseAgain = false;
        this.choose();
      }
    } finally {
      this.choosing = false;
    }
    this.show(this.choice!);
  }

  private choose(): void {
    const now = Date.now();
    const situation = {
      reports: this.reports,
      running: new Set(this.running.keys()),
      hostname: location.hostname,
      startedAt: this.startedAt,
      now,
    };
    const choice = chooseReader(situation, this.choice);
    this.choice = choice;
    for (const { id } of READERS) {
      const running = this.running.get(id);
      if (running && !choice.run.has(id)) {
        running.abort();
        this.running.delete(id);
        this.reports.delete(id);
        this.chooseAgain = true;
      } else if (!running && choice.run.has(id)) {
        const controller = new AbortController();
        this.running.set(id, controller);
        this.chooseAgain = true;
        OVERLAY_READERS[id]({ host: this.host, inputs: this.inputs }).start(controller.signal, (state) => this.onReport(id, state));
      }
    }
    // What the clock alone changes (a site's wait for its API ends, calibration is offered): choose again then.
    if (choice.recheckAt !== null && choice.recheckAt !== this.recheck.at) {
      clearTimeout(this.recheck.timer);
      const timer = window.setTimeout(
        () => {
          this.recheck = { at: 0, timer: 0 };
          this.update();
        },
        choice.recheckAt - now + 50,
      );
      this.recheck = { at: choice.recheckAt, timer };
    }
  }

  /** What is drawn from the reader in use and the latest push, drawn now. */
  private show(choice: ReaderChoice): void {
    const state = this.state;
    state.now = Date.now();
    this.subscription.follow(choice.charts);
    state.reader = choice.note;
    if (JSON.stringify(choice.activePlot) !== JSON.stringify(state.activePlot)) {
      // The chart moved or changed: where the docked pill goes, and whether the chart is light or dark.
      state.theme = chartTheme(choice.activePlot, this.host);
    }
    state.activePlot = choice.activePlot;
    if (state.panel.docked && choice.activePlot)
      state.panel = { ...state.panel, x: Math.max(0, choice.activePlot.left + 8), y: Math.max(0, choice.activePlot.top + 8) };
    const active = choice.charts.find((chart) => chart.active) ?? choice.charts[0] ?? null;
    state.chart = active ? this.levelsFor(active) : null;
    const options = { lines: this.push?.overlay.lines ?? null, hidden: state.hidden, labelHeight: LABEL_HEIGHT, now: state.now };
    state.drawings = choice.charts.map((chart) => chartDrawing(chart, this.levelsFor(chart), options));
    this.draw(state);
  }

  private levelsFor(chart: ChartView) {
    return this.push?.charts.find((candidate) => candidate.symbol === chart.symbol) ?? null;
  }

  private accept(push: OverlayPush): void {
    if (!push || !Array.isArray(push.charts)) return;
    this.push = push;
    // The price the chart should show (the levels' spot on its scale) picks the price axis among columns.
    const page = push.charts.find((chart) => chart.symbol === null);
    const spot = page?.levels?.levels?.spot;
    this.inputs.set({ expectedPrice: spot !== undefined ? spot + page!.basis : undefined });
    this.subscription.pushed(push, () => this.update());
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

  private actions(): OverlayActions {
    const state = this.state;
    const saveSite = (change: Partial<SiteOverlayState>) => void sendMessage('setSiteState', change).catch(() => undefined);
    return {
      placePanel: (place) => {
        state.panel = place;
        this.schedule();
        saveSite({ panel: place });
      },
      toggle: (kind: Hideable, shown: boolean) => {
        state.hidden = shown ? state.hidden.filter((hidden) => hidden !== kind) : [...new Set([...state.hidden, kind])];
        this.update();
        saveSite({ hidden: state.hidden });
      },
      startCalibration: () => {
        state.calibrating = true;
        state.calibrationError = null;
        this.schedule();
      },
      cancelCalibration: () => {
        state.calibrating = false;
        this.schedule();
      },
      saveCalibration: (handles) => {
        const calibration = calibrationFrom(handles, state.activePlot?.height ?? 0);
        if ('error' in calibration) state.calibrationError = calibration.error;
        else {
          state.calibrating = false;
          this.inputs.set({ calibration });
          saveSite({ calibration });
        }
        this.schedule();
      },
    };
  }
}
