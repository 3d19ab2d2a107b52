/**
 * The GEX profile chart (uPlot): net GEX by strike as bars (red below zero, teal above: the heatmap's
 * colours), the re-priced total GEX curve as a line on its own axis, spot and flip marked. Strikes
 * within ±8% of spot. A legend under the chart names both series and their axes.
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ProfileReply } from '../lib/protocol';
import { type Theme, chartInk, type ChartInk } from '../lib/colour';
import { staggerRows } from '../lib/chart/levels';
import { axisDollars } from '../lib/format/signed-dollars';
import { ProfileLegend } from './ProfileLegend';

/** Spot and flip labels closer than this (CSS px) go on separate rows. */
const LABEL_GAP = 40;
const LABEL_FONT_PX = 11;

function systemTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** An axis as wide as its widest label (uPlot's axis-autosize demo): "−$50B" is never clipped. */
function fitLabels(self: uPlot, values: string[] | null, axisIndex: number, cycle: number): number {
  const axis = self.axes[axisIndex];
  // uPlot re-asks while the layout settles; after two rounds keep the size so it converges.
  if (cycle > 1) return (axis as unknown as { _size: number })._size;
  let size = (axis.ticks?.size ?? 10) + (axis.gap ?? 5) + 4;
  const widest = (values ?? []).reduce((longest, value) => (value.length > longest.length ? value : longest), '');
  if (widest) {
    self.ctx.font = (axis.font as unknown as string[] | undefined)?.[0] ?? self.ctx.font;
    size += self.ctx.measureText(widest).width / uPlot.pxRatio;
  }
  return Math.ceil(size);
}

function drawMarks(u: uPlot, marks: { price: number; colour: string; label: string }[]) {
  const { ctx } = u;
  const ratio = uPlot.pxRatio;
  const xs = marks.map((mark) => u.valToPos(mark.price, 'x', true));
  const rows = staggerRows(
    xs.map((x) => x / ratio),
    LABEL_GAP,
  );
  ctx.save();
  ctx.font = `${LABEL_FONT_PX * ratio}px system-ui, sans-serif`;
  marks.forEach((mark, index) => {
    const x = xs[index];
    ctx.strokeStyle = mark.colour;
    ctx.lineWidth = ratio;
    ctx.setLineDash([4 * ratio, 3 * ratio]);
    ctx.beginPath();
    ctx.moveTo(x, u.bbox.top);
    ctx.lineTo(x, u.bbox.top + u.bbox.height);
    ctx.stroke();
    ctx.fillStyle = mark.colour;
    // Right of the line, or left of it when it would run past the plot's right edge.
    const width = ctx.measureText(mark.label).width;
    const right = x + 3 * ratio + width <= u.bbox.left + u.bbox.width;
    ctx.textAlign = right ? 'left' : 'right';
    ctx.fillText(mark.label, right ? x + 3 * ratio : x - 3 * ratio, u.bbox.top + (10 + rows[index] * (LABEL_FONT_PX + 2)) * ratio);
  });
  ctx.restore();
}

function chartOptions(
  width: number,
  height: number,
  ink: ChartInk,
  marks: { price: number; colour: string; label: string }[],
): uPlot.Options {
  const bars = (fill: string) => ({
    scale: 'gex',
    stroke: fill,
    fill,
    paths: uPlot.paths.bars!({ size: [0.8, 8] }),
    points: { show: false },
  });
  return {
    width,
    height,
    legend: { show: false },
    cursor: { points: { show: false } },
    scales: { x: { time: false }, gex: { auto: true }, curve: { auto: true } },
    axes: [
      { stroke: ink.axis, grid: { stroke: ink.grid } },
      // Bars (by strike) and the curve (total) differ by an order of magnitude: one axis each.
      { scale: 'gex', stroke: ink.axis, size: fitLabels, values: (_u, values) => values.map(axisDollars), grid: { stroke: ink.grid } },
      {
        scale: 'curve',
        side: 1,
        stroke: ink.curve,
        size: fitLabels,
        values: (_u, values) => values.map(axisDollars),
        grid: { show: false },
      },
    ],
    series: [
      {},
      { label: 'Net GEX by strike, negative', ...bars(ink.negative) },
      { label: 'Net GEX by strike, positive', ...bars(ink.positive) },
      { label: 'Total GEX if spot moved', scale: 'curve', stroke: ink.curve, width: 1.5, points: { show: false }, spanGaps: true },
    ],
    hooks: { draw: [(u) => drawMarks(u, marks)] },
  };
}

export function ProfileChart({
  profile,
  width = 380,
  height = 180,
  theme,
}: {
  profile: ProfileReply;
  width?: number;
  height?: number;
  theme?: Theme;
}) {
  const target = useRef<HTMLDivElement>(null);
  const ink = chartInk(theme ?? systemTheme());
  useEffect(() => {
    const element = target.current;
    const spot = profile.spot;
    if (!element || spot === null) return;
    const low = spot * 0.92;
    const high = spot * 1.08;
    const bars = profile.byStrike.filter((row) => row.strike >= low && row.strike <= high);
    const curve = profile.points.filter((point) => point.spot >= low && point.spot <= high);
    // Negative and positive bars as two series, so each sign has its own colour.
    const data = uPlot.join([
      [bars.map((row) => row.strike), bars.map((row) => (row.net < 0 ? row.net : null))],
      [bars.map((row) => row.strike), bars.map((row) => (row.net >= 0 ? row.net : null))],
      [curve.map((point) => point.spot), curve.map((point) => point.gex)],
    ]);
    const marks = [
      { price: spot, colour: ink.spot, label: 'spot' },
      ...(profile.flip !== null ? [{ price: profile.flip, colour: ink.curve, label: 'flip' }] : []),
    ];
    const chart = new uPlot(chartOptions(width, height, ink, marks), data, element);
    return () => chart.destroy();
  }, [profile, width, height, ink.spot]);
  return (
    <>
      <div
        ref={target}
        data-testid="profile-chart"
        role="img"
        aria-label={`GEX profile: net GEX by strike and total GEX across spot; spot ${profile.spot?.toFixed(2)}${profile.flip !== null ? `, flip ${profile.flip.toFixed(1)}` : ''}`}
      />
      <ProfileLegend ink={ink} hasFlip={profile.flip !== null} />
    </>
  );
}
