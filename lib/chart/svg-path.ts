/**
 * The horizontal straight segments of an SVG path's `d`: where charts draw grid lines and tick marks
 * as paths ("M0,216.5h620" in Plotly, "M 80 100.5 L 720 100.5" in ECharts' SVG renderer and
 * Highcharts, d3's domain "M6,400.5H0.5V0.5H6"). Curves and arcs only move the pen. Coordinates are
 * the path's own; map them with the element's screen matrix.
 */

export interface HorizontalSegment {
  y: number;
  x1: number;
  x2: number;
}

/** Parameters per command (arcs carry 7, curves 4 or 6). */
const ARITY: Record<string, number> = { m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7, z: 0 };

function tokens(d: string): (string | number)[] {
  const out: (string | number)[] = [];
  const pattern = /([MmLlHhVvCcSsQqTtAaZz])|([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/g;
  for (let match = pattern.exec(d); match; match = pattern.exec(d)) out.push(match[1] ?? Number(match[2]));
  return out;
}

/** Segments with |dy| below `flatness` count as horizontal; zero-length ones are dropped. */
export function horizontalSegments(d: string, flatness = 0.01): HorizontalSegment[] {
  const list = tokens(d);
  const segments: HorizontalSegment[] = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let command = '';
  let i = 0;
  const line = (toX: number, toY: number) => {
    if (Math.abs(toY - y) < flatness && Math.abs(toX - x) > 0) segments.push({ y: (y + toY) / 2, x1: Math.min(x, toX), x2: Math.max(x, toX) });
    x = toX;
    y = toY;
  };
  while (i < list.length) {
    if (typeof list[i] === 'string') command = list[i++] as string;
    else if (!command) return segments; // numbers before any command: not a path
    const lower = command.toLowerCase();
    const relative = command !== command.toUpperCase();
    const arity = ARITY[lower];
    if (arity === 0) {
      line(startX, startY);
      command = '';
      continue;
    }
    const args = list.slice(i, i + arity);
    if (args.length < arity || args.some((arg) => typeof arg !== 'number')) return segments;
    i += arity;
    const n = args as number[];
    const ox = relative ? x : 0;
    const oy = relative ? y : 0;
    switch (lower) {
      case 'm':
        x = ox + n[0];
        y = oy + n[1];
        startX = x;
        startY = y;
        // Further pairs after a moveto are linetos.
        command = relative ? 'l' : 'L';
        break;
      case 'l':
      case 't':
        if (lower === 'l') line(ox + n[0], oy + n[1]);
        else [x, y] = [ox + n[0], oy + n[1]];
        break;
      case 'h':
        line((relative ? x : 0) + n[0], y);
        break;
      case 'v':
        line(x, (relative ? y : 0) + n[0]);
        break;
      default:
        // Curves and arcs: the pen moves to the end point.
        x = ox + n[arity - 2];
        y = oy + n[arity - 1];
    }
  }
  return segments;
}
