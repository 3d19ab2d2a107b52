/** What every site adapter reports: the chart's symbol (if it knows one), the price mapping and the plot. */
import type { PlotRect, PriceMapping } from '../../lib/chart/mapping';

export type AdapterName = 'tradingview' | 'generic' | 'calibration';

export interface AdapterState {
  adapter: AdapterName;
  symbol: string | null;
  mapping: PriceMapping | null;
  plot: PlotRect | null;
  /** Where a fitted axis sits (labels go beside it). */
  axisLeft?: number;
}

export interface ChartAdapter {
  readonly name: AdapterName;
  /** Starts watching; `onChange` gets every new state (the controller coalesces into frames). */
  start(onChange: (state: AdapterState) => void): void;
  stop(): void;
}
