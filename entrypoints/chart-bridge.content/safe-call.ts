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

/** `call` with at most one argument and no argument list built: for questions asked every frame. */
export function callWith(target: unknown, name: string, arg?: number): unknown {
  try {
    const method = (target as Record<string, unknown> | null | undefined)?.[name];
    if (typeof method !== 'function') return undefined;
    return arg === undefined ? (method as Fn).call(target) : (method as Fn).call(target, arg);
  } catch {
    return undefined;
  }
}
