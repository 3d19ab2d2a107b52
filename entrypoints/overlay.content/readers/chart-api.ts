/**
 * The chart-API reader, content-script side: the main-world chart-library reader sends every chart a
 * library's own API places (ECharts, Chart.js, Plotly); this keeps those whose visible price range is
 * plausible for the levels' spot (an RSI pane or a volume chart on the same page is no price chart)
 * and reports them, each in its own plot, in the frame the bridge read them.
 */
import { type LibraryChart, CHART_LIBRARIES } from '../../../lib/bridge';
import { yToPrice } from '../../../lib/chart/mapping';
import { BridgeListeningReader } from './bridge-listening';

/** A chart shows the underlying when spot lies within its visible range widened this much each way... */
const PLAUSIBLE_FACTOR = 1.5;
/** ...and its top is not this many times spot (a volume chart from 0 to millions holds any spot). */
const MAX_TOP_OVER_SPOT = 10;

/** Whether the chart's visible price range, widened, holds the expected price (any chart when none is known). */
export function plausibleFor(chart: Pick<LibraryChart, 'pane' | 'mapping'>, expectedPrice: number | undefined): boolean {
  if (expectedPrice === undefined) return true;
  const ends = [yToPrice(chart.mapping, chart.pane.top), yToPrice(chart.mapping, chart.pane.top + chart.pane.height)];
  const low = Math.min(...ends);
  const high = Math.max(...ends);
  if (!(Number.isFinite(low) && Number.isFinite(high)) || high > Math.abs(expectedPrice) * MAX_TOP_OVER_SPOT) return false;
  return (
    expectedPrice >= (low > 0 ? low / PLAUSIBLE_FACTOR : low - (high - low)) &&
    expectedPrice <= (high > 0 ? high * PLAUSIBLE_FACTOR : high + (high - low))
  );
}

export class ChartApiReader extends BridgeListeningReader<'library'> {
  protected readonly messageTypes = ['library'] as const;
  protected readonly followsInputs = true;

  protected read(): void {
    const charts = this.latest?.charts ?? [];
    const shown = charts.filter((chart) => plausibleFor(chart, this.context.inputs.expectedPrice));
    // The active chart among those shown: the bridge's, else the largest left.
    if (shown.length && !shown.some((chart) => chart.active)) {
      const largest = shown.reduce((best, chart) =>
        chart.pane.width * chart.pane.height > best.pane.width * best.pane.height ? chart : best,
      );
      shown.splice(shown.indexOf(largest), 1, { ...largest, active: true });
    }
    const libraries = [...new Set(shown.map((chart) => CHART_LIBRARIES[chart.library].label))];
    this.report({
      charts: shown.map((chart) => ({ id: chart.id, symbol: null, mapping: chart.mapping, plot: chart.pane, active: chart.active })),
      note: shown.length
        ? `${libraries.join(', ')}${shown.length > 1 ? ` (${shown.length} charts)` : ''}`
        : charts.length
          ? 'no chart shows a price near spot'
          : null,
    });
  }
}
