/**
 * Apache ECharts through its own API, where the page exposes the library (`window.echarts`): every
 * instance on the page (its container carries `_echarts_instance_`), the y axis of its main series
 * (candlestick first), that axis's grid as the plot, and convertToPixel / convertFromPixel for price
 * <-> y — exact on linear and log axes, with either renderer.
 */
import { call } from '../safe-call';
import { boxOf, finiteNumber, SAMPLE_FRACTIONS, watchedCharts, type LibraryChartSource, type LibraryReading } from './source';

interface SeriesOption {
  type?: unknown;
  yAxisIndex?: unknown;
}

/** The main series' y axis: a candlestick's or OHLC's, else the first line's, else the first axis. */
function priceAxisOf(instance: unknown): { yAxisIndex: number; gridIndex: number } {
  // ECharts' model first (cheap); getOption() copies the whole option, data and all.
  const model = call(instance, 'getModel');
  const seriesModels = call(model, 'getSeries');
  let series: SeriesOption[];
  let axisGrid: (index: number) => unknown;
  if (Array.isArray(seriesModels)) {
    series = seriesModels.map((item) => ({ type: (item as { subType?: unknown })?.subType, yAxisIndex: call(item, 'get', 'yAxisIndex') }));
    axisGrid = (index) => call(call(model, 'getComponent', 'yAxis', index), 'get', 'gridIndex');
  } else {
    const option = call(instance, 'getOption') as { series?: SeriesOption[]; yAxis?: { gridIndex?: unknown }[] } | undefined;
    series = Array.isArray(option?.series) ? option.series : [];
    axisGrid = (index) => (Array.isArray(option?.yAxis) ? option.yAxis[index]?.gridIndex : undefined);
  }
  const main =
    series.find((item) => item?.type === 'candlestick' || item?.type === 'k') ?? series.find((item) => item?.type === 'line') ?? series[0];
  const yAxisIndex = finiteNumber(main?.yAxisIndex) ? main.yAxisIndex : 0;
  const gridIndex = axisGrid(yAxisIndex);
  return { yAxisIndex, gridIndex: finiteNumber(gridIndex) ? gridIndex : 0 };
}

/** The grid's rectangle inside the container (ECharts' model; the whole container when unreachable). */
function gridRect(instance: unknown, gridIndex: number, element: HTMLElement): { x: number; y: number; width: number; height: number } {
  const grid = call(call(instance, 'getModel'), 'getComponent', 'grid', gridIndex) as { coordinateSystem?: unknown } | undefined;
  const rect = call(grid?.coordinateSystem, 'getRect') as { x?: unknown; y?: unknown; width?: unknown; height?: unknown } | undefined;
  if (
    rect &&
    finiteNumber(rect.x) &&
    finiteNumber(rect.y) &&
    finiteNumber(rect.width) &&
    finiteNumber(rect.height) &&
    rect.width > 0 &&
    rect.height > 0
  ) {
    return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
  }
  return { x: 0, y: 0, width: element.clientWidth, height: element.clientHeight };
}

function read(instance: unknown, element: HTMLElement, axis: { yAxisIndex: number; gridIndex: number }): LibraryReading | null {
  if (call(instance, 'isDisposed') === true || !element.isConnected) return null;
  const box = boxOf(element);
  if (!box) return null;
  const grid = gridRect(instance, axis.gridIndex, element);
  const finder = { yAxisIndex: axis.yAxisIndex };
  const samples: LibraryReading['samples'] = [];
  for (const fraction of SAMPLE_FRACTIONS) {
    const price = call(instance, 'convertFromPixel', finder, grid.y + fraction * grid.height);
    // The price back to a pixel: the forward map is the one the chart draws with.
    const y = finiteNumber(price) ? call(instance, 'convertToPixel', finder, price) : undefined;
    if (!finiteNumber(price) || !finiteNumber(y)) return null;
    samples.push({ y: box.top + y * box.scaleY, price });
  }
  return {
    pane: {
      left: box.left + grid.x * box.scaleX,
      top: box.top + grid.y * box.scaleY,
      width: grid.width * box.scaleX,
      height: grid.height * box.scaleY,
    },
    samples,
  };
}

export function findECharts(win: Window): LibraryChartSource[] {
  const echarts = (win as unknown as { echarts?: unknown }).echarts;
  if (typeof (echarts as { getInstanceByDom?: unknown } | undefined)?.getInstanceByDom !== 'function') return [];
  const sources: LibraryChartSource[] = [];
  win.document.querySelectorAll<HTMLElement>('[_echarts_instance_]').forEach((element) => {
    const instance = call(echarts, 'getInstanceByDom', element);
    if (!instance || call(instance, 'isDisposed') === true) return;
    // The axis is looked up when the chart is found (once a second), not per frame.
    const axis = priceAxisOf(instance);
    let reference = Number.NaN;
    sources.push({
      id: `echarts:${
        element
          .getAttribute('_echarts_instance_')
          ?.replace(/[^\w.-]/g, '')
          .slice(0, 24) ?? sources.length
      }`,
      library: 'echarts',
      read: () => {
        const reading = read(instance, element, axis);
        reference = reading?.samples[1].price ?? Number.NaN;
        return reading;
      },
      // Every axis change is a render, which "rendered" reports: no probe needed once watched.
      probe: () => (watchedCharts.has(instance) ? null : call(instance, 'convertToPixel', { yAxisIndex: axis.yAxisIndex }, reference)),
      watch: (onDrawn) => {
        if (watchedCharts.has(instance)) return false;
        call(instance, 'on', 'rendered', onDrawn);
        watchedCharts.add(instance);
        return true;
      },
    });
  });
  return sources;
}
