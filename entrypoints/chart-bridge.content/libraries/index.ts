/**
 * The chart libraries the bridge asks directly, and the charts they place now: each library's reader
 * finds its charts; each chart's samples become an exact price mapping, or nothing.
 */
import { type LibraryChart, MAX_BRIDGE_CHARTS } from '../../../lib/bridge';
import { mappingFromSamples } from '../../../lib/chart/mapping';
import { findChartJs } from './chartjs';
import { findECharts } from './echarts';
import { findPlotly } from './plotly';
import type { LibraryChartSource } from './source';

/** Smaller plots are sparklines and thumbnails, not charts to draw levels on. */
const MIN_PLOT_PX = 40;

export function findLibraryCharts(win: Window): LibraryChartSource[] {
  const found: LibraryChartSource[] = [];
  for (const find of [findECharts, findChartJs, findPlotly]) {
    try {
      found.push(...find(win));
    } catch {
      // A library that answers oddly is one we cannot read; the others still can.
    }
  }
  return found.slice(0, MAX_BRIDGE_CHARTS);
}

/** The charts readable now; the largest plot is the active one (the panel follows it). */
export function readLibraryCharts(sources: readonly LibraryChartSource[], viewport: { width: number; height: number }): LibraryChart[] {
  const charts: LibraryChart[] = [];
  for (const source of sources) {
    let reading;
    try {
      reading = source.read();
    } catch {
      reading = null;
    }
    if (!reading) continue;
    const { pane } = reading;
    const onScreen = pane.left < viewport.width && pane.top < viewport.height && pane.left + pane.width > 0 && pane.top + pane.height > 0;
    if (!onScreen || pane.width < MIN_PLOT_PX || pane.height < MIN_PLOT_PX) continue;
    const mapping = mappingFromSamples(reading.samples);
    if (mapping) charts.push({ id: source.id, library: source.library, symbol: null, active: false, pane, mapping });
  }
  const largest = charts.reduce<LibraryChart | null>(
    (best, chart) => (!best || chart.pane.width * chart.pane.height > best.pane.width * best.pane.height ? chart : best),
    null,
  );
  if (largest) largest.active = true;
  return charts;
}
