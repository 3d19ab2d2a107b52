/**
 * The canvas reader, content-script side: the main-world canvas tap sends, for every canvas that drew
 * numbers, the labels it drew and where; this fits the price axis among them (the same robust fit as
 * the axis-text reader; the time axis's numbers never fit a price), picks the one plausible for the
 * levels' spot, and reports the chart beside it. It follows every redraw: no polling. While the chart
 * moves, the axis chosen is followed on its own canvas (its one column refitted, column-track.ts), with
 * a full choice at least every 400 ms and whenever following does not fit.
 */
import {
  choosePriceAxis,
  type AxisFit,
  type AxisLabel,
  scoreAxisFit,
  followColumn,
  FOLLOW_AT_MOST_MS,
  trackOf,
  type ColumnTrack,
} from '../../../lib/chart/axis';
import type { PlotRect } from '../../../lib/chart/mapping';
import type { BridgeMessage } from '../../../lib/bridge';
import { pageChart, type ReaderState } from '../../../lib/chart/readers';
import { fittedState } from './reader';
import { BridgeListeningReader } from './bridge-listening';

/** The plot beside the fitted axis: its chart canvas, without the axis column when that lies inside it. */
function plotBeside(fit: AxisFit<AxisLabel>, chart: PlotRect): PlotRect {
  const right = chart.left + chart.width;
  if (fit.columnLeft > chart.left + chart.width / 2 && fit.columnLeft < right) return { ...chart, width: fit.columnLeft - 2 - chart.left };
  if (fit.columnRight < chart.left + chart.width / 2 && fit.columnRight > chart.left)
    return { ...chart, left: fit.columnRight + 2, width: right - fit.columnRight - 2 };
  return chart;
}

/** What a full read leaves for the reads after it to follow (column-track.ts): the canvas and its axis column. */
interface Following {
  canvasId: string;
  track: ColumnTrack;
  expectedPrice: number | undefined;
  fullReadAt: number;
}

/** Runs only while no chart API places the lines (the choice stops it): the labels then come again with the bridge's next send. */
export class CanvasLabelsReader extends BridgeListeningReader<'canvas'> {
  protected readonly messageTypes = ['canvas'] as const;
  protected readonly followsInputs = true;
  private following: Following | null = null;

  protected read(): void {
    const canvases = this.latest?.canvases ?? [];
    const expectedPrice = this.context.inputs.expectedPrice;
    const followed = this.follow(canvases, expectedPrice);
    if (followed) {
      this.report(followed);
      return;
    }
    this.following = null;
    const choice = choosePriceAxis(
      canvases.map((canvas) => ({ id: canvas.id, labels: labelsOf(canvas), plot: canvas.plot ?? undefined, marks: canvas.marks })),
      { expectedPrice },
    );
    const fit = choice.best;
    const canvas = fit ? canvases.find((candidate) => candidate.id === fit.source) : undefined;
    if (!fit || !canvas?.plot) {
      this.report({ charts: pageChart(null, null), note: canvases.length ? (choice.failure ?? 'no canvas shows a price axis') : null });
      return;
    }
    this.following = { canvasId: canvas.id, track: trackOf(fit), expectedPrice, fullReadAt: performance.now() };
    this.report(fittedState(fit, plotBeside(fit, canvas.plot)));
  }

  /** The axis the last full read chose, refitted on its own canvas's labels alone; null when that cannot stand for a full read. */
  private follow(canvases: readonly CanvasLabels[], expectedPrice: number | undefined): ReaderState | null {
    const following = this.following;
    if (!following || following.expectedPrice !== expectedPrice || performance.now() - following.fullReadAt >= FOLLOW_AT_MOST_MS)
      return null;
    const canvas = canvases.find((candidate) => candidate.id === following.canvasId);
    if (!canvas?.plot) return null;
    const column = followColumn(labelsOf(canvas), following.track);
    if (!column) return null;
    const fit = scoreAxisFit(column, { expectedPrice, plot: canvas.plot });
    if (fit.plausibility === 'far') return null;
    return fittedState(fit, plotBeside(fit, canvas.plot));
  }
}

type CanvasLabels = Extract<BridgeMessage, { type: 'canvas' }>['canvases'][number];

/** A canvas's labels as the fit takes them: each at the tick y its text baseline gives. */
function labelsOf(canvas: CanvasLabels): AxisLabel[] {
  return canvas.labels.map((label) => ({ ...label, tickSource: 'anchor' as const }));
}
