/**
 * Labels of close levels, stacked so none overlaps another while each line keeps its exact y: each
 * label moves as little as it can from its line (least squares, keeping the lines' order), inside the
 * plot. Pure: positions in, positions out.
 */

/**
 * Label centres for lines at `ys` (any order), each label `height` tall, within [top, bottom]. Labels
 * keep their lines' order; where lines are closer than a label's height the labels of that run move
 * apart around the run's own centre.
 */
export function stackLabels(ys: readonly number[], height: number, top: number, bottom: number): number[] {
  const order = ys.map((y, index) => ({ y, index })).sort((a, b) => a.y - b.y);
  // Blocks of labels that touch: each block sits where its labels' mean wants it (pool adjacent violators).
  type Block = { start: number; count: number; wanted: number };
  const blocks: Block[] = [];
  order.forEach(({ y }, position) => {
    // Label i of a block starting at s sits at s + i * height: its own wish is y - i * height for s.
    blocks.push({ start: position, count: 1, wanted: y });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1];
      const previous = blocks[blocks.length - 2];
      if (previous.wanted + previous.count * height <= last.wanted) break;
      // Merge: the best start for the joined block is the mean of each label's wish for the start.
      const joined = previous.count + last.count;
      const wanted = (previous.wanted * previous.count + (last.wanted - previous.count * height) * last.count) / joined;
      blocks.splice(-2, 2, { start: previous.start, count: joined, wanted });
    }
  });
  const centres = new Array<number>(ys.length);
  for (const block of blocks) {
    // Keep the whole block inside the plot.
    const span = (block.count - 1) * height;
    const first = Math.min(Math.max(block.wanted, top + height / 2), bottom - height / 2 - span);
    for (let i = 0; i < block.count; i++) centres[order[block.start + i].index] = first + i * height;
  }
  return centres;
}
