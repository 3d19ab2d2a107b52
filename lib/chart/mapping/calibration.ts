/**
 * A calibration: two prices the user set by dragging handles onto a chart whose axis cannot be read,
 * kept per site as fractions of the chart element's height (so it follows the element when it moves
 * or resizes), and the mapping it gives.
 */
import { mappingThrough, type PlotRect, type PriceMapping, type ScaleKind } from './mapping';

export interface Calibration {
  kind: ScaleKind;
  points: [{ fraction: number; price: number }, { fraction: number; price: number }];
}

export function calibratedMapping(calibration: Calibration, plot: PlotRect): PriceMapping | null {
  const [first, second] = calibration.points;
  return mappingThrough(
    calibration.kind,
    { y: plot.top + first.fraction * plot.height, price: first.price },
    { y: plot.top + second.fraction * plot.height, price: second.price },
  );
}
