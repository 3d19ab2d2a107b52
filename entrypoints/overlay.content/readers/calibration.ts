/**
 * Calibration: the user drags two handles to two known prices on a chart whose axis cannot be read.
 * The mapping follows the chart element when it moves or resizes; it cannot know when the chart
 * rescales its own price axis (the axis reader keeps trying, and wins whenever it can read). Until a
 * chart element is on the page, it watches the page for one.
 */
import { calibratedMapping, type Calibration, type PlotRect } from '../../../lib/chart/mapping';
import { parseTickValue } from '../../../lib/chart/axis';
import { pageChart } from '../../../lib/chart/readers';
import type { HandleDraft } from '../view/CalibrationHandles';
import { WatchingReader } from './reader';

/** The chart element to calibrate against: the largest canvas, svg or frame (another site's chart) on the page. */
function findChartElement(ownHost: Element): Element | null {
  let best: Element | null = null;
  let bestArea = 0;
  for (const element of document.querySelectorAll('canvas, svg, iframe')) {
    if (ownHost.contains(element) || (element instanceof SVGElement && element.ownerSVGElement)) continue;
    const rect = element.getBoundingClientRect();
    const area = rect.width * rect.height;
    if (area > bestArea) {
      best = element;
      bestArea = area;
    }
  }
  // A chart usually stacks several canvases (plot, axes, crosshair): their shared parent is the chart.
  const parent = best?.parentElement;
  if (best instanceof HTMLCanvasElement && parent && parent.querySelectorAll(':scope > canvas').length > 1) return parent;
  return best && bestArea > 10000 ? best : null;
}

function plotOf(element: Element): PlotRect {
  const rect = element.getBoundingClientRect();
  return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
}

export class CalibrationReader extends WatchingReader {
  private element: Element | null = null;

  protected inputsChanged(): void {
    this.read();
  }

  protected read(): void {
    this.element ??= findChartElement(this.context.host);
    if (!this.element) {
      this.observe(document.body, { mutations: true });
      this.report({ charts: [] });
      return;
    }
    this.observe(this.element);
    const plot = plotOf(this.element);
    const calibration = this.context.inputs.calibration;
    this.report({ charts: pageChart(calibration ? calibratedMapping(calibration, plot) : null, plot) });
  }
}

/** The calibration two handles set, or what is wrong with them (in the user's words). */
export function calibrationFrom(handles: [HandleDraft, HandleDraft], plotHeight: number): Calibration | { error: string } {
  const prices = handles.map((handle) => parseTickValue(handle.price));
  if (prices[0] === null || prices[1] === null) return { error: 'Type the price at each handle (numbers only).' };
  if (Math.abs(handles[0].fraction - handles[1].fraction) * plotHeight < 10 || prices[0] === prices[1])
    return { error: 'Set the handles on two different prices, at least 10 px apart.' };
  return {
    kind: 'linear',
    points: [
      { fraction: handles[0].fraction, price: prices[0] },
      { fraction: handles[1].fraction, price: prices[1] },
    ],
  };
}
