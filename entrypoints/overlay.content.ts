import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendMessage } from '../utils/messaging';

// Mirrors CHART_MATCHES in wxt.config.ts (content-script entrypoints must state their matches literally).
export default defineContentScript({
  matches: ['*://*.tradingview.com/chart/*', 'http://localhost/*', 'http://127.0.0.1/*'],
  runAt: 'document_idle',
  async main() {
    // An open shadow root keeps our styles and the page's apart and lets tests reach our elements.
    const host = document.createElement('gexmap-overlay');
    host.style.cssText = 'position:fixed;inset:0;pointer-events:none;z-index:2147483646;';
    const shadow = host.attachShadow({ mode: 'open' });
    const badge = document.createElement('div');
    badge.setAttribute('part', 'badge');
    badge.dataset.status = 'connecting';
    badge.textContent = 'gexmap: connecting…';
    badge.style.cssText =
      'position:absolute;right:8px;bottom:8px;font:12px system-ui,sans-serif;padding:2px 6px;border-radius:4px;background:#1e222d;color:#d1d4dc;opacity:.85';
    shadow.append(badge);
    document.documentElement.append(host);
    try {
      const reply = await sendMessage('hello', { client: 'overlay' });
      badge.dataset.status = 'ready';
      badge.textContent = `gexmap ${reply.version}: connected`;
    } catch (error) {
      badge.dataset.status = 'error';
      badge.textContent = `gexmap: background unreachable (${(error as Error).message})`;
    }
  },
});
