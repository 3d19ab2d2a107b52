/**
 * Runs in the page's main world (injected by the overlay) to read TradingView's chart through its
 * own, undocumented `TradingViewApi`: symbol, visible price range, scale mode and the main pane's
 * geometry. Every call is feature-detected; anything missing is reported as 'absent' and the overlay
 * falls back to reading the axis or to calibration. Reads happen every frame while the user
 * interacts, once a second otherwise, and are posted only when something changed.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { defineWindowMessaging } from '@webext-core/messaging/page';
import { BRIDGE_NAMESPACE, type BridgeMessage, type BridgeProtocol } from '../lib/chart/bridge-message';

type Fn = (...args: unknown[]) => unknown;
const call = (target: unknown, name: string, ...args: unknown[]): unknown => {
  const method = (target as Record<string, unknown> | null)?.[name];
  return typeof method === 'function' ? (method as Fn).apply(target, args) : undefined;
};

const PANE_SELECTORS = ['.chart-markup-table .pane', '[data-name="pane"]', '.chart-container .pane'];

function read(): BridgeMessage {
  const api = (window as unknown as { TradingViewApi?: unknown }).TradingViewApi;
  if (!api) return { type: 'absent', reason: 'no TradingViewApi on this page' };
  let chart: unknown;
  try {
    chart = call(api, 'activeChart');
    if (!chart) return { type: 'absent', reason: 'TradingViewApi.activeChart() gave nothing' };
    const symbol = call(chart, 'symbol');
    const panes = call(chart, 'getPanes');
    const pane = Array.isArray(panes) ? panes[0] : undefined;
    const scale = call(pane, 'getMainSourcePriceScale');
    const range = call(scale, 'getVisiblePriceRange') as { from?: unknown; to?: unknown } | undefined;
    if (!range || typeof range.from !== 'number' || typeof range.to !== 'number') return { type: 'absent', reason: 'no visible price range' };
    const modeNumber = call(scale, 'getMode');
    const inverted = call(scale, 'isInverted') === true;
    const element = PANE_SELECTORS.map((selector) => document.querySelector(selector)).find(Boolean) as HTMLElement | undefined;
    if (!element) return { type: 'absent', reason: 'no pane element' };
    const rect = element.getBoundingClientRect();
    const height = call(pane, 'getHeight');
    return {
      type: 'chart',
      symbol: typeof symbol === 'string' ? symbol : null,
      range: { from: range.from, to: range.to },
      mode: modeNumber === 1 ? 'log' : 'linear',
      inverted,
      pane: { left: rect.left, top: rect.top, width: rect.width, height: typeof height === 'number' && height > 0 ? height : rect.height },
    };
  } catch (error) {
    return { type: 'absent', reason: `TradingViewApi threw: ${(error as Error)?.message ?? String(error)}`.slice(0, 200) };
  }
}

export default defineUnlistedScript(() => {
  const messaging = defineWindowMessaging<BridgeProtocol>({ namespace: BRIDGE_NAMESPACE });
  let last = '';
  let activeUntil = 0;
  let frame = 0;
  const publish = () => {
    const state = read();
    const text = JSON.stringify(state);
    if (text !== last) {
      last = text;
      void messaging.sendMessage('state', state).catch(() => undefined);
    }
  };
  const tick = () => {
    frame = 0;
    publish();
    if (performance.now() < activeUntil) frame = requestAnimationFrame(tick);
  };
  // While the user pans, zooms or resizes: read every frame, for half a second after the last event.
  const interacting = () => {
    activeUntil = performance.now() + 500;
    if (!frame) frame = requestAnimationFrame(tick);
  };
  for (const type of ['pointerdown', 'pointermove', 'wheel', 'keydown', 'resize']) {
    window.addEventListener(type, (event) => {
      if (type !== 'pointermove' || (event as PointerEvent).buttons !== 0) interacting();
    }, { capture: true, passive: true });
  }
  // Idle: at most once a second (symbol switches through menus, data loading).
  setInterval(publish, 1000);
  publish();
});
