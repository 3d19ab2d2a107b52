/**
 * The TradingView adapter, content-script side: the main-world chart bridge sends what it read as an
 * event on the page's own document (which no other origin's frame can reach); this takes only fields
 * that pass every check, and reports each chart of the layout — in the same frame the bridge read it.
 */
import { BRIDGE_CHANNEL } from '../../../lib/bridge';
import type { AdapterState, ChartAdapter } from './adapter';
import { readBridgeEvent } from './bridge-listener';

export class TradingViewAdapter implements ChartAdapter {
  readonly name = 'tradingview' as const;
  private listener: ((event: Event) => void) | null = null;
  /** The bridge's latest verdict: null until it speaks. */
  present: boolean | null = null;

  constructor(private readonly onAbsent: (reason: string, unreadableFrames: number) => void) {}

  start(onChange: (state: AdapterState) => void): void {
    this.listener = (event: Event) => {
      const message = readBridgeEvent(event);
      if (!message || message.type === 'canvas' || message.type === 'library') return; // the canvas and library readers' own
      if (message.type === 'absent' || message.charts.length === 0) {
        if (this.present !== false) {
          this.present = false;
          this.onAbsent(message.type === 'absent' ? message.reason : 'the layout has no readable charts', message.unreadableFrames.length);
        }
        return;
      }
      this.present = true;
      onChange({
        adapter: 'tradingview',
        charts: message.charts.map((chart) => ({
          id: chart.id,
          symbol: chart.symbol,
          mapping: chart.mapping,
          plot: chart.pane,
          active: chart.active,
        })),
      });
    };
    document.addEventListener(BRIDGE_CHANNEL, this.listener);
  }

  stop(): void {
    if (this.listener) document.removeEventListener(BRIDGE_CHANNEL, this.listener);
    this.listener = null;
  }
}
