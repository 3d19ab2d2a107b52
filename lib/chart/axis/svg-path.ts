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

/** Parameters per command (arcs carry 7, curves 4 or 6), by the command's char code (either case). */
const ARITY = /* @__PURE__ */ arityTable();

/** Built in a pure call: a bundle that imports this folder and never scans a path leaves it out. */
function arityTable(): Int8Array {
  const table = new Int8Array(128).fill(-1);
  for (const [command, arity] of Object.entries({ m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7, z: 0 })) {
    table[command.charCodeAt(0)] = arity;
    table[command.toUpperCase().charCodeAt(0)] = arity;
  }
  return table;
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * Reads `d` one token at a time without building a token list: this runs over every path of a chart
 * on every frame it pans. Commands are the path letters; numbers are `[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?`;
 * anything else (separators, stray characters) is skipped.
 */
class PathScanner {
  /** 0 at the end, 1 a command (in `command`), 2 a number (in `number`). */
  kind = 0;
  command = 0;
  number = 0;
  private position = 0;
  // The number being read, without building its text: digits as one integer and a power of ten.
  private mantissa = 0;
  private sign = 1;
  private exponent = 0;
  /** Few enough digits and a small enough power for one exact rounding; else Number() reads the text. */
  private exact = true;

  constructor(private readonly d: string) {
    this.advance();
  }

  advance(): void {
    const d = this.d;
    while (this.position < d.length) {
      const code = d.charCodeAt(this.position);
      if (code < 128 && ARITY[code] >= 0) {
        this.kind = 1;
        this.command = code;
        this.position++;
        return;
      }
      if (isDigit(code) || code === 46 || code === 43 || code === 45) {
        const end = this.numberEnd(this.position);
        if (end > 0) {
          this.kind = 2;
          // One rounding: an exact integer times or over an exact power of ten, as Number() would give.
          const signed = this.mantissa * this.sign;
          if (!this.exact) this.number = Number(d.slice(this.position, end));
          else this.number = this.exponent < 0 ? signed / 10 ** -this.exponent : signed * 10 ** this.exponent;
          this.position = end;
          return;
        }
      }
      this.position++;
    }
    this.kind = 0;
  }

  /** Where the number starting at `start` ends, or -1 when none starts there. */
  private numberEnd(start: number): number {
    const d = this.d;
    let at = start;
    let code = d.charCodeAt(at);
    this.sign = code === 45 ? -1 : 1;
    if (code === 43 || code === 45) code = d.charCodeAt(++at);
    let digits = 0;
    let mantissa = 0;
    let exponent = 0;
    while (isDigit(code)) {
      digits++;
      mantissa = mantissa * 10 + (code - 48);
      code = d.charCodeAt(++at);
    }
    if (code === 46) {
      code = d.charCodeAt(++at);
      while (isDigit(code)) {
        digits++;
        mantissa = mantissa * 10 + (code - 48);
        exponent--;
        code = d.charCodeAt(++at);
      }
    }
    if (digits === 0) return -1;
    if (code === 101 || code === 69) {
      let end = at + 1;
      let next = d.charCodeAt(end);
      const negative = next === 45;
      if (next === 43 || next === 45) next = d.charCodeAt(++end);
      if (isDigit(next)) {
        let power = 0;
        while (isDigit(next)) {
          power = power * 10 + (next - 48);
          next = d.charCodeAt(++end);
        }
        exponent += negative ? -power : power;
        at = end;
      }
    }
    this.mantissa = mantissa;
    this.exponent = exponent;
    this.exact = digits <= 15 && Math.abs(exponent) <= 22;
    return at;
  }
}

/** Segments with |dy| below `flatness` count as horizontal; zero-length ones are dropped. */
export function horizontalSegments(d: string, flatness = 0.01): HorizontalSegment[] {
  const scan = new PathScanner(d);
  const segments: HorizontalSegment[] = [];
  const n = [0, 0, 0, 0, 0, 0, 0];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let command = 0;
  const line = (toX: number, toY: number) => {
    if (Math.abs(toY - y) < flatness && Math.abs(toX - x) > 0)
      segments.push({ y: (y + toY) / 2, x1: Math.min(x, toX), x2: Math.max(x, toX) });
    x = toX;
    y = toY;
  };
  while (scan.kind !== 0) {
    if (scan.kind === 1) {
      command = scan.command;
      scan.advance();
    } else if (!command) return segments; // numbers before any command: not a path
    const relative = command >= 97; // lower case
    const lower = relative ? command : command + 32;
    const arity = ARITY[command];
    if (arity === 0) {
      line(startX, startY);
      command = 0;
      continue;
    }
    for (let k = 0; k < arity; k++) {
      if (scan.kind !== 2) return segments;
      n[k] = scan.number;
      scan.advance();
    }
    const ox = relative ? x : 0;
    const oy = relative ? y : 0;
    switch (lower) {
      case 109: // m
        x = ox + n[0];
        y = oy + n[1];
        startX = x;
        startY = y;
        // Further pairs after a moveto are linetos.
        command = relative ? 108 : 76;
        break;
      case 108: // l
        line(ox + n[0], oy + n[1]);
        break;
      case 104: // h
        line(ox + n[0], y);
        break;
      case 118: // v
        line(x, oy + n[0]);
        break;
      default:
        // Curves, smooth quadratics and arcs: the pen moves to the end point.
        x = ox + n[arity - 2];
        y = oy + n[arity - 1];
    }
  }
  return segments;
}
