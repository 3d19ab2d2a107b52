/**
 * The TradingView reader, content-script side: the main-world bridge reads every chart of the layout
 * through TradingView's own API and sends it as an event on the page's own document (which no other
 * origin's frame can reach); this takes only messages that pass every check, and reports each chart
 * of the layout — in the same frame the bridge read it. No API (or no readable chart) reports no chart.
 */
import { BridgeListeningReader } from './bridge-listening';

const FOREIGN_FRAME = 'The chart is in a frame from another site, which gexmap cannot read: calibrate it instead.';

export class TradingViewReader extends BridgeListeningReader<'charts' | 'absent'> {
  protected readonly messageTypes = ['charts', 'absent'] as const;

  protected read(): void {
    const message = this.latest;
    if (!message) return;
    if (message.type === 'absent' || message.charts.length === 0) {
      this.report({ charts: [], unreachable: message.unreadableFrames.length > 0 ? FOREIGN_FRAME : null });
      return;
    }
    this.report({
      charts: message.charts.map((chart) => ({
        id: chart.id,
        symbol: chart.symbol,
        mapping: chart.mapping,
        plot: chart.pane,
        active: chart.active,
      })),
    });
  }
}
