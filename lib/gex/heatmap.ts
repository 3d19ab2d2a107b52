/**
 * The strike-by-expiry heatmap grid: the strikes nearest spot (rows, descending like a price axis) by
 * the expiries a trader watches (0DTE, next weekly, monthly OPEX, then the next few), for a chosen greek.
 */
import type { PreparedChain } from './prepared-chain';
import { exposureGrid, type GridCell } from './aggregate';
import { classifyExpiries } from '../market/expiry-classes';
import type { Greek } from './greek-exposure';

export interface HeatmapOptions {
  /** How many strikes around spot (default 25). */
  strikeCount?: number;
  /** How many expiry columns at most (default 6). */
  expiryCount?: number;
  /** Explicit columns; otherwise chosen as described above. */
  expiries?: string[];
  /** The exposure in the cells (default gamma: GEX; see greek-exposure.ts for units). */
  greek?: Greek;
}

interface ExpiryColumn {
  expiry: string;
  /** '0DTE', 'weekly', 'OPEX', 'quarterly' or '' — for the column header. */
  tag: string;
}

export interface HeatmapGrid {
  spot: number;
  /** The exposure the cells hold. */
  greek: Greek;
  /** Descending, so row 0 is the highest strike (top of a chart). */
  strikes: number[];
  columns: ExpiryColumn[];
  cells: GridCell[][];
  /** Largest |net| over the cells, for colour scaling. */
  maxAbsNet: number;
  /** Row whose strike is nearest spot. */
  spotRow: number;
}

export function heatmapGrid(chain: PreparedChain, options: HeatmapOptions = {}): HeatmapGrid {
  const strikeCount = options.strikeCount ?? 25;
  const expiryCount = options.expiryCount ?? 6;
  const allStrikes = [...new Set(Array.from(chain.strike))].sort((a, b) => a - b);
  // The window of strikeCount strikes centred on the strike nearest spot.
  let nearestIndex = 0;
  for (let k = 1; k < allStrikes.length; k++) {
    if (Math.abs(allStrikes[k] - chain.spot) < Math.abs(allStrikes[nearestIndex] - chain.spot)) nearestIndex = k;
  }
  let start = Math.max(0, nearestIndex - Math.floor(strikeCount / 2));
  const end = Math.min(allStrikes.length, start + strikeCount);
  start = Math.max(0, end - strikeCount);
  const strikes = allStrikes.slice(start, end).reverse();

  const settles = (expiry: string) => chain.settlementOfExpiry[chain.expiries.indexOf(expiry)] ?? 0;
  const classes = classifyExpiries(chain.expiries, chain.evaluatedAt, settles);
  let chosen: string[];
  if (options.expiries) {
    chosen = options.expiries;
  } else {
    const wanted = new Set<string>([...classes.zeroDte]);
    if (classes.nextWeekly) wanted.add(classes.nextWeekly);
    if (classes.nextMonthly) wanted.add(classes.nextMonthly);
    for (const expiry of chain.expiries) {
      if (wanted.size >= expiryCount) break;
      wanted.add(expiry);
    }
    chosen = [...wanted].sort().slice(0, expiryCount);
  }
  const columns = chosen.map((expiry) => ({
    expiry,
    tag: classes.zeroDte.includes(expiry)
      ? '0DTE'
      : expiry === classes.nextQuarterly
        ? 'quarterly'
        : expiry === classes.nextMonthly
          ? 'OPEX'
          : expiry === classes.nextWeekly
            ? 'weekly'
            : '',
  }));
  const greek = options.greek ?? 'gamma';
  const cells = exposureGrid(chain, strikes, chosen, greek);
  let maxAbsNet = 0;
  for (const row of cells) for (const cell of row) maxAbsNet = Math.max(maxAbsNet, Math.abs(cell.net));
  let spotRow = 0;
  for (let r = 1; r < strikes.length; r++) if (Math.abs(strikes[r] - chain.spot) < Math.abs(strikes[spotRow] - chain.spot)) spotRow = r;
  return { spot: chain.spot, greek, strikes, columns, cells, maxAbsNet, spotRow };
}
