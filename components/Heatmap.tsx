/**
 * The strike-by-expiry heatmap: rows are strikes around spot (high at the top, like a price axis),
 * columns the expiries a trader watches. Colour shows net GEX on a diverging scale (red short gamma,
 * teal long gamma) or |GEX| concentration on a sequential one, both from lib/colour/diverging-scale.ts
 * and saturating at a robust maximum (lib/gex/heatmap-scale.ts); net cells also carry their sign (+ or −)
 * in an ink that reads on their colour, and a legend under the table says what the colours and marks
 * mean. The spot row, flip and walls are marked; each cell's tooltip gives call, put and net GEX and
 * open interest. The table scrolls on its own and takes keyboard focus to do so. Shared by the chart
 * overlay's panel and the popup.
 */
import type { HeatmapGrid } from '../lib/gex/heatmap';
import { formatDollars, formatCount } from '../lib/format/numbers';
import { levelKind, SPOT_COLOUR, type LevelKind } from '../lib/chart/levels';
import { divergingColour, inkOn, scalePosition, sequentialColour, type Theme } from '../lib/colour';
import { cellValue, heatmapScale, type HeatmapMeasure, type HeatmapScale } from '../lib/gex/heatmap-scale';
import { HeatmapLegend, themedBackground } from './HeatmapLegend';

/** The levels marked beside their strike. */
const MARKED: LevelKind[] = ['flip', 'call-wall', 'put-wall'];

export interface HeatmapProps {
  grid: HeatmapGrid;
  flip: number | null;
  callWall: number | null;
  putWall: number | null;
  /** What the colour shows: net GEX (default) or |GEX| concentration, |call| + |put|. */
  measure?: HeatmapMeasure;
}

function cellColour(value: number, scale: HeatmapScale, theme: Theme): string {
  return scale.measure === 'net' ? divergingColour(value, scale.max, theme) : sequentialColour(value, scale.max, theme);
}

/** Net cells coloured this far along the scale also carry their sign as a mark: colour is never its only carrier. */
const SIGN_MARK_FROM = 0.15;

function signMark(position: number, measure: HeatmapMeasure): string {
  if (measure !== 'net' || Math.abs(position) < SIGN_MARK_FROM) return '';
  return position > 0 ? '+' : '−';
}

/** A cell's colour and the ink of its mark, per theme (HEATMAP_CSS picks one pair). */
function cellStyle(value: number, scale: HeatmapScale): string {
  const light = cellColour(value, scale, 'light');
  const dark = cellColour(value, scale, 'dark');
  return `${themedBackground(light, dark)};--gx-il:${inkOn(light)};--gx-id:${inkOn(dark)}`;
}

const CAPTIONS: Record<HeatmapMeasure, string> = {
  net: 'Net dealer gamma by strike and expiry',
  concentration: 'Dealer gamma concentration (|call| + |put|) by strike and expiry',
};

function nearestRow(strikes: number[], price: number | null): number {
  if (price === null) return -1;
  let best = -1;
  strikes.forEach((strike, row) => {
    if (best < 0 || Math.abs(strike - price) < Math.abs(strikes[best] - price)) best = row;
  });
  return best;
}

export function Heatmap({ grid, flip, callWall, putWall, measure = 'net' }: HeatmapProps) {
  const flipRow = nearestRow(grid.strikes, flip);
  const scale = heatmapScale(grid.cells, measure);
  return (
    <div class="gx-heatmap-box">
      <style>{HEATMAP_CSS}</style>
      {/* The table alone scrolls where space is short (the popup), so the legend stays in view. */}
      <div class="gx-heatmap-table" tabIndex={0} role="region" aria-label={`${CAPTIONS[measure]} (scrolls)`}>
        <table class="gx-heatmap" data-testid="heatmap" data-measure={measure} aria-label={CAPTIONS[measure]}>
          <thead>
            <tr>
              <th scope="col">Strike</th>
              {grid.columns.map((column) => (
                <th scope="col" key={column.expiry} title={column.expiry}>
                  {column.expiry.slice(5)}
                  {column.tag && <span class="gx-tag">{column.tag}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.strikes.map((strike, row) => {
              const marks = [
                row === grid.spotRow ? 'spot' : '',
                row === flipRow ? 'flip' : '',
                strike === callWall ? 'call-wall' : '',
                strike === putWall ? 'put-wall' : '',
              ].filter(Boolean);
              return (
                <tr key={strike} data-strike={strike} data-marks={marks.join(' ')} class={marks.includes('spot') ? 'gx-spot' : undefined}>
                  <th scope="row">
                    {strike}
                    {MARKED.filter((kind) => marks.includes(kind)).map((kind) => (
                      <span
                        key={kind}
                        class={`gx-mark gx-mark-${kind}`}
                        title={kind === 'flip' ? 'Gamma flip nearest this strike' : levelKind(kind).label}
                      >
                        {levelKind(kind).mark}
                      </span>
                    ))}
                  </th>
                  {grid.cells[row].map((cell, column) => {
                    const tip = `${strike} · ${grid.columns[column].expiry}\nCall ${formatDollars(cell.call)}  Put ${formatDollars(cell.put)}  Net ${formatDollars(cell.net)}\nOI calls ${formatCount(cell.callOpenInterest)}  puts ${formatCount(cell.putOpenInterest)}`;
                    const value = cellValue(cell, measure);
                    const position = scalePosition(value, scale.max);
                    return (
                      <td
                        key={column}
                        style={cellStyle(value, scale)}
                        title={tip}
                        aria-label={tip.replace(/\n/g, '; ')}
                        data-net={cell.net}
                        data-colour-value={+position.toFixed(3)}
                      >
                        {signMark(position, measure)}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <HeatmapLegend scale={scale} greek={grid.greek} />
    </div>
  );
}

/**
 * Cells and the legend's ramp carry a colour per theme (--gx-l, --gx-d): the popup follows the system
 * theme, the overlay follows the chart's background (data-theme on its root), which wins.
 */
const HEATMAP_CSS = `
.gx-heatmap-box { display: inline-block; max-width: 100%; }
.gx-heatmap td, .gx-ramp { background: var(--gx-l); color: var(--gx-il); }
@media (prefers-color-scheme: dark) { .gx-heatmap td, .gx-ramp { background: var(--gx-d); color: var(--gx-id); } }
[data-theme="light"] .gx-heatmap td, [data-theme="light"] .gx-ramp { background: var(--gx-l); color: var(--gx-il); }
[data-theme="dark"] .gx-heatmap td, [data-theme="dark"] .gx-ramp { background: var(--gx-d); color: var(--gx-id); }
.gx-heatmap { border-collapse: collapse; font: 10px/1.2 system-ui, sans-serif; color: inherit; }
.gx-heatmap th { font-weight: 500; padding: 1px 4px; text-align: right; white-space: nowrap; }
.gx-heatmap thead th { text-align: center; }
.gx-heatmap td { width: 26px; height: 11px; padding: 0; border: 1px solid rgba(128,128,128,.15); font-size: 9px; line-height: 9px; text-align: center; }
.gx-heatmap tr.gx-spot th { outline: 1px solid ${SPOT_COLOUR}; }
.gx-tag { display: block; font-size: 8px; opacity: .8; }
.gx-mark { display: inline-block; margin-left: 3px; font-size: 8px; padding: 0 2px; border-radius: 2px; color: #111; }
/* The legend takes the table's width without widening it. */
.gx-legend { width: 0; min-width: 100%; margin-top: 4px; font: 10px/1.3 system-ui, sans-serif; }
.gx-legend p { margin: 2px 0; }
.gx-ramp { height: 8px; border-radius: 2px; border: 1px solid rgba(128,128,128,.3); }
.gx-ramp-values { display: flex; justify-content: space-between; font-variant-numeric: tabular-nums; }
.gx-legend-note { opacity: .75; }
.gx-key-spot { outline: 1px solid ${SPOT_COLOUR}; padding: 0 2px; }
.gx-legend .gx-mark { margin-left: 0; }
${MARKED.map((kind) => `.gx-mark-${kind} { background: ${levelKind(kind).colour}; }`).join('\n')}
`;
