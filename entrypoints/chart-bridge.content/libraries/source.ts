/**
 * What each library reader finds: a chart it can ask, and how to read it now — its plot in viewport
 * px and (y, price) samples from the library's own price-to-pixel function.
 */
import type { ChartLibrary } from '../../../lib/bridge';
import type { PlotRect } from '../../../lib/chart/mapping';

export interface LibraryReading {
  pane: PlotRect;
  /** Viewport y of each price, as the library itself computes it. */
  samples: { y: number; price: number }[];
}

export interface LibraryChartSource {
  /** Stable while the chart lives: the library's key and the chart's place among its charts. */
  id: string;
  library: ChartLibrary;
  /** The chart now, or null when it cannot be read (hidden, disposed, no numeric price axis). */
  read(): LibraryReading | null;
  /**
   * One cheap number that changes when the price axis does (the y of the last read's middle price):
   * while it and the page's layout stay put, the chart need not be read again.
   */
  probe(): unknown;
  /**
   * Where the library says when it has drawn (ECharts' "rendered", Plotly's "plotly_afterplot"): calls
   * `onDrawn` right after each drawing, so lines move in the frame the chart did. Once per chart:
   * true when this call began watching it (a chart new to the bridge, which may have drawn already).
   */
  watch?(onDrawn: () => void): boolean;
}

/** Charts already watched (a library keeps its listeners for the chart's life). */
export const watchedCharts = new WeakSet<object>();

/** The plot's fractions at which the library is asked for a price: three tell linear from log. */
export const SAMPLE_FRACTIONS = [0, 0.5, 1] as const;

/** The content box of an element in viewport px, and its CSS-to-layout scale (a transformed chart). */
export function boxOf(element: Element): { left: number; top: number; scaleX: number; scaleY: number } | null {
  const rect = element.getBoundingClientRect();
  const html = element as HTMLElement;
  const width = html.offsetWidth || rect.width;
  const height = html.offsetHeight || rect.height;
  if (!(rect.width > 0 && rect.height > 0 && width > 0 && height > 0)) return null;
  const scaleX = rect.width / width;
  const scaleY = rect.height / height;
  return { left: rect.left + (html.clientLeft || 0) * scaleX, top: rect.top + (html.clientTop || 0) * scaleY, scaleX, scaleY };
}

export const finiteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
