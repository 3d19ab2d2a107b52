/**
 * How deep a JSON text nests, found before parsing it: a chain nests three or four levels, while 10 MB of
 * "[[[[..." would make JSON.parse build millions of objects (hundreds of MB, over a second) only for us
 * to refuse them. One pass over the text, string contents skipped.
 */

/** Deeper than this is no option chain. */
export const MAX_JSON_DEPTH = 64;

/** Where the text first nests deeper than `limit` (a character index), or -1. */
export function excessiveNestingAt(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 34) {
      // A string: jump to its closing quote (one preceded by an even run of backslashes).
      let close = text.indexOf('"', index + 1);
      while (close > 0 && isEscaped(text, close)) close = text.indexOf('"', close + 1);
      if (close < 0) return -1; // unterminated: JSON.parse will say so
      index = close;
    } else if (code === 123 || code === 91) {
      if (++depth > limit) return index;
    } else if (code === 125 || code === 93) {
      depth--;
    }
  }
  return -1;
}

function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let index = quote - 1; index >= 0 && text.charCodeAt(index) === 92; index--) backslashes++;
  return backslashes % 2 === 1;
}
