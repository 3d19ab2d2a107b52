/**
 * Fits a price axis from tick labels found in the DOM or SVG: numeric texts stacked in one column
 * (same right or left edge, or same centre), at least three, values monotone in y. Tries linear and
 * log scales and keeps the one whose residual is within a pixel.
 */
import type { PriceMapping, ScaleKind } from './mapping';

export interface AxisLabel {
  text: string;
  /** Vertical centre of the label in viewport pixels. */
  y: number;
  left: number;
  right: number;
}

export interface AxisFit {
  mapping: PriceMapping;
  /** Root-mean-square distance of the labels from the fitted line, px. */
  residualPx: number;
  labels: { y: number; value: number }[];
  /** The column's horizontal position (for placing line labels beside it). */
  columnLeft: number;
  columnRight: number;
}

const UNIT_SUFFIX: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9 };

/** A tick label's number: "4,700.00", "4 700", "−12.5", "1.2K", "$450", "4700.0%"? no (percent is not a price). */
export function parseTickValue(text: string): number | null {
  const cleaned = text.trim().replace(/[\u2212\u2013]/g, '-').replace(/^\$/, '').replace(/[\s\u00a0\u202f,]/g, '');
  const match = /^(-?\d+(?:\.\d+)?)([KMB])?$/i.exec(cleaned);
  if (!match) return null;
  const value = Number(match[1]) * (match[2] ? UNIT_SUFFIX[match[2].toUpperCase()] : 1);
  return Number.isFinite(value) ? value : null;
}

function leastSquares(points: { x: number; y: number }[]): { slope: number; intercept: number; rms: number } {
  const n = points.length;
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / n;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const point of points) {
    sxx += (point.x - meanX) ** 2;
    sxy += (point.x - meanX) * (point.y - meanY);
  }
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  const rms = Math.sqrt(points.reduce((sum, point) => sum + (intercept + slope * point.x - point.y) ** 2, 0) / n);
  return { slope, intercept, rms };
}

function fitColumn(column: { y: number; value: number }[], kind: ScaleKind): { mapping: PriceMapping; rms: number } | null {
  if (kind === 'log' && column.some((label) => label.value <= 0)) return null;
  const points = column.map((label) => ({ x: kind === 'log' ? Math.log(label.value) : label.value, y: label.y }));
  const fit = leastSquares(points);
  if (!Number.isFinite(fit.slope) || fit.slope >= 0) return null; // prices rise upwards on a price axis
  return { mapping: { kind, slope: fit.slope, intercept: fit.intercept }, rms: fit.rms };
}

/** Groups labels that line up in one column (shared right edge, left edge or centre within 3 px). */
function columns(labels: (AxisLabel & { value: number })[]): (AxisLabel & { value: number })[][] {
  const groups: (AxisLabel & { value: number })[][] = [];
  for (const key of ['right', 'left', 'center'] as const) {
    const position = (label: AxisLabel) => (key === 'center' ? (label.left + label.right) / 2 : label[key]);
    const sorted = [...labels].sort((a, b) => position(a) - position(b));
    let group: (AxisLabel & { value: number })[] = [];
    for (const label of sorted) {
      if (group.length > 0 && position(label) - position(group[0]) > 3) {
        groups.push(group);
        group = [];
      }
      group.push(label);
    }
    if (group.length) groups.push(group);
  }
  return groups;
}

/** The best price-axis fit among the labels, or null when no column fits within `maxResidualPx`. */
export function fitPriceAxis(labels: readonly AxisLabel[], maxResidualPx = 1): AxisFit | null {
  const numeric = labels.flatMap((label) => {
    const value = parseTickValue(label.text);
    return value === null ? [] : [{ ...label, value }];
  });
  let best: AxisFit | null = null;
  for (const group of columns(numeric)) {
    // One label per y (a column repeats nothing) and distinct values.
    const byY = [...new Map(group.map((label) => [Math.round(label.y), label])).values()].sort((a, b) => a.y - b.y);
    if (byY.length < 3 || new Set(byY.map((label) => label.value)).size !== byY.length) continue;
    const column = byY.map(({ y, value }) => ({ y, value }));
    for (const kind of ['linear', 'log'] as const) {
      const fit = fitColumn(column, kind);
      if (!fit || fit.rms > maxResidualPx) continue;
      const candidate: AxisFit = {
        mapping: fit.mapping,
        residualPx: fit.rms,
        labels: column,
        columnLeft: Math.min(...byY.map((label) => label.left)),
        columnRight: Math.max(...byY.map((label) => label.right)),
      };
      // More labels beat fewer; then the tighter fit (linear wins ties: listed first).
      if (!best || candidate.labels.length > best.labels.length || (candidate.labels.length === best.labels.length && candidate.residualPx + 0.05 < best.residualPx)) {
        best = candidate;
      }
    }
  }
  return best;
}
