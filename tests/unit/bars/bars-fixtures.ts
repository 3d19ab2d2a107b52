/** The hand-written bars files of tests/fixtures/bars (CBOE's documented format; see its README). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BARS_FIXTURES = {
  spx: 'cboe-historical-spx.json',
  spy: 'cboe-historical-spy.json',
  nvda: 'cboe-historical-nvda.json',
  spxMinutes: 'cboe-intraday-spx.json',
} as const;

export const barsFixturePath = (name: string) => fileURLToPath(new URL(`../../fixtures/bars/${name}`, import.meta.url));

export const barsFixtureText = (name: string) => readFileSync(barsFixturePath(name), 'utf8');

/** A CBOE daily file of these rows (values as given: strings, numbers, anything). */
export const cboeDaily = (rows: unknown[], symbol: unknown = '_SPX') =>
  JSON.stringify({ timestamp: '2024-01-10 02:02:04', symbol, data: rows });

/** A daily row in CBOE's own writing: prices as six-decimal strings. */
export const row = (date: string, open: number, high: number, low: number, close: number) => ({
  date,
  volume: '0.0',
  open: open.toFixed(6),
  high: high.toFixed(6),
  low: low.toFixed(6),
  close: close.toFixed(6),
});
