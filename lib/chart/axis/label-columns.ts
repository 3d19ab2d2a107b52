/**
 * Groups labels into columns: a y axis is a vertical stack of labels sharing a right edge, a left
 * edge or a centre (right-aligned, left-aligned or centred text). Labels in a horizontal row (an x
 * axis: "10:30", "15", "2024" side by side) share none of these, so they never form a column.
 */
import type { AxisLabel } from './axis-label';

export type ColumnAlign = 'right' | 'left' | 'center';

export interface LabelColumn {
  align: ColumnAlign;
  /** Indices into the labels given, ascending. */
  members: number[];
}

export interface ColumnOptions {
  /** Largest gap between neighbouring edges in one column, px; a column spans at most twice this. */
  tolerancePx?: number;
  minMembers?: number;
}

const ALIGNS: readonly ColumnAlign[] = ['right', 'left', 'center'];

function edge(label: AxisLabel, align: ColumnAlign): number {
  return align === 'center' ? (label.left + label.right) / 2 : label[align];
}

/**
 * Every column of at least `minMembers` labels. A set found under several alignments (labels of one
 * width line up every way) is listed once, under the alignment whose edges agree best (ties: right,
 * left, centre).
 */
export function groupColumns(labels: readonly AxisLabel[], options: ColumnOptions = {}): LabelColumn[] {
  const tolerance = options.tolerancePx ?? 3;
  const minMembers = options.minMembers ?? 3;
  const columns: LabelColumn[] = [];
  const seen = new Map<string, { column: LabelColumn; spread: number }>();
  for (const align of ALIGNS) {
    const order = labels.map((_, index) => index).sort((a, b) => edge(labels[a], align) - edge(labels[b], align));
    let group: number[] = [];
    const flush = () => {
      if (group.length >= minMembers) {
        const members = [...group].sort((a, b) => a - b);
        const key = members.join(',');
        const positions = members.map((index) => edge(labels[index], align));
        const spread = Math.max(...positions) - Math.min(...positions);
        const known = seen.get(key);
        if (!known) {
          const column = { align, members };
          seen.set(key, { column, spread });
          columns.push(column);
        } else if (spread < known.spread) {
          known.column.align = align;
          known.spread = spread;
        }
      }
      group = [];
    };
    for (const index of order) {
      const position = edge(labels[index], align);
      if (group.length > 0) {
        const previous = edge(labels[group[group.length - 1]], align);
        const start = edge(labels[group[0]], align);
        if (position - previous > tolerance || position - start > 2 * tolerance) flush();
      }
      group.push(index);
    }
    flush();
  }
  return columns;
}
