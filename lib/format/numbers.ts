/** Compact, readable numbers for summaries: $-20.68B, 4,734.40, 27.0%. */

const DOLLAR_UNITS: [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** "$20.68B" from 20.68e9: an unsigned amount in its largest unit, the figure written by `digits`. */
export function dollarMagnitude(magnitude: number, digits: (units: number) => string): string {
  for (const [size, suffix] of DOLLAR_UNITS) if (magnitude >= size) return `$${digits(magnitude / size)}${suffix}`;
  return `$${magnitude.toFixed(0)}`;
}

export function formatDollars(value: number): string {
  return `${value < 0 ? '-' : ''}${dollarMagnitude(Math.abs(value), (units) => units.toFixed(2))}`;
}

export function formatCount(value: number): string {
  const sign = value < 0 ? '-' : '';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e9) return `${sign}${(magnitude / 1e9).toFixed(2)}B`;
  if (magnitude >= 1e6) return `${sign}${(magnitude / 1e6).toFixed(2)}M`;
  if (magnitude >= 1e3) return `${sign}${(magnitude / 1e3).toFixed(1)}K`;
  return `${sign}${magnitude.toFixed(0)}`;
}

/** One formatter per number of digits (toLocaleString would build one per call: tens of µs each). */
const priceFormats = new Map<number, Intl.NumberFormat>();

export function formatPrice(value: number | null, digits = 2): string {
  if (value === null || !Number.isFinite(value)) return '—';
  let format = priceFormats.get(digits);
  if (!format)
    priceFormats.set(digits, (format = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return format.format(value);
}

export function formatShare(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}
