/**
 * Calibration: the user drags two handles to two known prices on a chart whose axis cannot be read.
 * The mapping follows the chart element when it moves or resizes; it cannot know when the chart
 * rescales its own price axis (the axis reader keeps trying, and wins whenever it can read).
 */
import { calibratedMapping, type Calibration, type PlotRect } from '../../../lib/chart/mapping';
import { pageChart, WatchingAdapter } from './adapter';

/** The chart element to calibrate against: the largest canvas, svg or frame (another site's chart) on the page. */
export function findChartElement(ownHost: Element | null): Element | null {
  let best: Element | null = null;
  let bestArea = 0;
  for (const element of document.querySelectorAll('canvas, svg, iframe')) {
    if (ownHost?.contains(element) || (element instanceof SVGElement && element.ownerSVGElement)) continue;
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

export function plotOf(element: Element): PlotRect {
  const rect = element.getBoundingClientRect();
  return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
}

export class CalibrationAdapter extends WatchingAdapter {
  readonly name = 'calibration' as const;

  constructor(
    private readonly element: Element,
    private calibration: Calibration | null,
  ) {
    super();
  }

  get calibrated(): boolean {
    return this.calibration !== null;
  }

  setCalibration(calibration: Calibration | null): void {
    this.calibration = calibration;
    this.read();
  }

  protected read(): void {
    this.observe(this.element);
    const plot = plotOf(this.element);
    this.onChange?.({
      adapter: 'calibration',
      charts: pageChart(this.calibration ? calibratedMapping(this.calibration, plot) : null, plot),
    });
  }
}
