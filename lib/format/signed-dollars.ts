/**
 * Dollar amounts where the sign matters at a glance (legends, chart axes): the typographic minus "−"
 * (U+2212, as wide as "+", not the short hyphen) and, when asked, an explicit "+".
 */
import { formatDollars } from './numbers';

const MINUS = '\u2212';

/** formatDollars with the real minus: "−$1.20B"; "+$1.20B" with explicitPlus. */
export function signedDollars(value: number, explicitPlus = false): string {
  if (value < 0) return MINUS + formatDollars(value).replace(/^-/, '');
  return (explicitPlus && value > 0 ? '+' : '') + formatDollars(value);
}

/** Short axis labels at two significant digits: "−$50B", "$2.5B", "$800M", "$0". */
export function axisDollars(value: number): string {
  const sign = value < 0 ? MINUS : '';
  const magnitude = Math.abs(value);
  const units: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [size, suffix] of units) if (magnitude >= size) return `${sign}$${+(magnitude / size).toPrecision(2)}${suffix}`;
  return `${sign}$${magnitude.toFixed(0)}`;
}
