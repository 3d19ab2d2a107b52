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
import { BRIDGE_CHANNEL, BRIDGE_HELLO, bridgeEventText, type BridgeMessage } from '../../lib/chart/bridge-message';
import { findApis, readLayouts, watchChartEvents, type ApiSearch, type LayoutRead } from './tradingview-reader';
import { installCanvasTap } from './canvas-tap';
import { startLibraryBridge } from './library-bridge';

/** Before any API shows up, look for one this often (TradingView builds it after the page loads). */
const SEARCH_INTERVAL_MS = 500;
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
    // While TradingView's API reads, the canvas labels are not needed (the tap only notes them).
    let tradingViewReads = false;
    const resendCanvases = installCanvasTap(
      (canvases) => send({ type: 'canvas', canvases }),
      () => tradingViewReads,
    );
    const resendCharts = startBridge((reads) => {
      if (reads === tradingViewReads) return;
      tradingViewReads = reads;
      if (!reads) resendCanvases();
    });
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
  let search: ApiSearch = { hosts: [], unreadableFrames: [] };
  let last = '';
  let frame = 0;
  let timer = 0;

  const post = (message: BridgeMessage) => {
    const text = bridgeEventText(message);
    if (text === last) return; // only changes
    last = text;
    send(message);
  };

  // The page's geometry changed (or may have): the next frame reads the DOM again.
  let dirty = true;
  const markDirty = () => void (dirty = true);
  window.addEventListener('resize', markDirty, { passive: true });
  window.addEventListener('scroll', markDirty, { passive: true, capture: true });
  const mutations = new MutationObserver((records) => {
    if (records.some((record) => !(record.target as Element).closest?.('gexmap-overlay'))) dirty = true;
  });
  let layout: LayoutRead | null = null;
  let probe: unknown[] = [];

  const read = () => {
    if (search.hosts.length === 0) return;
    // Nothing in the DOM moved and the scales answer as before: nothing to read, nothing to send.
    if (!dirty && layout) {
      const now = layout.probe();
      if (now.length === probe.length && now.every((value, index) => Object.is(value, probe[index]))) return;
    }
    dirty = false;
    layout = readLayouts(search.hosts);
    probe = layout.probe();
    const { charts, problems } = layout;
    onReads(charts.length > 0);
    if (charts.length) post({ type: 'charts', charts, unreadableFrames: search.unreadableFrames });
    else post({ type: 'absent', reason: problems[0] ? `TradingView chart ${problems[0].id}: ${problems[0].reason}` : 'the layout has no charts', unreadableFrames: search.unreadableFrames });
  };

  /** Frames between fresh looks for hosts (a frame added, a layout rebuilt) and their events. */
  const RESCAN_FRAMES = 60;
  let frames = 0;
  const tick = () => {
    frame = 0;
    if (++frames % RESCAN_FRAMES === 0) {
      dirty = true; // a pane can move without a resize or a mutation we saw (a frame's content scrolled)
      const again = findApis(window);
      if (again.hosts.length) {
        search = again;
        watchChartEvents(search.hosts, markDirty, watched);
      }
    }
    read();
    schedule();
  };
  const schedule = () => {
    if (!frame && document.visibilityState === 'visible' && search.hosts.length) frame = requestAnimationFrame(tick);
  };

  const look = () => {
    timer = 0;
    if (document.visibilityState !== 'visible') return;
    search = findApis(window);
    if (search.hosts.length) {
      // The page's own document, and the documents of same-origin frames that hold charts.
      for (const document of new Set([window.document, ...search.hosts.map((host) => host.document)])) {
        mutations.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['style', 'class'] });
      }
      watchChartEvents(search.hosts, markDirty, watched);
      schedule();
      return;
    }
    if (performance.now() - startedAt >= ABSENT_AFTER_MS) post({ type: 'absent', reason: 'no TradingView chart API on this page', unreadableFrames: search.unreadableFrames });
    timer = window.setTimeout(look, SEARCH_INTERVAL_MS);
  };

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') {
      if (search.hosts.length) schedule();
      else if (!timer) look();
    } else {
      cancelAnimationFrame(frame);
      frame = 0;
      clearTimeout(timer);
      timer = 0;
    }
  });
  look();
  return () => {
    last = '';
    layout = null;
    dirty = true;
    if (search.hosts.length) read();
    else if (performance.now() - startedAt >= ABSENT_AFTER_MS) post({ type: 'absent', reason: 'no TradingView chart API on this page', unreadableFrames: search.unreadableFrames });
  };
}
