/**
 * The TradingView adapter, content-script side: injects the main-world bridge and turns its
 * (validated) messages into a symbol, a mapping and the pane's rectangle.
 */
import { injectScript } from 'wxt/utils/inject-script';
import { defineWindowMessaging } from '@webext-core/messaging/page';
import { BRIDGE_NAMESPACE, readBridgeMessage, type BridgeProtocol } from '../../../lib/chart/bridge-message';
import { mappingFromRange } from '../../../lib/chart/mapping';
import type { AdapterState, ChartAdapter } from './adapter';

export class TradingViewAdapter implements ChartAdapter {
  readonly name = 'tradingview' as const;
  private remove: (() => void) | null = null;
  /** The bridge's latest verdict: null until it speaks. */
  present: boolean | null = null;

  constructor(private readonly onAbsent: (reason: string) => void) {}

  start(onChange: (state: AdapterState) => void): void {
    const messaging = defineWindowMessaging<BridgeProtocol>({ namespace: BRIDGE_NAMESPACE });
    this.remove = messaging.onMessage('state', ({ data }) => {
      const message = readBridgeMessage(data);
      if (!message) return; // anything malformed (or forged by the page) is ignored
      if (message.type === 'absent') {
        if (this.present !== false) {
          this.present = false;
          this.onAbsent(message.reason);
        }
        return;
      }
      const mapping = mappingFromRange(message.mode, message.range, message.pane.top, message.pane.height, message.inverted);
      if (!mapping) return;
      this.present = true;
      onChange({ adapter: 'tradingview', symbol: message.symbol, mapping, plot: message.pane });
    });
    void injectScript('/tradingview-bridge.js', { keepInDom: false }).catch((error: Error) => {
      this.present = false;
      this.onAbsent(`cannot inject the bridge: ${error.message}`);
    });
  }

  stop(): void {
    this.remove?.();
    this.remove = null;
  }
}
