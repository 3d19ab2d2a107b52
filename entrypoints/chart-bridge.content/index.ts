/**
 * The chart bridge, in the page's main world where the page's own chart API lives (on TradingView,
 * and on the sites the user turned on, registered beside the overlay): TradingView's API here, chart
 * libraries' own APIs (library-bridge.ts) and the canvas text tap (canvas-tap.ts). While the tab is visible and a
 * chart is present it reads every animation frame and posts only changes — so lines follow an
 * auto-scaling chart, which moves its price range with live ticks and no user input, within a frame.
 * Nothing runs while the tab is hidden. Messages go to the overlay's content script as an event on the
 * page's own document, delivered at once (the overlay draws in the same frame) and checked field by field.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { BRIDGE_CHANNEL, BRIDGE_HELLO, bridgeEventText, type BridgeMessage } from '../../lib/bridge';
import {
  findApis,
  readLayouts,
  searchHolds,
  unreadableFrames,
  watchChartEvents,
  type ApiSearch,
  type LayoutRead,
} from './tradingview-reader';
import { installCanvasTap } from './canvas-tap';
import { startLibraryBridge } from './library-bridge';
import { lookSchedule } from './look-schedule';

/** Before any API shows up, look for one this soon after the page changed (TradingView builds it after the page loads)... */
const SEARCH_INTERVAL_MS = 500;
/** ...and this often at the least while the page sits still (a frame's inside is not seen changing). */
const SLOWEST_SEARCH_MS = 4000;
/** ...and say "absent" after this long without one, so the overlay falls back to reading the axis. */
const ABSENT_AFTER_MS = 1500;

export default defineContentScript({
  matches: ['*://*.tradingview.com/chart/*'],
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  main() {
    // Registered statically and per site: run once per page.
    const marker = Symbol.for('gexmap.chart-bridge');
    const registry = window as unknown as Record<symbol, boolean>;
    if (registry[marker]) return;
    registry[marker] = true;
    // At document start, before the page's own scripts draw: every canvas label from the first frame on.
    // While TradingView's API reads, the canvas labels are not needed: the tap stands aside.
    const tap = installCanvasTap((canvases) => send({ type: 'canvas', canvases }));
    const resendCanvases = tap.resend;
    const resendCharts = startBridge((reads) => tap.setUnneeded(reads));
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') resendCanvases();
    });
    const resendLibraries = startLibraryBridge(send);
    // The overlay starts after the page drew (document idle): it asks, and gets everything again.
    document.addEventListener(BRIDGE_HELLO, () => {
      resendCanvases();
      resendCharts();
      resendLibraries();
    });
  },
});

/** Sends a message to the overlay's content script: an event on the page's own document, delivered at once. */
function send(message: BridgeMessage): void {
  document.dispatchEvent(new CustomEvent(BRIDGE_CHANNEL, { detail: bridgeEventText(message) }));
}

/** Starts reading TradingView's API (telling `onReads` whether it reads); returns a function that sends the current reading again. */
function startBridge(onReads: (reads: boolean) => void): () => void {
  const startedAt = performance.now();
  const watched = new WeakSet<object>();
  let search: ApiSearch = { hosts: [], frames: [], frameApis: [], ownApi: null, foreignChartFrames: [] };
  let last = '';
  let frame = 0;

  const post = (message: BridgeMessage) => {
    const text = bridgeEventText(message);
    if (text === last) return; // only changes
    last = text;
    send(message);
  };

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

  let layout: LayoutRead | null = null;

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
    if (charts.length) post({ type: 'charts', charts, unreadableFrames: unreadable });
    else
      post({
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

  /**
   * Every second, a look that touches no layout: has a frame come or gone, or an API appeared or been
   * replaced? Only then a new search. A frame's own place is part of every read (it moves with the
   * page's DOM, scroll and resize, all watched); the rare move none of those announce (a CSS animation)
   * is caught by a full read every few seconds.
   */
  const CHECK_FRAMES = 60;
  const FULL_READ_FRAMES = 300;
  let frames = 0;
  const tick = () => {
    frame = 0;
    frames++;
    if (frames % CHECK_FRAMES === 0 && !stillHolds()) return;
    if (frames % FULL_READ_FRAMES === 0) dirty = true;
    read();
    schedule();
  };
  const schedule = () => {
    if (!frame && document.visibilityState === 'visible' && search.hosts.length) frame = requestAnimationFrame(tick);
  };

  const absent = () =>
    post({ type: 'absent', reason: 'no TradingView chart API on this page', unreadableFrames: unreadableFrames(search) });
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
    } else {
      cancelAnimationFrame(frame);
      frame = 0;
      searches.cancel();
    }
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
  return () => {
    last = '';
    layout = null;
    dirty = true;
    if (search.hosts.length) read();
    else if (performance.now() - startedAt >= ABSENT_AFTER_MS) absent();
  };
}
