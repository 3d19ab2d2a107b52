/** The canvas tap's wrapper: the page's call behaves exactly as the original's, and looks native. */
import { describe, expect, it } from 'vitest';
import { wrapMethod, wrapSetter } from '../../../entrypoints/chart-bridge.content/wrap-method';

class Drawing {
  calls: unknown[][] = [];
  draw(text: string, x: number, y: number): string {
    if (typeof x !== 'number') throw new TypeError(`x must be a number, got ${typeof x}`);
    this.calls.push([text, x, y]);
    return `${text}@${x},${y}`;
  }
}

describe('wrapMethod', () => {
  it('calls the original first with the same this and arguments, and returns what it returns', () => {
    const seen: unknown[][] = [];
    const prototype = Drawing.prototype;
    const before = prototype.draw;
    const descriptor = Object.getOwnPropertyDescriptor(prototype, 'draw');
    try {
      expect(wrapMethod(prototype, 'draw', (self, args) => seen.push([(self as Drawing).calls.length, ...args]))).toBe(true);
      const drawing = new Drawing();
      expect(drawing.draw('4,700', 12.5, 30)).toBe('4,700@12.5,30');
      // `after` saw the call once the original had drawn it (one call recorded by then).
      expect(seen).toEqual([[1, '4,700', 12.5, 30]]);
      expect(drawing.calls).toEqual([['4,700', 12.5, 30]]);
      // Native-looking: the same name and length; the property's attributes unchanged.
      expect(prototype.draw.name).toBe('draw');
      expect(prototype.draw.length).toBe(3);
      // (A Proxy's source text reads native; V8 leaves the name out of it, which we accept.)
      expect(Function.prototype.toString.call(prototype.draw)).toMatch(/^function \w*\(\) \{\s*\[native code\]\s*\}$/);
      expect(prototype.draw).not.toBe(before);
      const { value: _value, ...attributes } = Object.getOwnPropertyDescriptor(prototype, 'draw')!;
      const { value: _before, ...attributesBefore } = descriptor!;
      expect(attributes).toEqual(attributesBefore);
    } finally {
      Object.defineProperty(prototype, 'draw', descriptor!);
    }
  });

  it('throws exactly what the original throws, and then does not call after', () => {
    class Strict extends Drawing {}
    Object.defineProperty(Strict.prototype, 'draw', { value: Drawing.prototype.draw, writable: true, configurable: true });
    let afterCalls = 0;
    wrapMethod(Strict.prototype, 'draw', () => afterCalls++);
    const drawing = new Strict();
    let thrown: unknown;
    try {
      drawing.draw('1', 'x' as unknown as number, 0);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as Error).message).toBe('x must be a number, got string');
    expect(afterCalls).toBe(0);
  });

  it('swallows what after throws: the page never sees the tap fail', () => {
    class Fragile extends Drawing {}
    Object.defineProperty(Fragile.prototype, 'draw', { value: Drawing.prototype.draw, writable: true, configurable: true });
    wrapMethod(Fragile.prototype, 'draw', () => {
      throw new Error('tap broke');
    });
    expect(new Fragile().draw('5', 1, 2)).toBe('5@1,2');
  });

  it('leaves a missing or non-function property alone', () => {
    const target = { draw: 3 } as unknown as Drawing;
    expect(wrapMethod(target, 'draw', () => undefined)).toBe(false);
    expect((target as unknown as { draw: number }).draw).toBe(3);
  });
});

describe('wrapSetter', () => {
  it('sets through the original setter, then tells after; a throwing set throws and tells nothing', () => {
    class Pen {
      private value = '10px sans-serif';
      get font(): string {
        return this.value;
      }
      set font(font: string) {
        if (!font.includes('px')) throw new SyntaxError(`not a font: ${font}`);
        this.value = font;
      }
    }
    const told: unknown[] = [];
    wrapSetter(Pen.prototype, 'font', (self) => told.push(self));
    const pen = new Pen();
    pen.font = '12px Arial';
    expect(pen.font).toBe('12px Arial');
    expect(told).toEqual([pen]);
    expect(() => (pen.font = 'huge')).toThrow(SyntaxError);
    expect(pen.font).toBe('12px Arial');
    expect(told).toHaveLength(1);
    // The getter is untouched: still the class's own.
    expect(Object.getOwnPropertyDescriptor(Pen.prototype, 'font')!.get!.name).toBe('get font');
  });
});
