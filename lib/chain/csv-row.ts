/**
 * The cells of one CSV row, located in the source text rather than copied out of it: a million-row file
 * would otherwise make twenty-odd short strings per row only to turn most of them into numbers. Numbers
 * are read in place; a cell's text is copied only when asked for. A row holding a double quote ("a, b"
 * as one cell) is split the ordinary way instead.
 */
import { splitCsvLine } from './csv-line';
import type { NumberCache } from './number-cache';
import { ForwardSearch } from './text-lines';

/** Exact powers of ten: an integer below 2^53 divided by one of these rounds exactly as parsing would. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, exponent) => 10 ** exponent);

/**
 * The plain decimal numeral in text[start, end) ("-12.5", "0.0012"), or NaN for anything else (blank,
 * exponent, thousands separators, spaces, more than 15 digits), which the caller reads the slow way.
 */
export function parseDecimal(text: string, start: number, end: number): number {
  let index = start;
  let negative = false;
  const first = text.charCodeAt(index);
  if (first === 45 || first === 43) {
    negative = first === 45;
    index++;
  }
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = -1;
  for (; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code >= 48 && code <= 57) {
      mantissa = mantissa * 10 + (code - 48);
      digits++;
      if (fractionDigits >= 0) fractionDigits++;
    } else if (code === 46 && fractionDigits < 0) {
      fractionDigits = 0;
    } else {
      return Number.NaN;
    }
  }
  if (digits === 0 || digits > 15) return Number.NaN;
  const value = fractionDigits > 0 ? mantissa / POWERS_OF_TEN[fractionDigits] : mantissa;
  return negative ? -value : value;
}

export class CsvRow {
  /** How many cells the row has (all of them, even beyond those located). */
  count = 0;
  private start = 0;
  private end = 0;
  // Bounds of the first `starts.length` cells when the row has no quotes; the split cells when it has.
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private cells: string[] | null = null;
  private readonly commas: ForwardSearch;

  /**
   * @param text the whole source; rows must then be read in order
   * @param capacity how many cells to locate; a row may have more, which are only counted
   */
  constructor(
    private readonly text: string,
    capacity: number,
  ) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.commas = new ForwardSearch(text, ',');
  }

  /** Locates the cells of text[start, end); `quoted` when that span holds a double quote. */
  read(start: number, end: number, quoted: boolean): void {
    const text = this.text;
    this.start = start;
    this.end = end;
    if (quoted) {
      this.cells = splitCsvLine(text.slice(start, end));
      this.count = this.cells.length;
      return;
    }
    this.cells = null;
    const capacity = this.starts.length;
    let count = 0;
    let cellStart = start;
    for (;;) {
      let comma = this.commas.from(cellStart);
      if (comma < 0 || comma > end) comma = end;
      if (count < capacity) {
        this.starts[count] = cellStart;
        this.ends[count] = comma;
      }
      count++;
      if (comma === end) break;
      cellStart = comma + 1;
    }
    this.count = count;
  }

  /** Whether cell i was located (a row may run past the capacity). */
  has(index: number): boolean {
    return index < this.count && (this.cells !== null || index < this.starts.length);
  }

  /** The text of cell i (at most `limit` characters), or '' beyond the row. */
  cell(index: number, limit = Infinity): string {
    if (!this.has(index)) return '';
    if (this.cells !== null) return this.cells[index].slice(0, limit);
    const start = this.starts[index];
    return this.text.slice(start, Math.min(this.ends[index], start + limit));
  }

  /** Whether cell i is exactly `value`, without copying it. */
  cellIs(index: number, value: string): boolean {
    if (!this.has(index)) return false;
    if (this.cells !== null) return this.cells[index] === value;
    const start = this.starts[index];
    return this.ends[index] - start === value.length && this.text.startsWith(value, start);
  }

  /** The number in cell i: null when blank, undefined when it is text but not a number. */
  number(index: number, numbers: NumberCache): number | null | undefined {
    if (!this.has(index)) return null;
    if (this.cells !== null) return numbers.read(this.cells[index]);
    const start = this.starts[index];
    const end = this.ends[index];
    if (start === end) return null;
    const value = parseDecimal(this.text, start, end);
    return value === value ? numbers.share(value) : numbers.read(this.text.slice(start, end));
  }

  /** The whole row's text, at most `limit` characters. */
  line(limit: number): string {
    return this.text.slice(this.start, Math.min(this.end, this.start + limit));
  }
}
