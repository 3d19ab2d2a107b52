/**
 * Wraps one method of a prototype so that a page cannot tell: the original runs first with the same
 * `this` and arguments, its return value is returned and its exception thrown (then nothing else
 * runs); `after` sees only calls that returned, and whatever `after` throws is swallowed. A Proxy
 * keeps the original's name, length and native-looking toString; the property keeps its attributes.
 */
export function wrapMethod<T extends object>(
  prototype: T,
  name: keyof T & string,
  after: (self: unknown, args: unknown[]) => void,
): boolean {
  const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
  const original = descriptor?.value as unknown;
  if (!descriptor || typeof original !== 'function') return false;
  const proxy = new Proxy(original as (...args: unknown[]) => unknown, {
    apply(target, self, args) {
      const result = Reflect.apply(target, self, args);
      try {
        after(self, args);
      } catch {
        // The tap must never break a page's drawing.
      }
      return result;
    },
  });
  Object.defineProperty(prototype, name, { ...descriptor, value: proxy });
  return true;
}

/**
 * Wraps the setter of an accessor property the same way: the original setter runs first with the same
 * value (its exception thrown, then nothing else runs); `after` sees each set that returned.
 */
export function wrapSetter<T extends object>(prototype: T, name: keyof T & string, after: (self: unknown) => void): boolean {
  const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called only through Reflect.apply, with the receiver the page gave
  const original = descriptor?.set as unknown;
  if (!descriptor || typeof original !== 'function') return false;
  const proxy = new Proxy(original as (value: unknown) => void, {
    apply(target, self, args: [unknown]) {
      const result: unknown = Reflect.apply(target, self, args);
      try {
        after(self);
      } catch {
        // Never break the page.
      }
      return result;
    },
  });
  Object.defineProperty(prototype, name, { ...descriptor, set: proxy });
  return true;
}
