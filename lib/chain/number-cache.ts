/**
 * Numbers read from text, shared: a chain repeats the same few thousand prices and greeks (0.05, 0.0012)
 * across millions of cells. Each number is stored once in a small table keyed by its value, and the
 * number handed out is the very one in the table, so contracts holding it share one copy instead of a
 * box each (see widenNumberFields). Small integers need no sharing. The table is fixed-size: a collision
 * only costs a fresh copy, and memory stays bounded on any input.
 */
import { numberOrNull } from './contract';

const TABLE_BITS = 16;

export class NumberCache {
  // Holds null until filled, so V8 keeps it an array of references (a numbers-only array would hand out
  // a fresh copy on every read).
  private readonly table: (number | null)[] = new Array<number | null>(1 << TABLE_BITS).fill(null);

  /** The number a cell holds; null when it is blank; undefined when it is text but not a number. */
  read(text: string): number | null | undefined {
    const value = +text;
    if (value !== value || value === Infinity || value === -Infinity) {
      // Not a plain numeral: "1,234", text, or a number beyond the double range.
      const parsed = numberOrNull(text);
      if (parsed !== null) return parsed;
      return text.trim() === '' ? null : undefined;
    }
    if (value === 0 && text.trim() === '') return null; // +"" and +"  " are 0 too
    return this.share(value);
  }

  /** The table's copy of a finite number (small integers as they are: they cost nothing to store). */
  share(value: number): number {
    if ((value | 0) === value) return value | 0; // typed as a small integer, so never boxed (and -0 is 0)
    const slot = Math.imul((value * 65536) | 0, 0x9e3779b1) >>> (32 - TABLE_BITS);
    if (this.table[slot] !== value) this.table[slot] = value;
    return this.table[slot];
  }
}
