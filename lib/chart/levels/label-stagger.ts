/**
 * Labels drawn at x positions along one edge of a chart (spot, flip) overwrite each other when close.
 * Each label gets a row: the first row unless a label already there is within minGap pixels, then the
 * next free one. Rows are returned in the input order; the caller turns a row into a y offset.
 */
export function staggerRows(xs: readonly number[], minGap = 40): number[] {
  const order = xs.map((x, index) => ({ x, index })).sort((a, b) => a.x - b.x);
  const lastXInRow: number[] = [];
  const rows = new Array<number>(xs.length);
  for (const { x, index } of order) {
    let row = 0;
    while (row < lastXInRow.length && x - lastXInRow[row] < minGap) row++;
    lastXInRow[row] = x;
    rows[index] = row;
  }
  return rows;
}
