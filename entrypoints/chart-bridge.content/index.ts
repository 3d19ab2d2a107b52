/**
 * The chart bridge, in the page's main world where the page's own chart API lives (on TradingView,
 * and on the sites the user turned on, registered beside the overlay): the main-world readers
 * (readers/) — TradingView's API, chart libraries' own APIs and the canvas text tap. Each posts only
 * changes, to the overlay's content script, as an event on the page's own document: delivered at once
 * (the overlay draws in the same frame) and checked field by field there.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { BRIDGE_CHANNEL, BRIDGE_HELLO } from '../../lib/bridge';
import { outletTo } from './bridge-reader';
import { startCanvasReader } from './readers/canvas';
import { startLibraryReader } from './readers/libraries';
import { startTradingViewReader } from './readers/tradingview';

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
    const canvas = startCanvasReader(outletTo(send));
    // While TradingView's API reads, the canvas labels are not needed: the tap stands aside.
    const readers = [canvas, startTradingViewReader(outletTo(send), canvas.standAside), startLibraryReader(outletTo(send))];
    // The overlay starts after the page drew (document idle), and a reader of it may start later: it asks, and gets everything again.
    document.addEventListener(BRIDGE_HELLO, () => {
      for (const reader of readers) reader.resend();
    });
  },
});

/** Delivers a message's text to the overlay's content script: an event on the page's own document, at once. */
function send(text: string): void {
  document.dispatchEvent(new CustomEvent(BRIDGE_CHANNEL, { detail: text }));
}
