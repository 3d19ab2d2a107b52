/**
 * Dollar amounts where the sign matters at a glance (legends, chart axes): the typographic minus "−"
 * (U+2212, as wide as "+", not the short hyphen) and, when asked, an explicit "+".
 */
import { dollarMagnitude, formatDollars } from './numbers';

const MINUS = '\u2212';

/** formatDollars with the real minus: "−$1.20B"; "+$1.20B" with explicitPlus. */
export function signedDollars(value: number, explicitPlus = false): string {
  if (value < 0) return MINUS + formatDollars(value).replace(/^-/, '');
  return (explicitPlus && value > 0 ? '+' : '') + formatDollars(value);
}

/** Short axis labels at two significant digits: "−$50B", "$2.5B", "$800M", "$0". */
export function axisDollars(value: number): string {
  return `${value < 0 ? MINUS : ''}${dollarMagnitude(Math.abs(value), (units) => String(+units.toPrecision(2)))}`;
}
