/**
 * The chart overlay: an open shadow root over the page (fixed, no pointer events except its own
 * panel and handles, never moving the page's layout) driven by controller.ts (readers/ read the chart, view/ draws).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { OverlayController } from './controller';
import { OVERLAY_CSS } from './view/styles';

// TradingView charts by default. Every other site (including local pages: the demo, a local feed's
// chart) runs this same file through a content script registered when the user turns the site on.
export default defineContentScript({
  matches: ['*://*.tradingview.com/chart/*'],
  runAt: 'document_idle',
  main() {
    if (document.querySelector('gexmap-overlay')) return; // registered twice (static + per-site): run once
    const host = document.createElement('gexmap-overlay');
    host.style.cssText = 'position:fixed;inset:0;pointer-events:none;z-index:2147483646;display:block;';
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = OVERLAY_CSS;
    const lines = document.createElement('div');
    const panel = document.createElement('div');
    shadow.append(style, lines, panel);
    document.documentElement.append(host);
    void new OverlayController(host, { lines, panel }).start();
  },
});
