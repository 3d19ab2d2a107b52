/**
 * The canvas reader, content-script side: the main-world canvas tap sends, for every canvas that drew
 * numbers, the labels it drew and where; this fits the price axis among them (the same robust fit as
 * the axis-text reader; the time axis's numbers never fit a price), picks the one plausible for the
 * levels' spot, and reports the chart beside it. It follows every redraw: no polling.
 */
import { choosePriceAxis } from '../../../lib/chart/axis-choice';
import type { AxisFit, AxisLabel } from '../../../lib/chart/price-axis';
import type { PlotRect } from '../../../lib/chart/mapping';
import { pageChart } from './adapter';
import { BridgeListeningAdapter } from './bridge-listener';

/** The plot beside the fitted axis: its chart canvas, without the axis column when that lies inside it. */
function plotBeside(fit: AxisFit<AxisLabel>, chart: PlotRect): PlotRect {
  const right = chart.left + chart.width;
  if (fit.columnLeft > chart.left + chart.width / 2 && fit.columnLeft < right) return { ...chart, width: fit.columnLeft - 2 - chart.left };
  if (fit.columnRight < chart.left + chart.width / 2 && fit.columnRight > chart.left) return { ...chart, left: fit.columnRight + 2, width: right - fit.columnRight - 2 };
  return chart;
}

export class CanvasLabelsAdapter extends BridgeListeningAdapter<'canvas'> {
  readonly name = 'canvas' as const;
  protected readonly messageType = 'canvas' as const;
  /** Off while a better reader places the lines: the labels are kept, and fitted once needed again. */
  private needed = true;

  setNeeded(needed: boolean): void {
    if (needed === this.needed) return;
    this.needed = needed;
    if (needed) this.read();
  }

  protected read(): void {
    const canvases = this.latest?.canvases ?? [];
    if (!this.onChange || !this.needed) return;
    const choice = choosePriceAxis(
      canvases.map((canvas) => ({ id: canvas.id, labels: canvas.labels.map((label) => ({ ...label, tickSource: 'anchor' as const })), plot: canvas.plot ?? undefined, marks: canvas.marks })),
      { expectedPrice: this.expectedPrice },
    );
    const fit = choice.best;
    const canvas = fit ? canvases.find((candidate) => candidate.id === fit.source) : undefined;
    if (!fit || !canvas?.plot) {
      this.onChange({ adapter: 'canvas', charts: pageChart(null, null), note: canvases.length ? (choice.failure ?? 'no canvas shows a price axis') : null });
      return;
    }
    this.onChange({ adapter: 'canvas', charts: pageChart(fit.mapping, plotBeside(fit, canvas.plot)), note: fit.reasons.join('; ') });
  }
}
