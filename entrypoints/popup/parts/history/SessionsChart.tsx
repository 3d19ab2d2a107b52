/**
 * Spot, flip and walls across the stored sessions (uPlot): each session's latest levels, one point a
 * session, sessions side by side (days without data are not drawn as gaps of time).
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SessionRow } from '../../../../lib/gex/day-over-day';
import { formatSessionDate } from '../../../../lib/format/time';
import { AXIS_STYLE, LEVEL_SERIES } from './level-series';

export function SessionsChart({ rows, width = 350, height = 170 }: { rows: SessionRow[]; width?: number; height?: number }) {
  const target = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = target.current;
    if (!element || rows.length === 0) return;
    const data: uPlot.AlignedData = [
      rows.map((_row, index) => index),
      rows.map((row) => row.spot),
      rows.map((row) => row.flip),
      rows.map((row) => row.callWall),
      rows.map((row) => row.putWall),
    ];
    const dateOf = (index: number | null | undefined) =>
      index === null || index === undefined || !rows[Math.round(index)]
        ? ''
        : formatSessionDate(rows[Math.round(index)].session).replace(/^\w+ /, '');
    const chart = new uPlot(
      {
        width,
        height,
        cursor: { points: { size: 5 } },
        scales: { x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] }, y: { auto: true } },
        axes: [
          // Whole sessions only: a tick between two sessions would name neither.
          {
            ...AXIS_STYLE,
            values: (_u, splits) => splits.map((split) => (Number.isInteger(split) ? dateOf(split) : '')),
            incrs: [1, 2, 5, 10, 20],
          },
          {
            ...AXIS_STYLE,
            size: 52,
            values: (_u, splits) => splits.map((split) => split.toLocaleString('en-US', { maximumFractionDigits: 2 })),
          },
        ],
        series: [
          { label: 'Session', value: (_u, index) => dateOf(index) },
          ...LEVEL_SERIES.map((series) => ({ ...series, points: { show: rows.length <= 20, size: 4 } })),
        ],
      },
      data,
      element,
    );
    return () => chart.destroy();
  }, [rows, width, height]);
  const newest = rows.at(-1);
  return (
    <div
      ref={target}
      data-testid="history-chart"
      role="img"
      aria-label={`Spot, gamma flip, call wall and put wall over ${rows.length} session${rows.length === 1 ? '' : 's'}${newest ? `, the latest ${newest.session}` : ''}`}
    />
  );
}
