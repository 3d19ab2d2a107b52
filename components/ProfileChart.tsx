/**
 * The GEX profile chart (uPlot): net GEX by strike as bars, the re-priced total GEX curve as a line,
 * spot and flip marked. Strikes within ±8% of spot.
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ProfileReply } from '../lib/protocol';
import { levelColour, SPOT_COLOUR } from '../lib/chart/level-kinds';

/** Short axis labels: -$50B, $2.5B, $800M. */
function axisDollars(value: number): string {
  const sign = value < 0 ? '-' : '';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e9) return `${sign}$${+(magnitude / 1e9).toPrecision(2)}B`;
  if (magnitude >= 1e6) return `${sign}$${+(magnitude / 1e6).toPrecision(2)}M`;
  if (magnitude >= 1e3) return `${sign}$${+(magnitude / 1e3).toPrecision(2)}K`;
  return `${sign}$${magnitude.toFixed(0)}`;
}

export function ProfileChart({ profile, width = 380, height = 180 }: { profile: ProfileReply; width?: number; height?: number }) {
  const target = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = target.current;
    const spot = profile.spot;
    if (!element || spot === null) return;
    const low = spot * 0.92;
    const high = spot * 1.08;
    const bars = profile.byStrike.filter((row) => row.strike >= low && row.strike <= high);
    const curve = profile.points.filter((point) => point.spot >= low && point.spot <= high);
    const data = uPlot.join([
      [bars.map((row) => row.strike), bars.map((row) => row.net)],
      [curve.map((point) => point.spot), curve.map((point) => point.gex)],
    ]) as uPlot.AlignedData;
    const marks = [
      { price: spot, colour: SPOT_COLOUR, label: 'spot' },
      ...(profile.flip !== null ? [{ price: profile.flip, colour: levelColour('flip'), label: 'flip' }] : []),
    ];
    const chart = new uPlot(
      {
        width,
        height,
        legend: { show: false },
        cursor: { points: { show: false } },
        scales: { x: { time: false }, gex: { auto: true }, curve: { auto: true } },
        axes: [
          { stroke: '#888', grid: { stroke: 'rgba(128,128,128,.15)' } },
          // Bars (by strike) and the curve (total) differ by an order of magnitude: one axis each.
          { scale: 'gex', stroke: 'rgba(38,166,154,.9)', size: 50, values: (_u, values) => values.map(axisDollars), grid: { stroke: 'rgba(128,128,128,.15)' } },
          { scale: 'curve', side: 1, stroke: levelColour('flip'), size: 50, values: (_u, values) => values.map(axisDollars), grid: { show: false } },
        ],
        series: [
          {},
          {
            label: 'Net GEX by strike',
            scale: 'gex',
            stroke: 'rgba(38,166,154,.9)',
            fill: 'rgba(38,166,154,.45)',
            paths: uPlot.paths.bars!({ size: [0.8, 8] }),
            points: { show: false },
          },
          { label: 'Total GEX if spot moved', scale: 'curve', stroke: levelColour('flip'), width: 1.5, points: { show: false }, spanGaps: true },
        ],
        hooks: {
          draw: [
            (u) => {
              const { ctx } = u;
              ctx.save();
              for (const mark of marks) {
                const x = u.valToPos(mark.price, 'x', true);
                ctx.strokeStyle = mark.colour;
                ctx.setLineDash([4, 3]);
                ctx.beginPath();
                ctx.moveTo(x, u.bbox.top);
                ctx.lineTo(x, u.bbox.top + u.bbox.height);
                ctx.stroke();
                ctx.fillStyle = mark.colour;
                ctx.fillText(mark.label, x + 3, u.bbox.top + 10);
              }
              ctx.restore();
            },
          ],
        },
      },
      data,
      element,
    );
    return () => chart.destroy();
  }, [profile, width, height]);
  return <div ref={target} data-testid="profile-chart" role="img" aria-label={`GEX profile: net GEX by strike and total GEX across spot; spot ${profile.spot?.toFixed(2)}${profile.flip !== null ? `, flip ${profile.flip.toFixed(1)}` : ''}`} />;
}
