/**
 * The symbol a bars file names, and the check that it is the ticker the caller asked for: SPY's bars
 * scored against SPX levels would give numbers, all of them wrong.
 */
import { BarsFormatError } from './errors';

const SYMBOL = /^[A-Z0-9][A-Z0-9./-]{0,11}$/;

/** "_SPX", "^SPX", "$SPX", "I:SPX", " spx " -> "SPX"; null when the value is no symbol. */
export function barsSymbol(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const symbol = value
    .trim()
    .toUpperCase()
    .replace(/^(?:[_^$]|I:)/, '');
  return SYMBOL.test(symbol) ? symbol : null;
}

/** BRK.B and BRK/B are one ticker. */
const sameTicker = (a: string, b: string) => a.replace(/\//g, '.') === b.replace(/\//g, '.');

/** Refuses a file that names another symbol than the ticker asked for (nothing to check when either is unknown). */
export function checkBarsSymbol(fileSymbol: string | null, ticker: string | undefined, expected: string): void {
  if (fileSymbol === null || ticker === undefined) return;
  const asked = barsSymbol(ticker);
  if (asked !== null && !sameTicker(asked, fileSymbol)) {
    throw new BarsFormatError('wrong-symbol', `the bars are for ${fileSymbol}, not ${asked}`, expected);
  }
}
