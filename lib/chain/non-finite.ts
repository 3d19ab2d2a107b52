/**
 * Finds the first number that is not finite (NaN, Infinity) anywhere in a result (levels, a profile, a
 * snapshot), with its path, so the service and the CLI can refuse "a total is not finite" by name rather
 * than show NaN to a trader. Walks plain objects, arrays and typed arrays; each object once.
 */
export interface NonFiniteNumber {
  /** e.g. "levels.flips[2].spot" */
  path: string;
  value: number;
}

export function findNonFiniteNumber(value: unknown, root = 'result'): NonFiniteNumber | null {
  const seen = new Set<object>();
  // Depth-first with an explicit stack: a deeply nested input cannot overflow the call stack.
  const stack: { value: unknown; path: string }[] = [{ value, path: root }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop() as { value: unknown; path: string };
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) return { path, value: current };
      continue;
    }
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    if (ArrayBuffer.isView(current)) {
      if (current instanceof Float64Array || current instanceof Float32Array) {
        const index = current.findIndex((element) => !Number.isFinite(element));
        if (index >= 0) return { path: `${path}[${index}]`, value: current[index] };
      }
      continue;
    }
    const entries: [string, unknown][] = Array.isArray(current)
      ? current.map((element, index) => [`${path}[${index}]`, element])
      : current instanceof Map
        ? [...current].map(([key, element]) => [`${path}.get(${JSON.stringify(key)})`, element])
        : Object.entries(current).map(([key, element]) => [`${path}.${key}`, element]);
    // Pushed in reverse so the first entry is looked at first.
    for (let index = entries.length - 1; index >= 0; index--) stack.push({ path: entries[index][0], value: entries[index][1] });
  }
  return null;
}

/** "a result is not finite: levels.totalGex is NaN", or null when every number is finite. */
export function describeNonFinite(value: unknown, root = 'result'): string | null {
  const found = findNonFiniteNumber(value, root);
  return found ? `a result is not finite: ${found.path} is ${found.value}` : null;
}
