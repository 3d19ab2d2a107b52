/**
 * The numbers of one bar, read strictly: a number or a decimal text ("7770.810000": CBOE's daily file
 * writes its prices as strings), positive, and consistent with each other (low <= open, close <= high).
 * Every reason names the field it is about.
 */
import { shown } from './json-text';

export interface Ohlc {
  open: number;
  high: number;
  low: number;
  close: number;
}

/** The source's names for open, high, low and close (CBOE "open", Polygon "o", ...). */
export type OhlcFields = readonly [open: string, high: string, low: string, close: string];

/** A field's problem: which field, and why. */
export interface FieldProblem {
  field: string;
  reason: string;
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?$/;

/** A finite number from a number or a decimal text, else why not. */
function readNumber(value: unknown, field: string): number | FieldProblem {
  if (typeof value === 'number') return Number.isFinite(value) ? value : { field, reason: `${field} ${value} is not finite` };
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.length <= 40 && DECIMAL.test(text)) return Number(text);
  }
  if (value === null || value === undefined || value === '') return { field, reason: `${field} is missing` };
  return { field, reason: `${field} ${shown(value)} is not a number` };
}

/** Why four prices cannot be one bar, or null: each positive, the open and close inside [low, high]. */
function ohlcProblem(bar: Ohlc, [openName, highName, lowName, closeName]: OhlcFields): FieldProblem | null {
  const named: [number, string][] = [
    [bar.open, openName],
    [bar.high, highName],
    [bar.low, lowName],
    [bar.close, closeName],
  ];
  for (const [value, field] of named) if (!(value > 0)) return { field, reason: `${field} ${value} is not a positive price` };
  if (bar.low > bar.high) return { field: highName, reason: `${highName} ${bar.high} is below ${lowName} ${bar.low}` };
  for (const [value, field] of [named[0], named[3]]) {
    if (value < bar.low) return { field, reason: `${field} ${value} is below ${lowName} ${bar.low}` };
    if (value > bar.high) return { field, reason: `${field} ${value} is above ${highName} ${bar.high}` };
  }
  return null;
}

/** The four prices of a record, 'no-trade' when all four are 0 (a minute or day without trades), else the first problem. */
export function readOhlc(record: Record<string, unknown>, fields: OhlcFields): Ohlc | 'no-trade' | FieldProblem {
  const values: number[] = [];
  for (const field of fields) {
    const value = readNumber(record[field], field);
    if (typeof value !== 'number') return value;
    values.push(value);
  }
  const [open, high, low, close] = values;
  if (open === 0 && high === 0 && low === 0 && close === 0) return 'no-trade';
  const bar = { open, high, low, close };
  return ohlcProblem(bar, fields) ?? bar;
}

/** A volume: absent is unknown (null); present, it must be a number of at least 0. */
export function readVolume(value: unknown, field: string): number | null | FieldProblem {
  if (value === null || value === undefined) return null;
  const volume = readNumber(value, field);
  if (typeof volume !== 'number') return volume;
  return volume >= 0 ? volume : { field, reason: `${field} ${volume} is negative` };
}

export function isFieldProblem(value: unknown): value is FieldProblem {
  return typeof value === 'object' && value !== null && 'reason' in value;
}
