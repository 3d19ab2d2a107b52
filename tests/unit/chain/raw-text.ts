/**
 * Helpers the chain tests share: reading fixtures' raw text independently of the parser (plain splits,
 * no code from lib/chain), and a seeded random source for generated inputs.
 */

/** The lines of a quote-table CSV split at LF, and the index of its header line. */
export function csvParts(text: string): { lines: string[]; header: number; rows: string[] } {
  const lines = text.split('\n');
  const header = lines.findIndex((line) => line.startsWith('Expiration Date,'));
  return { lines, header, rows: lines.slice(header + 1).filter((line) => line.trim() !== '') };
}

/** A row's cells, call side and put side, by the header's column names. */
export function rowSides(row: string): { expiry: string; strike: number; sides: { symbol: string; cells: string[] }[] } {
  const cells = row.split(',');
  return {
    expiry: cells[0],
    strike: Number(cells[11]),
    sides: [
      { symbol: cells[1], cells: cells.slice(2, 11) },
      { symbol: cells[12], cells: cells.slice(13, 22) },
    ],
  };
}

/** Side cell offsets (after the symbol), as in the header. */
export const SIDE = { last: 0, net: 1, bid: 2, ask: 3, volume: 4, iv: 5, delta: 6, gamma: 7, openInterest: 8 } as const;

/** A deterministic pseudo-random source (mulberry32), so generated inputs are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The SPX fixture with its Date line (line 3) replaced. */
export function withDateLine(text: string, dateLine: string): string {
  const lines = text.split('\n');
  lines[2] = dateLine;
  return lines.join('\n');
}
