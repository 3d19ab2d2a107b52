/**
 * The TradingView reader, main-world side: finds TradingView's own API (the page's, or a same-origin
 * Charting Library frame's: tradingview/api-search.ts) and, while the tab is visible and a chart is
 * present, reads every chart of the layout each animation frame (tradingview/layout.ts) — so lines
 * follow an auto-scaling chart, which moves its price range with live ticks and no user input, within
 * a frame. Only changes are posted; "absent" once no API showed up for a while, so the overlay reads
 * the page instead. Nothing runs while the tab is hidden.
 */
import { findApis, searchHolds, unreadableFrames, type ApiSearch } from '../tradingview/api-search';
import { readLayouts, watchChartEvents, type LayoutRead } from '../tradingview/layout';
import { lookSchedule } from '../look-schedule';
import { frameLoop, type BridgeReader, type Outlet } from '../bridge-reader';

/** Before any API shows up, look for one this soon after the page changed (TradingView builds it after the page loads)... */
const SEARCH_INTERVAL_MS = 500;
/** ...and this often at the least while the page sits still (a frame's inside is not seen changing). */
const SLOWEST_SEARCH_MS = 4000;
/** ...and say "absent" after this long without one, so the overlay falls back to reading the axis. */
const ABSENT_AFTER_MS = 1500;
/**
 * Every second, a look that touches no layout: has a frame come or gone, or an API appeared or been
 * replaced? Only then a new search. A frame's own place is part of every read (it moves with the
 * page's DOM, scroll and resize, all watched); the rare move none of those announce (a CSS animation)
 * is caught by a full read every few seconds.
 */
const CHECK_FRAMES = 60;
const FULL_READ_FRAMES = 300;

/** Starts reading TradingView's API, telling `onReads` whether it reads (the canvas tap stands aside meanwhile). */
export function startTradingViewReader(outlet: Outlet, onReads: (reads: boolean) => void): BridgeReader {
  const startedAt = performance.now();
  const watched = new WeakSet<object>();
  let search: ApiSearch = { hosts: [], frames: [], frameApis: [], ownApi: null, foreignChartFrames: [] };
  let layout: LayoutRead | null = null;

  // The page's geometry changed (or may have): the next frame reads the DOM again. Every document
  // that holds a chart is watched — the page's and each same-origin frame's, also frames added later.
  let dirty = true;
  const markDirty = () => void (dirty = true);
  const mutations = new MutationObserver((records) => {
    if (records.some((record) => !(record.target as Element).closest?.('gexmap-overlay'))) {
      dirty = true;
      searches.changed();
    }
  });
  const watchedDocuments = new WeakSet<Document>();
  const watchDocument = (document: Document) => {
    if (watchedDocuments.has(document)) return;
    watchedDocuments.add(document);
    mutations.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['style', 'class'] });
    const view = document.defaultView;
    view?.addEventListener('resize', markDirty, { passive: true });
    // A scroll anywhere in that document (the frame's own content too) may move a pane.
    view?.addEventListener('scroll', markDirty, { passive: true, capture: true });
  };
  watchDocument(window.document);

  const read = () => {
    if (search.hosts.length === 0) return;
    // Nothing in the DOM moved and the scales answer as before: nothing to read, nothing to send.
    if (!dirty && layout?.unchanged()) return;
    dirty = false;
    const chartCount = layout?.chartCount;
    layout = readLayouts(search.hosts);
    // A chart added to the layout: subscribe to its own events too.
    if (layout.chartCount !== chartCount) watchChartEvents(search.hosts, markDirty, watched);
    const { charts, problems } = layout;
    onReads(charts.length > 0);
    const unreadable = unreadableFrames(search);
    if (charts.length) outlet.post({ type: 'charts', charts, unreadableFrames: unreadable });
    else
      outlet.post({
        type: 'absent',
        reason: problems[0] ? `TradingView chart ${problems[0].id}: ${problems[0].reason}` : 'the layout has no charts',
        unreadableFrames: unreadable,
      });
  };

  /** Takes a new search: watches its documents and charts, and reads everything again. */
  const adopt = (found: ApiSearch) => {
    search = found;
    for (const host of search.hosts) watchDocument(host.document);
    watchChartEvents(search.hosts, markDirty, watched);
    dirty = true;
  };

  let frames = 0;
  const loop = frameLoop(() => {
    frames++;
    if (frames % CHECK_FRAMES === 0 && !stillHolds()) return false;
    if (frames % FULL_READ_FRAMES === 0) dirty = true;
    read();
    return search.hosts.length > 0;
  });
  const schedule = () => {
    if (search.hosts.length) loop.run();
  };

  const absent = () =>
    outlet.post({ type: 'absent', reason: 'no TradingView chart API on this page', unreadableFrames: unreadableFrames(search) });
  /** The API went away (the page replaced its chart, a frame was removed): say so, and look for it again. */
  const lost = (found: ApiSearch) => {
    search = found;
    layout = null;
    onReads(false);
    absent();
    if (!searches.pending) searches.later();
  };
  /** Whether the charts are still there to read: a changed page is searched again (and adopted, or lost). */
  const stillHolds = (): boolean => {
    if (searchHolds(window, search)) return true;
    const found = findApis(window);
    if (found.hosts.length === 0) {
      lost(found);
      return false;
    }
    adopt(found);
    return true;
  };
  const look = () => {
    if (document.visibilityState !== 'visible') return;
    const found = findApis(window);
    if (found.hosts.length) {
      adopt(found);
      schedule();
      return;
    }
    search = found;
    if (performance.now() - startedAt >= ABSENT_AFTER_MS) absent();
    searches.later();
  };
  const searches = lookSchedule(look, { soonMs: SEARCH_INTERVAL_MS, slowestMs: SLOWEST_SEARCH_MS });
  // A frame (or script) that loaded may hold the API now: load events do not bubble, capture sees them.
  document.addEventListener('load', searches.changed, { capture: true });

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') {
      if (search.hosts.length) {
        // Anything may have changed while hidden (nothing was read): look again before the next frame.
        if (!stillHolds()) return;
        dirty = true;
        schedule();
      } else if (!searches.pending) look();
    } else searches.cancel();
  });
  look();
  // Pages often build their chart (and its API) in their own scripts: look again as soon as those ran.
  const lookSoon = () => {
    if (search.hosts.length || document.visibilityState !== 'visible') return;
    searches.cancel();
    look();
  };
  document.addEventListener('DOMContentLoaded', lookSoon, { once: true });
  window.addEventListener('load', lookSoon, { once: true });
  return {
    resend: () => {
      outlet.again();
      layout = null;
      dirty = true;
      if (search.hosts.length) read();
      else if (performance.now() - startedAt >= ABSENT_AFTER_MS) absent();
    },
  };
}
