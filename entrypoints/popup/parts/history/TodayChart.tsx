/**
 * The latest session's path (uPlot): spot at each refresh against the flip and the walls as they stood
 * then, on New York time.
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { PathPoint } from '../../../../lib/gex/history';
import { formatNewYork, formatNewYorkClock } from '../../../../lib/format/time';
import { AXIS_STYLE, LEVEL_SERIES } from './level-series';

export function TodayChart({ path, width = 350, height = 170 }: { path: PathPoint[]; width?: number; height?: number }) {
  const target = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = target.current;
    if (!element || path.length === 0) return;
    // uPlot's time scale counts seconds; the labels are New York's wall clock, whatever this computer's zone.
    const data: uPlot.AlignedData = [
      path.map((point) => point.at / 1000),
      path.map((point) => point.spot),
      path.map((point) => point.flip),
      path.map((point) => point.callWall),
      path.map((point) => point.putWall),
    ];
    const single = path.length === 1;
    const chart = new uPlot(
      {
        width,
        height,
        cursor: { points: { size: 5 } },
        scales: {
          x: {
            time: true,
            ...(single ? { range: (_u: uPlot, min: number, max: number) => [min - 1800, max + 1800] as uPlot.Range.MinMax } : {}),
          },
          y: { auto: true },
        },
        axes: [
          { ...AXIS_STYLE, values: (_u, splits) => splits.map((split) => formatNewYorkClock(split * 1000)) },
          {
            ...AXIS_STYLE,
            size: 52,
            values: (_u, splits) => splits.map((split) => split.toLocaleString('en-US', { maximumFractionDigits: 2 })),
          },
        ],
        series: [
          {
            label: 'Time',
            value: (_u, value) => (value === null || value === undefined ? '—' : formatNewYork(value * 1000, { date: false })),
          },
          ...LEVEL_SERIES.map((series) => ({ ...series, points: { show: path.length <= 30, size: 4 } })),
        ],
      },
      data,
      element,
    );
    return () => chart.destroy();
  }, [path, width, height]);
  return (
    <div
      ref={target}
      data-testid="today-chart"
      role="img"
      aria-label={`Spot against the gamma flip and the walls at ${path.length} refresh${path.length === 1 ? '' : 'es'}`}
    />
  );
}
