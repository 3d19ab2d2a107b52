/**
 * The overlay's readers, one unit per row of the READERS table (lib/chart/readers: labels, the test
 * contract's names, priority): each made with the shared context, then `start(signal, report)`.
 */
import type { ReaderId } from '../../../lib/chart/readers';
import type { OverlayReader, ReaderContext } from './reader';
import { TradingViewReader } from './tradingview';
import { ChartApiReader } from './chart-api';
import { AxisTextReader } from './axis-text';
import { CanvasLabelsReader } from './canvas-labels';
import { CalibrationReader } from './calibration';

export const OVERLAY_READERS: Record<ReaderId, (context: ReaderContext) => OverlayReader> = {
  tradingview: (context) => new TradingViewReader(context),
  'chart-api': (context) => new ChartApiReader(context),
  'axis-text': (context) => new AxisTextReader(context),
  'canvas-labels': (context) => new CanvasLabelsReader(context),
  calibration: (context) => new CalibrationReader(context),
};

export { ReaderInputs } from './reader';
export { calibrationFrom } from './calibration';
