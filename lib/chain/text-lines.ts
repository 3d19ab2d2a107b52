/**
 * Walks the lines of a text in one linear pass, without splitting it: "\n" (Unix), "\r\n" (Windows) and
 * a lone "\r" (Excel for Mac's "CSV (Macintosh)") all end a line, so the three give the same lines.
 */
export class LineReader {
  /** Index of the current line's first character. */
  start = 0;
  /** Index just past the current line's last character (its line break excluded). */
  end = 0;
  /** 1-based number of the current line. */
  number = 0;
  /** Whether the current line ended with a line break; false only for a last line that stops short. */
  terminated = false;
  private position: number;
  private readonly lineFeeds: ForwardSearch;
  private readonly carriageReturns: ForwardSearch;

  constructor(
    readonly text: string,
    from = 0,
  ) {
    this.position = from;
    this.lineFeeds = new ForwardSearch(text, '\n');
    this.carriageReturns = new ForwardSearch(text, '\r');
  }

  /** Moves to the next line; false at the end of the text. */
  next(): boolean {
    const text = this.text;
    const from = this.position;
    if (from >= text.length) return false;
    const lineFeed = this.lineFeeds.from(from);
    const carriageReturn = this.carriageReturns.from(from);
    this.start = from;
    this.number++;
    if (lineFeed < 0 && carriageReturn < 0) {
      this.end = text.length;
      this.position = text.length;
      this.terminated = false;
    } else if (carriageReturn >= 0 && (lineFeed < 0 || carriageReturn < lineFeed)) {
      this.end = carriageReturn;
      this.position = lineFeed === carriageReturn + 1 ? carriageReturn + 2 : carriageReturn + 1;
      this.terminated = true;
    } else {
      this.end = lineFeed;
      this.position = lineFeed + 1;
      this.terminated = true;
    }
    return true;
  }

  /** The current line's text. */
  line(): string {
    return this.text.slice(this.start, this.end);
  }

  /** The current line's text, at most `limit` characters (for messages and preamble lines). */
  head(limit: number): string {
    return this.text.slice(this.start, Math.min(this.end, this.start + limit));
  }

  /** Whether the current line holds nothing but blanks (spaces, tabs, form feeds, no-break spaces, BOMs). */
  isBlank(): boolean {
    const text = this.text;
    for (let index = this.start; index < this.end; index++) {
      const code = text.charCodeAt(index);
      if (code !== 32 && code !== 9 && code !== 11 && code !== 12 && code !== 0xa0 && code !== 0xfeff) return false;
    }
    return true;
  }
}

/**
 * The next index of a character at or after a position, for positions that only move forward: the text
 * is searched again only once the position passes the last find, so all calls together scan it once
 * (a fresh indexOf per line would rescan to the end of a text that lacks the character: quadratic).
 */
export class ForwardSearch {
  /** -1: none left; -2: not searched yet. */
  private next = -2;

  constructor(
    private readonly text: string,
    private readonly character: string,
  ) {}

  from(position: number): number {
    if (this.next !== -1 && this.next < position) this.next = this.text.indexOf(this.character, position);
    return this.next;
  }
}

/** Index after a leading UTF-8 byte-order mark (read as U+FEFF), or 0. */
export function afterByteOrderMark(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}
