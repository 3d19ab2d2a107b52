/** Helpers for tests over many generated axes: a seeded random source and the steps charts pick. */

/** Park–Miller: the same sequence for a seed on every machine. */
export function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

/** The nice step (1, 2, 2.5, 5 times a power of ten) at or above `raw`, as chart libraries choose. */
export function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].find((mantissa) => mantissa * power >= raw) ?? 10) * power;
}
