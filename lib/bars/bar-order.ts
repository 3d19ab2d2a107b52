/**
 * Bars in order, one per date or minute: sources list them newest first, oldest first or shuffled, and
 * all of those are read alike. A date (or minute) given twice with the same prices is kept once and
 * counted; given twice with different prices, both are refused — nothing tells which one is right.
 */
import type { RejectionLog } from '../chain/rejection-log';
import type { Ohlc } from './bar-values';

export interface PlacedBar<Bar extends Ohlc> {
  bar: Bar;
  /** The date (daily) or start instant (minute) the bar stands for. */
  key: string | number;
  /** Where the source gave it, for messages ("data[12]"). */
  where: string;
}

const samePrices = (a: Ohlc, b: Ohlc) => a.open === b.open && a.high === b.high && a.low === b.low && a.close === b.close;

export function orderBars<Bar extends Ohlc>(
  placed: readonly PlacedBar<Bar>[],
  describe: (key: string | number) => string,
  rejections: RejectionLog,
): { bars: Bar[]; repeated: number } {
  const byKey = new Map<string | number, PlacedBar<Bar>[]>();
  for (const entry of placed) {
    const known = byKey.get(entry.key);
    if (known) known.push(entry);
    else byKey.set(entry.key, [entry]);
  }
  let repeated = 0;
  const kept: PlacedBar<Bar>[] = [];
  for (const [key, entries] of byKey) {
    if (entries.every((entry) => samePrices(entry.bar, entries[0].bar))) {
      kept.push(entries[0]);
      repeated += entries.length - 1;
      continue;
    }
    for (const entry of entries) {
      const others = entries.filter((other) => other !== entry).map((other) => other.where);
      rejections.add(
        `${entry.where} (${describe(key)})`,
        `${describe(key)} is given ${entries.length} times with different prices (also at ${others.join(', ')}); none is used`,
      );
    }
  }
  kept.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { bars: kept.map((entry) => entry.bar), repeated };
}
