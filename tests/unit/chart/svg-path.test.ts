/**
 * The path scanner against a plain reference: the grammar read by a regular expression into a token
 * list, then walked (the straightforward way, kept here as the specification). Random `d` strings
 * mix every command, relative and absolute, packed numbers ("M.5.5", "1e-3", "-.5"), stray
 * characters and truncated argument lists; both must find the same horizontal segments.
 */
import { describe, expect, it } from 'vitest';
import { horizontalSegments, type HorizontalSegment } from '../../../lib/chart/axis/svg-path';

const ARITY: Record<string, number> = { m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7, z: 0 };

function reference(d: string, flatness = 0.01): HorizontalSegment[] {
  const list: (string | number)[] = [];
  const pattern = /([MmLlHhVvCcSsQqTtAaZz])|([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/g;
  for (let match = pattern.exec(d); match; match = pattern.exec(d)) list.push(match[1] ?? Number(match[2]));
  const segments: HorizontalSegment[] = [];
  let [x, y, startX, startY] = [0, 0, 0, 0];
  let command = '';
  let i = 0;
  const line = (toX: number, toY: number) => {
    if (Math.abs(toY - y) < flatness && Math.abs(toX - x) > 0)
      segments.push({ y: (y + toY) / 2, x1: Math.min(x, toX), x2: Math.max(x, toX) });
    [x, y] = [toX, toY];
  };
  while (i < list.length) {
    if (typeof list[i] === 'string') command = list[i++] as string;
    else if (!command) return segments;
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
    const [ox, oy] = relative ? [x, y] : [0, 0];
    if (lower === 'm') {
      [x, y] = [ox + n[0], oy + n[1]];
      [startX, startY] = [x, y];
      command = relative ? 'l' : 'L';
    } else if (lower === 'l') line(ox + n[0], oy + n[1]);
    else if (lower === 'h') line(ox + n[0], y);
    else if (lower === 'v') line(x, oy + n[0]);
    else [x, y] = [ox + n[arity - 2], oy + n[arity - 1]];
  }
  return segments;
}

function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

describe('the path scanner', () => {
  it('finds the same horizontal segments as the reference on 3000 random paths', () => {
    const rnd = random(77);
    const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)];
    const number = () => {
      const value = pick([0, 0.5, 1, 12, 100.5, 4700.25, 1e-3]) * (rnd() < 0.3 ? -1 : 1) * (rnd() < 0.5 ? 1 : Math.round(rnd() * 10));
      const text = pick([
        String(value),
        value.toExponential(2),
        value.toExponential(1).toUpperCase(),
        String(value).replace(/^0\./, '.').replace(/^-0\./, '-.'),
      ]);
      return rnd() < 0.1 && !text.startsWith('-') ? `+${text}` : text;
    };
    let segmentsSeen = 0;
    for (let trial = 0; trial < 3000; trial++) {
      let d = rnd() < 0.1 ? number() : '';
      const commands = 1 + Math.floor(rnd() * 12);
      for (let k = 0; k < commands; k++) {
        const letter = pick(Object.keys(ARITY));
        const command = rnd() < 0.5 ? letter : letter.toUpperCase();
        // Sometimes one argument short, sometimes a stray character or a repeated argument list.
        const count = Math.max(0, ARITY[letter] * (rnd() < 0.2 ? 2 : 1) - (rnd() < 0.05 ? 1 : 0));
        const separator = pick([' ', ',', '', ' , ', '\n']);
        // Same y twice often, so horizontal segments appear.
        const args = Array.from({ length: count }, () => (rnd() < 0.4 ? '5' : number()));
        d += `${command}${pick(['', ' '])}${args.join(separator === '' ? ' ' : separator)}${rnd() < 0.05 ? pick(['x', '#', '+', '.', 'e']) : ''}${pick(['', ' '])}`;
      }
      const expected = reference(d);
      segmentsSeen += expected.length;
      expect(horizontalSegments(d), d).toEqual(expected);
    }
    expect(segmentsSeen).toBeGreaterThan(1000);
  });
});
