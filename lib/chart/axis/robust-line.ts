/**
 * A straight line y = intercept + slope * x through points with outliers: every pair of points
 * proposes a line (exhaustive RANSAC; a column holds tens of labels, so all pairs are cheap), each
 * proposal is scored by its truncated squared residuals (MSAC: an outlier costs tolerance², however
 * far it is), and the best one's inliers are refitted by least squares until the inlier set settles.
 * Why not plain least squares: one clamped or stale label among twelve drags the whole line.
 */

export interface Point {
  x: number;
  y: number;
}

export interface RobustLine {
  intercept: number;
  slope: number;
  /** Indices of the points within tolerance of the final line, ascending. */
  inliers: number[];
  /** Signed residual (fitted y - y) of every point, inlier or not. */
  residuals: number[];
  /** Root mean square of the inliers' residuals. */
  rms: number;
  maxInlierResidual: number;
}

export interface RobustLineOptions {
  /** A point farther than this from the line (in y) is an outlier. */
  tolerance: number;
  /** Which slopes are acceptable (a price axis rises upward: negative slope in screen y). */
  slopeSign: -1 | 1;
  /** Proposals from pairs closer than this in y are skipped (they fix no slope). */
  minPairSpanY?: number;
}

/** Above this many points, pairs are drawn only between near neighbours in x (a column sorted by value). */
const ALL_PAIRS_LIMIT = 48;
const NEIGHBOUR_REACH = 12;

export function leastSquaresLine(points: readonly Point[]): { intercept: number; slope: number } | null {
  const n = points.length;
  if (n < 2) return null;
  let meanX = 0;
  let meanY = 0;
  for (const point of points) {
    meanX += point.x / n;
    meanY += point.y / n;
  }
  let sxx = 0;
  let sxy = 0;
  for (const point of points) {
    sxx += (point.x - meanX) ** 2;
    sxy += (point.x - meanX) * (point.y - meanY);
  }
  if (!(sxx > 0)) return null;
  const slope = sxy / sxx;
  return { intercept: meanY - slope * meanX, slope };
}

export function fitRobustLine(points: readonly Point[], options: RobustLineOptions): RobustLine | null {
  const { tolerance, slopeSign } = options;
  const minSpan = options.minPairSpanY ?? 2;
  const order = points.map((_, index) => index).sort((a, b) => points[a].x - points[b].x);
  const reach = points.length > ALL_PAIRS_LIMIT ? NEIGHBOUR_REACH : points.length;
  const limit = tolerance * tolerance;

  let best: { intercept: number; slope: number; cost: number } | null = null;
  for (let i = 0; i < order.length; i++) {
    for (let j = i + 1; j < order.length && j <= i + reach; j++) {
      const p = points[order[i]];
      const q = points[order[j]];
      const dx = q.x - p.x;
      const dy = q.y - p.y;
      if (!(Math.abs(dx) > 0) || Math.abs(dy) < minSpan || Math.sign(dy / dx) !== slopeSign) continue;
      const slope = dy / dx;
      const intercept = p.y - slope * p.x;
      let cost = 0;
      const bound = best ? best.cost : Infinity;
      for (let k = 0; k < points.length && cost < bound; k++) cost += Math.min((intercept + slope * points[k].x - points[k].y) ** 2, limit);
      if (cost < bound) best = { intercept, slope, cost };
    }
  }
  if (!best) return null;

  let line = { intercept: best.intercept, slope: best.slope };
  let inliers = inliersOf(points, line, tolerance);
  for (let round = 0; round < 8; round++) {
    const refit = inliers.length >= 2 ? leastSquaresLine(inliers.map((index) => points[index])) : null;
    if (!refit || Math.sign(refit.slope) !== slopeSign) break;
    const next = inliersOf(points, refit, tolerance);
    // A refit that loses points it was fitted on is worse than the proposal: keep the previous line.
    if (next.length < inliers.length) break;
    line = refit;
    const settled = next.length === inliers.length && next.every((index, k) => index === inliers[k]);
    inliers = next;
    if (settled) break;
  }
  const residuals = points.map((point) => line.intercept + line.slope * point.x - point.y);
  const inlierResiduals = inliers.map((index) => residuals[index]);
  const rms = inlierResiduals.length ? Math.sqrt(inlierResiduals.reduce((sum, r) => sum + r * r, 0) / inlierResiduals.length) : Infinity;
  const maxInlierResidual = inlierResiduals.reduce((max, r) => Math.max(max, Math.abs(r)), 0);
  return { ...line, inliers, residuals, rms, maxInlierResidual };
}

function inliersOf(points: readonly Point[], line: { intercept: number; slope: number }, tolerance: number): number[] {
  const inliers: number[] = [];
  points.forEach((point, index) => {
    if (Math.abs(line.intercept + line.slope * point.x - point.y) <= tolerance) inliers.push(index);
  });
  return inliers;
}
