/**
 * Reads the number a chart prints as a tick label, the way charts print them: "4,700.00", "4 700",
 * "4.7k", "1.2M", "$450", "−12.5" (U+2212), "(12.5)", "1e+6", European "4.700,00".
 *
 * Separators (decided here, used everywhere):
 * - a text with both "." and "," takes the last one as the decimal mark ("4,700.50" and "4.700,50");
 * - several of the same mark are grouping ("1,234,567", "1.234.567");
 * - one mark followed by other than exactly three digits, or after a lone 0, is decimal ("4.5", "4,5",
 *   "0,750");
 * - one mark followed by exactly three digits ("4,700", "4.700") is ambiguous: read the English way
 *   (comma groups, dot decimal), with the other reading kept as `alternative` so a caller that sees a
 *   whole column can settle it (a column with one unambiguous text settles all; see column-fit.ts).
 * Spaces (also no-break and thin spaces) and apostrophes group digits.
 *
 * Suffixes: k/K thousand, M/MM million, B/bn/G billion, T trillion; SI small units m (milli: what
 * d3's "s" format prints), µ/u micro, n nano. Rejected with a reason: percent (not a price), times
 * ("10:30"), dates and month or weekday names, anything else with letters.
 */

export type TickTextRejection = 'empty' | 'too-long' | 'percent' | 'time-or-date' | 'not-a-number';

interface TickNumber {
  value: number;
  /** The European reading of an ambiguous text ("4.700" = 4700 rather than 4.7), when there is one. */
  alternative?: number;
  /** How the separators were read: decided by the text alone, or ambiguous ('either'). */
  convention: 'english' | 'european' | 'either';
}

export type TickTextReading = ({ ok: true } & TickNumber) | { ok: false; reason: TickTextRejection };

const MAX_LENGTH = 32;

const SUFFIX: Record<string, number> = {
  k: 1e3,
  K: 1e3,
  M: 1e6,
  MM: 1e6,
  B: 1e9,
  bn: 1e9,
  G: 1e9,
  T: 1e12,
  m: 1e-3,
  u: 1e-6,
  '\u00b5': 1e-6,
  '\u03bc': 1e-6,
  n: 1e-9,
};

const MONTH_OR_DAY = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\b/i;
const CURRENCY = /[$\u20ac\u00a3\u00a5\u20b9\u20a9\u20bf\u20bd\u00a2]/g;
const MINUS = /[\u2212\u2013\u2012\ufe63\uff0d]/g;
const GROUP_SPACE = /[\s\u00a0\u2009\u202f'\u2019]/g;

/** A tick label's number, or null. Ambiguous separators read the English way ("4,700" = 4700). */
export function parseTickValue(text: string): number | null {
  const reading = readTickText(text);
  return reading.ok ? reading.value : null;
}

/**
 * Readings of recent texts: an axis shows the same few texts frame after frame while it pans, and
 * reading one is a dozen regular expressions. Bounded; the readings are never mutated by callers.
 */
const recent = new Map<string, TickTextReading>();
const RECENT_LIMIT = 2000;

/** Plain digits with separators ("4,680", "4662.94", "-12.5"): nothing else to rule out first. */
const PLAIN_NUMBER = /^-?[\d.,]+$/;

export function readTickText(text: string): TickTextReading {
  const known = recent.get(text);
  if (known) return known;
  const reading = readFresh(text);
  if (recent.size >= RECENT_LIMIT) recent.clear();
  recent.set(text, reading);
  return reading;
}

function readFresh(text: string): TickTextReading {
  let rest = text.trim();
  if (!rest) return { ok: false, reason: 'empty' };
  if (rest.length > MAX_LENGTH) return { ok: false, reason: 'too-long' };
  if (PLAIN_NUMBER.test(rest)) return fromDigits(rest[0] === '-' ? -1 : 1, rest[0] === '-' ? rest.slice(1) : rest, '');
  if (/[%\u2030\u066a]|\bbps?\b/i.test(rest)) return { ok: false, reason: 'percent' };
  if (/\d\s*:\s*\d/.test(rest) || /\d[/-]\d{1,2}([/-]\d|$)/.test(rest) || MONTH_OR_DAY.test(rest))
    return { ok: false, reason: 'time-or-date' };

  rest = rest.replace(MINUS, '-');
  let sign = 1;
  // Accounting negatives: "(12.5)".
  const parenthesised = /^\((.*)\)$/.exec(rest);
  if (parenthesised) {
    sign = -1;
    rest = parenthesised[1].trim();
  }
  rest = rest.replace(CURRENCY, '').trim();
  const signed = /^([+-])\s*(.*)$/.exec(rest);
  if (signed) {
    if (signed[1] === '-') sign = -sign;
    rest = signed[2].replace(CURRENCY, '').trim();
  }

  const match = /^([\d.,\s\u00a0\u2009\u202f'\u2019]*\d[\d.,]*)(?:[eE]([+-]?\d{1,3}))?\s*(k|K|MM|M|B|bn|G|T|m|u|\u00b5|\u03bc|n)?$/.exec(
    rest,
  );
  if (!match) return { ok: false, reason: 'not-a-number' };
  return fromDigits(sign, match[1].replace(GROUP_SPACE, ''), match[2] ?? '', match[3]);
}

/** The number from its digits and separators, sign, exponent text and suffix. */
function fromDigits(sign: number, core: string, exponent: string, suffix?: string): TickTextReading {
  const digits = readDigits(core);
  if (!digits) return { ok: false, reason: 'not-a-number' };
  const scale = (exponent ? 10 ** Number(exponent) : 1) * (suffix ? SUFFIX[suffix] : 1);
  const value = sign * digits.value * scale;
  if (!Number.isFinite(value)) return { ok: false, reason: 'not-a-number' };
  const tidy = scale === 1 ? (number: number) => number : clean;
  const reading: TickTextReading = { ok: true, value: tidy(value), convention: digits.convention };
  if (digits.alternative !== undefined) reading.alternative = tidy(sign * digits.alternative * scale);
  return reading;
}

/** Removes float noise from scaling ("4.7k" is 4700, not 4700.000000000001). */
function clean(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(12));
}

function readDigits(core: string): { value: number; alternative?: number; convention: TickNumber['convention'] } | null {
  if (!/^[\d.,]+$/.test(core) || /^[.,]|[.,]$|[.,]{2}/.test(core)) return null;
  const dots = (core.match(/\./g) ?? []).length;
  const commas = (core.match(/,/g) ?? []).length;
  const plain = (text: string, decimal: '.' | ','): number =>
    Number(
      text
        .split(decimal === '.' ? ',' : '.')
        .join('')
        .replace(',', '.'),
    );
  if (dots === 0 && commas === 0) return { value: Number(core), convention: 'either' };
  if (dots > 0 && commas > 0) {
    const decimal = core.lastIndexOf('.') > core.lastIndexOf(',') ? '.' : ',';
    // The decimal mark appears once, after every grouping mark.
    if ((decimal === '.' ? dots : commas) !== 1) return null;
    return { value: plain(core, decimal), convention: decimal === '.' ? 'english' : 'european' };
  }
  const mark = dots > 0 ? '.' : ',';
  const count = dots + commas;
  if (count > 1) {
    // Repeated marks group thousands: "1,234,567" (English) or "1.234.567" (European).
    return { value: plain(core, mark === ',' ? '.' : ','), convention: mark === ',' ? 'english' : 'european' };
  }
  const [whole, fraction] = core.split(mark);
  const ambiguous = fraction.length === 3 && whole.length <= 3 && whole !== '0';
  const asDecimal = Number(`${whole}.${fraction}`);
  const asGrouped = Number(whole + fraction);
  if (!ambiguous) return { value: asDecimal, convention: mark === '.' ? 'english' : 'european' };
  // English reading first: comma groups ("4,700" = 4700), dot is decimal ("4.700" = 4.7).
  return mark === ','
    ? { value: asGrouped, alternative: asDecimal, convention: 'either' }
    : { value: asDecimal, alternative: asGrouped, convention: 'either' };
}
