/**
 * Calibration: the user drags two handles to two known prices on a chart whose axis we cannot read
 * (a canvas). Kept per site as fractions of the chart element's height, so the mapping follows the
 * element when it moves or resizes; it cannot know when the chart rescales its own price axis.
 */
import { mappingThrough, type PlotRect, type ScaleKind } from '../../lib/chart/mapping';
import type { AdapterState, ChartAdapter } from './adapter';

export interface Calibration {
  kind: ScaleKind;
  points: [{ fraction: number; price: number }, { fraction: number; price: number }];
}

/** The chart element to calibrate against: the largest canvas or svg on the page. */
export function findChartElement(ownHost: Element | null): Element | null {
  let best: Element | null = null;
  let bestArea = 0;
  for (const element of document.querySelectorAll('canvas, svg')) {
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

export class CalibrationAdapter implements ChartAdapter {
  readonly name = 'calibration' as const;
  private onChange: ((state: AdapterState) => void) | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private frame = 0;
  private readonly schedule = () => {
    if (!this.frame) this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.emit();
    });
  };

  constructor(
    private readonly element: Element,
    private calibration: Calibration | null,
  ) {}

  setCalibration(calibration: Calibration | null): void {
    this.calibration = calibration;
    this.emit();
  }

  start(onChange: (state: AdapterState) => void): void {
    this.onChange = onChange;
    this.resizeObserver = new ResizeObserver(this.schedule);
    this.resizeObserver.observe(this.element);
    window.addEventListener('resize', this.schedule, { passive: true });
    window.addEventListener('scroll', this.schedule, { passive: true, capture: true });
    this.emit();
  }

  stop(): void {
    this.onChange = null;
    this.resizeObserver?.disconnect();
    window.removeEventListener('resize', this.schedule);
    window.removeEventListener('scroll', this.schedule, { capture: true });
    cancelAnimationFrame(this.frame);
  }

  plot(): PlotRect {
    return plotOf(this.element);
  }

  private emit(): void {
    const plot = plotOf(this.element);
    const calibration = this.calibration;
    const mapping = calibration
      ? mappingThrough(
          calibration.kind,
          { y: plot.top + calibration.points[0].fraction * plot.height, price: calibration.points[0].price },
          { y: plot.top + calibration.points[1].fraction * plot.height, price: calibration.points[1].price },
        )
      : null;
    this.onChange?.({ adapter: 'calibration', symbol: null, mapping, plot });
  }
}
