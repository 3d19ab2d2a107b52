/** Calls into a page's own objects, which may be anything: a missing method or a throw is just undefined. */
type Fn = (...args: unknown[]) => unknown;

/** Calls `target[name](...args)` when it is a function; undefined otherwise or when it throws. */
export function call(target: unknown, name: string, ...args: unknown[]): unknown {
  try {
    const method = (target as Record<string, unknown> | null | undefined)?.[name];
    return typeof method === 'function' ? (method as Fn).apply(target, args) : undefined;
  } catch {
    return undefined;
  }
}
