/**
 * The strike-by-expiry heatmap: rows are strikes around spot (high at the top, like a price axis),
 * columns the expiries a trader watches; colour by net GEX sign, intensity by magnitude. The spot
 * row, flip and walls are marked; each cell's tooltip gives call, put and net GEX and open interest.
 * Shared by the chart overlay's panel and the popup.
 */
import type { HeatmapGrid } from '../lib/gex/heatmap';
import { formatDollars, formatCount } from '../lib/format/numbers';
import { levelKind, SPOT_COLOUR, type LevelKind } from '../lib/chart/level-kinds';

/** The levels marked beside their strike. */
const MARKED: LevelKind[] = ['flip', 'call-wall', 'put-wall'];

export interface HeatmapProps {
  grid: HeatmapGrid;
  flip: number | null;
  callWall: number | null;
  putWall: number | null;
}

function cellColour(net: number, max: number): string {
  if (max <= 0 || net === 0) return 'transparent';
  // Square root keeps small nodes visible next to the largest one.
  const alpha = Math.min(1, Math.sqrt(Math.abs(net) / max)) * 0.85 + 0.05;
  return net > 0 ? `rgba(38,166,154,${alpha.toFixed(3)})` : `rgba(239,83,80,${alpha.toFixed(3)})`;
}

function nearestRow(strikes: number[], price: number | null): number {
  if (price === null) return -1;
  let best = -1;
  strikes.forEach((strike, row) => {
    if (best < 0 || Math.abs(strike - price) < Math.abs(strikes[best] - price)) best = row;
  });
  return best;
}

export function Heatmap({ grid, flip, callWall, putWall }: HeatmapProps) {
  const flipRow = nearestRow(grid.strikes, flip);
  return (
    <>
    <style>{HEATMAP_CSS}</style>
    <table class="gx-heatmap" data-testid="heatmap" aria-label="Net dealer gamma by strike and expiry">
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
                  <span key={kind} class={`gx-mark gx-mark-${kind}`} title={kind === 'flip' ? 'Gamma flip nearest this strike' : levelKind(kind).label}>
                    {levelKind(kind).mark}
                  </span>
                ))}
              </th>
              {grid.cells[row].map((cell, column) => {
                const tip = `${strike} · ${grid.columns[column].expiry}\nCall ${formatDollars(cell.call)}  Put ${formatDollars(cell.put)}  Net ${formatDollars(cell.net)}\nOI calls ${formatCount(cell.callOpenInterest)}  puts ${formatCount(cell.putOpenInterest)}`;
                return <td key={column} style={{ background: cellColour(cell.net, grid.maxAbsNet) }} title={tip} aria-label={tip.replace(/\n/g, '; ')} data-net={cell.net} />;
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
    </>
  );
}

export const HEATMAP_CSS = `
.gx-heatmap { border-collapse: collapse; font: 10px/1.2 system-ui, sans-serif; color: inherit; }
.gx-heatmap th { font-weight: 500; padding: 1px 4px; text-align: right; white-space: nowrap; }
.gx-heatmap thead th { text-align: center; }
.gx-heatmap td { width: 26px; height: 11px; border: 1px solid rgba(128,128,128,.15); }
.gx-heatmap tr.gx-spot th { outline: 1px solid ${SPOT_COLOUR}; }
.gx-tag { display: block; font-size: 8px; opacity: .8; }
.gx-mark { display: inline-block; margin-left: 3px; font-size: 8px; padding: 0 2px; border-radius: 2px; color: #111; }
${MARKED.map((kind) => `.gx-mark-${kind} { background: ${levelKind(kind).colour}; }`).join('\n')}
`;
