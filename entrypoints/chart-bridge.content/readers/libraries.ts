/**
 * The chart-library reader, main-world side: where the page exposes a chart library's own API
 * (ECharts, Chart.js, Plotly; libraries/ holds one source per library), lines are placed by the
 * library's own price-to-pixel function — exact, whatever the renderer. It looks for charts a second
 * after the page changed (charts are built after load, and again on navigation), less and less often
 * while the page sits still. Once one is there it reads right after each drawing the library reports
 * (ECharts, Plotly: in the frame the chart drew) and after any change of the page's layout; for a
 * library that reports nothing (Chart.js) it also probes the axis every animation frame. It sends only
 * changes, and nothing while the tab is hidden.
 */
import type { LibraryChart } from '../../../lib/bridge';
import { findLibraryCharts, readLibraryCharts } from '../libraries';
import type { LibraryChartSource } from '../libraries/source';
import { lookSchedule } from '../look-schedule';
import { frameLoop, type BridgeReader, type Outlet } from '../bridge-reader';

/** How soon to look for charts after the page changed (before any is found, and while all found ones report their drawing)... */
const LOOK_INTERVAL_MS = 1000;
/** ...and how often at the least while it sits still. */
const SLOWEST_LOOK_MS = 8000;
/** Frames between fresh looks for charts while probing every frame (charts added, replaced, disposed). */
const RESCAN_FRAMES = 60;

/** Starts reading the chart libraries' own APIs. */
export function startLibraryReader(outlet: Outlet): BridgeReader {
  let sources: LibraryChartSource[] = [];
  let probes = '';
  let frames = 0;
  // The page's layout changed (or may have): the next read reads the charts whatever their probes say.
  let dirty = true;
  const visible = () => document.visibilityState === 'visible';

  const post = (charts: LibraryChart[]) => outlet.post({ type: 'library', charts });
  const read = () => {
    // Nothing moved and every axis answers as before: nothing to read, nothing to send.
    const now = JSON.stringify(sources.map((source) => source.probe()));
    if (!dirty && now === probes) return;
    dirty = false;
    probes = now;
    post(readLibraryCharts(sources, { width: window.innerWidth, height: window.innerHeight }));
  };
  /** A library that says it drew: read now, in the same frame (its axis moved or may have). */
  const onDrawn = () => {
    dirty = true;
    if (visible()) read();
  };
  /** Finds the charts (and listens to those that report their drawing); true when there are any. */
  const find = () => {
    const before = sources.map((source) => source.id).join('\n');
    sources = findLibraryCharts(window);
    let fresh = false;
    for (const source of sources) if (source.watch?.(onDrawn)) fresh = true;
    // The same charts found again need no reading (their drawing and the page's changes say when);
    // a chart that came, went or was replaced (it may have drawn before it was watched) does.
    if (fresh || sources.map((source) => source.id).join('\n') !== before) dirty = true;
    return sources.length > 0;
  };
  const probingEveryFrame = () => sources.some((source) => !source.watch);

  const loop = frameLoop(() => {
    if (probingEveryFrame() && ++frames % RESCAN_FRAMES === 0) find();
    if (sources.length === 0) {
      post([]);
      lookLater();
      return false;
    }
    read();
    if (probingEveryFrame()) return true;
    lookLater();
    return false;
  });
  const look = () => {
    if (!visible()) return;
    if (find()) loop.run();
    else {
      post([]);
      lookLater();
    }
  };
  const looks = lookSchedule(look, { soonMs: LOOK_INTERVAL_MS, slowestMs: SLOWEST_LOOK_MS });
  const lookLater = () => {
    if (visible()) looks.later();
  };

  const markDirty = () => {
    dirty = true;
    if (sources.length) loop.run();
  };
  window.addEventListener('resize', markDirty, { passive: true });
  window.addEventListener('scroll', markDirty, { passive: true, capture: true });
  new MutationObserver((records) => {
    if (records.some((record) => !(record.target as Element).closest?.('gexmap-overlay'))) {
      markDirty();
      looks.changed();
    }
  }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['style', 'class'] });

  document.addEventListener('visibilitychange', () => {
    if (visible()) look();
    else looks.cancel();
  });
  // Libraries load with the page: the first look after it has loaded.
  if (document.readyState === 'complete') look();
  else window.addEventListener('load', look, { once: true });
  return {
    resend: () => {
      outlet.again();
      dirty = true;
      if (sources.length) read();
    },
  };
}
