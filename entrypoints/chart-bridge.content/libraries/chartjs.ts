/**
 * Chart.js through its own API, where the page exposes the library (`window.Chart`): every live
 * instance, the y scale of its first dataset (a numeric one: linear, logarithmic or a financial
 * plugin's), the chart area as the plot, and the scale's getPixelForValue / getValueForPixel.
 */
import { call } from '../safe-call';
import { boxOf, finiteNumber, SAMPLE_FRACTIONS, type LibraryChartSource, type LibraryReading } from './source';

interface ChartInstance {
  id?: unknown;
  canvas?: unknown;
  chartArea?: { left?: unknown; top?: unknown; right?: unknown; bottom?: unknown };
  width?: unknown;
  height?: unknown;
  scales?: Record<string, unknown>;
}

/** The first dataset's y scale, or the scale called "y"; category and time scales are no price axes. */
function priceScaleOf(chart: ChartInstance): unknown {
  const meta = call(chart, 'getDatasetMeta', 0) as { yScale?: unknown } | undefined;
  const scale = meta?.yScale ?? chart.scales?.y ?? chart.scales?.['y-axis-0'];
  const type = (scale as { type?: unknown } | undefined)?.type;
  return type === 'category' || type === 'time' || type === 'timeseries' ? undefined : scale;
}

function read(chart: ChartInstance): LibraryReading | null {
  const canvas = chart.canvas;
  if (!(canvas instanceof HTMLCanvasElement) || !canvas.isConnected) return null;
  const area = chart.chartArea;
  const scale = priceScaleOf(chart);
  if (!area || !scale || !finiteNumber(area.left) || !finiteNumber(area.top) || !finiteNumber(area.right) || !finiteNumber(area.bottom))
    return null;
  const box = boxOf(canvas);
  if (!box) return null;
  // The chart's coordinates are CSS px of the canvas at the chart's own size.
  const sizeX = finiteNumber(chart.width) && chart.width > 0 ? canvas.offsetWidth / chart.width : 1;
  const sizeY = finiteNumber(chart.height) && chart.height > 0 ? canvas.offsetHeight / chart.height : 1;
  const toX = (x: number) => box.left + x * sizeX * box.scaleX;
  const toY = (y: number) => box.top + y * sizeY * box.scaleY;
  const samples: LibraryReading['samples'] = [];
  for (const fraction of SAMPLE_FRACTIONS) {
    const price = call(scale, 'getValueForPixel', area.top + fraction * (area.bottom - area.top));
    const y = finiteNumber(price) ? call(scale, 'getPixelForValue', price) : undefined;
    if (!finiteNumber(price) || !finiteNumber(y)) return null;
    samples.push({ y: toY(y), price });
  }
  const left = toX(area.left);
  const top = toY(area.top);
  return { pane: { left, top, width: toX(area.right) - left, height: toY(area.bottom) - top }, samples };
}

export function findChartJs(win: Window): LibraryChartSource[] {
  const library = (win as unknown as { Chart?: { instances?: unknown } }).Chart;
  const instances = library?.instances;
  if (!instances || typeof instances !== 'object') return [];
  const charts = (instances instanceof Map ? [...instances.values()] : Object.values(instances)) as ChartInstance[];
  return charts
    .filter((chart) => chart && typeof chart === 'object' && chart.canvas instanceof HTMLCanvasElement)
    .map((chart, index) => {
      let reference = Number.NaN;
      return {
        id: `chartjs:${finiteNumber(chart.id) ? chart.id : index}`,
        library: 'chartjs' as const,
        read: () => {
          const reading = read(chart);
          reference = reading?.samples[1].price ?? Number.NaN;
          return reading;
        },
        probe: () => [call(priceScaleOf(chart), 'getPixelForValue', reference), chart.chartArea?.top, chart.chartArea?.bottom],
      };
    });
}
