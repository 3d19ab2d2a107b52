/**
 * The canvas reader, content-script side: the main-world canvas tap sends, for every canvas that drew
 * numbers, the labels it drew and where; this fits the price axis among them (the same robust fit as
 * the axis-text reader; the time axis's numbers never fit a price), picks the one plausible for the
 * levels' spot, and reports the chart beside it. It follows every redraw: no polling.
 */
import { BRIDGE_CHANNEL, readBridgeEventText, type TappedCanvas } from '../../../lib/chart/bridge-message';
import { choosePriceAxis } from '../../../lib/chart/axis-choice';
import type { AxisFit, AxisLabel } from '../../../lib/chart/price-axis';
import type { PlotRect } from '../../../lib/chart/mapping';
import { pageChart, type AdapterState, type ChartAdapter } from './adapter';

/** The plot beside the fitted axis: its chart canvas, without the axis column when that lies inside it. */
function plotBeside(fit: AxisFit<AxisLabel>, chart: PlotRect): PlotRect {
  const right = chart.left + chart.width;
  if (fit.columnLeft > chart.left + chart.width / 2 && fit.columnLeft < right) return { ...chart, width: fit.columnLeft - 2 - chart.left };
  if (fit.columnRight < chart.left + chart.width / 2 && fit.columnRight > chart.left) return { ...chart, left: fit.columnRight + 2, width: right - fit.columnRight - 2 };
  return chart;
}

export class CanvasLabelsAdapter implements ChartAdapter {
  readonly name = 'canvas' as const;
  private listener: ((event: Event) => void) | null = null;
  private canvases: TappedCanvas[] = [];
  private expectedPrice: number | undefined;
  private onChange: ((state: AdapterState) => void) | null = null;
  /** Off while a better reader places the lines: the labels are kept, and fitted once needed again. */
  private needed = true;

  start(onChange: (state: AdapterState) => void): void {
    this.onChange = onChange;
    this.listener = (event: Event) => {
      const message = readBridgeEventText((event as CustomEvent).detail);
      if (message?.type !== 'canvas') return;
      this.canvases = message.canvases;
      this.read();
    };
    document.addEventListener(BRIDGE_CHANNEL, this.listener);
  }

  stop(): void {
    if (this.listener) document.removeEventListener(BRIDGE_CHANNEL, this.listener);
    this.listener = null;
    this.onChange = null;
  }

  setNeeded(needed: boolean): void {
    if (needed === this.needed) return;
    this.needed = needed;
    if (needed) this.read();
  }

  setExpectedPrice(price: number | undefined): void {
    if (price === this.expectedPrice) return;
    this.expectedPrice = price;
    this.read();
  }

  private read(): void {
    if (!this.onChange || !this.needed) return;
    const choice = choosePriceAxis(
      this.canvases.map((canvas) => ({ id: canvas.id, labels: canvas.labels.map((label) => ({ ...label, tickSource: 'anchor' as const })), plot: canvas.plot ?? undefined, marks: canvas.marks })),
      { expectedPrice: this.expectedPrice },
    );
    const fit = choice.best;
    const canvas = fit ? this.canvases.find((candidate) => candidate.id === fit.source) : undefined;
    if (!fit || !canvas?.plot) {
      this.onChange({ adapter: 'canvas', charts: pageChart(null, null), note: this.canvases.length ? (choice.failure ?? 'no canvas shows a price axis') : null });
      return;
    }
    this.onChange({ adapter: 'canvas', charts: pageChart(fit.mapping, plotBeside(fit, canvas.plot)), note: fit.reasons.join('; ') });
  }
}
