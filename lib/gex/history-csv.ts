/**
 * The session history as CSV for a spreadsheet: one line per session, oldest first, levels and their
 * change since the session before. Prices to the cent, total GEX to the dollar, as-of in UTC (ISO) so
 * a spreadsheet reads it without guessing a zone; the session column is New York's trading date.
 */
import type { SessionRow } from './day-over-day';

const HISTORY_CSV_HEADER = [
  'underlying',
  'session',
  'as_of',
  'spot',
  'flip',
  'call_wall',
  'put_wall',
  'regime',
  'total_gex',
  'spot_change',
  'flip_change',
  'call_wall_change',
  'put_wall_change',
] as const;

/** A number to the cent without trailing noise ("4724.75", "4800"), or an empty cell. */
function cents(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '';
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

export function sessionHistoryCsv(underlying: string, rows: readonly SessionRow[]): string {
  const lines = [HISTORY_CSV_HEADER.join(',')];
  for (const row of rows) {
    lines.push(
      [
        underlying,
        row.session,
        new Date(row.asOf).toISOString(),
        cents(row.spot),
        cents(row.flip),
        cents(row.callWall),
        cents(row.putWall),
        row.regime,
        String(Math.round(row.totalGex)),
        cents(row.change.spot),
        cents(row.change.flip),
        cents(row.change.callWall),
        cents(row.change.putWall),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The file name a download gets: "gexmap-history-SPX-2024-01-05.csv" (the newest session). */
export function sessionHistoryFileName(underlying: string, rows: readonly SessionRow[]): string {
  const newest = rows.at(-1)?.session;
  return `gexmap-history-${underlying}${newest ? `-${newest}` : ''}.csv`;
}
