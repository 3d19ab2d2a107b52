/**
 * Plotly through the graph div it leaves on the page (`.js-plotly-plot` with its `_fullLayout`): found
 * whether or not the page exposes `window.Plotly`. The first visible trace's y axis, its c2p / p2c
 * for price <-> y (log axes take prices, as traces do), and the plot area of its x and y axes.
 */
import { call } from '../safe-call';
import { finiteNumber, SAMPLE_FRACTIONS, watchedCharts, type LibraryChartSource, type LibraryReading } from './source';

interface PlotlyAxis {
  _offset?: unknown;
  _length?: unknown;
  type?: unknown;
}

interface GraphDiv extends HTMLElement {
  _fullLayout?: Record<string, unknown>;
  _fullData?: { visible?: unknown; xaxis?: unknown; yaxis?: unknown }[];
}

/** "y2" → layout key "yaxis2". */
const axisKey = (name: unknown, letter: 'x' | 'y') =>
  typeof name === 'string' && /^[xy]\d*$/.test(name) ? `${letter}axis${name.slice(1)}` : `${letter}axis`;

/** The first visible trace (the price series): its axes are the chart's. */
const mainTrace = (graph: GraphDiv) =>
  graph._fullData?.find((item) => item && item.visible !== false && item.visible !== 'legendonly') ?? graph._fullData?.[0];

function read(graph: GraphDiv): LibraryReading | null {
  const layout = graph._fullLayout;
  if (!graph.isConnected || !layout) return null;
  const trace = mainTrace(graph);
  const yAxis = layout[axisKey(trace?.yaxis, 'y')] as PlotlyAxis | undefined;
  const xAxis = layout[axisKey(trace?.xaxis, 'x')] as PlotlyAxis | undefined;
  if (!yAxis || !xAxis || yAxis.type === 'category' || yAxis.type === 'date') return null;
  const { _offset: top, _length: height } = yAxis;
  const { _offset: left, _length: width } = xAxis;
  if (!finiteNumber(top) || !finiteNumber(height) || !finiteNumber(left) || !finiteNumber(width) || height <= 0 || width <= 0) return null;
  // Plotly's pixels start at its main SVG (the paper), which may sit inside a padded graph div.
  const paper = graph.querySelector('.main-svg') ?? graph;
  const origin = paper.getBoundingClientRect();
  if (!(origin.width > 0 && origin.height > 0)) return null;
  const samples: LibraryReading['samples'] = [];
  for (const fraction of SAMPLE_FRACTIONS) {
    const price = call(yAxis, 'p2c', fraction * height);
    const y = finiteNumber(price) ? call(yAxis, 'c2p', price) : undefined;
    if (!finiteNumber(price) || !finiteNumber(y)) return null;
    samples.push({ y: origin.top + top + y, price });
  }
  return { pane: { left: origin.left + left, top: origin.top + top, width, height }, samples };
}

export function findPlotly(win: Window): LibraryChartSource[] {
  return [...win.document.querySelectorAll<GraphDiv>('.js-plotly-plot')]
    .filter((graph) => graph._fullLayout && typeof graph._fullLayout === 'object')
    .map((graph, index) => {
      let reference = Number.NaN;
      return {
        id: `plotly:${index}`,
        library: 'plotly' as const,
        read: () => {
          const reading = read(graph);
          reference = reading?.samples[1].price ?? Number.NaN;
          return reading;
        },
        probe: () => {
          const yAxis = graph._fullLayout?.[axisKey(mainTrace(graph)?.yaxis, 'y')] as PlotlyAxis | undefined;
          return [call(yAxis, 'c2p', reference), yAxis?._offset, yAxis?._length];
        },
        watch: (onDrawn: () => void) => {
          if (watchedCharts.has(graph)) return false;
          call(graph, 'on', 'plotly_afterplot', onDrawn);
          watchedCharts.add(graph);
          return true;
        },
      };
    });
}
