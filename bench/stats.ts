/** Repeated timing with warm-up: median and spread (min, p10, p90, max) in milliseconds. */

export interface Timing {
  median: number;
  min: number;
  p10: number;
  p90: number;
  max: number;
  runs: number;
}

export function time(run: () => unknown, options: { warmup?: number; runs?: number } = {}): Timing {
  const warmup = options.warmup ?? 5;
  const runs = options.runs ?? 25;
  for (let i = 0; i < warmup; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { median: at(0.5), min: samples[0], p10: at(0.1), p90: at(0.9), max: samples[samples.length - 1], runs };
}

export function formatTiming(label: string, timing: Timing): string {
  const f = (value: number) => value.toFixed(2).padStart(8);
  return `${label.padEnd(30)} median ${f(timing.median)} ms   p10 ${f(timing.p10)}   p90 ${f(timing.p90)}   min ${f(timing.min)}   max ${f(timing.max)}   (${timing.runs} runs)`;
}
