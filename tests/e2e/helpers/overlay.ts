import type { Page } from 'playwright-core';
/** Reads the overlay's drawn levels (the test contract: data-level, data-price, vertical centre). */
export interface DrawnLevel {
  level: string;
  price: number;
  centre: number;
  edge: string | null;
  label: string;
  /** The chart (pane) the line belongs to: "0", "1" in a layout, "f1:0" in a frame, "page" otherwise. */
  chart: string;
}

/** Runs in the page: the overlay's level elements in its open shadow root. */
export function readDrawnLevels(): DrawnLevel[] {
  const root = document.querySelector('gexmap-overlay')?.shadowRoot;
  if (!root) return [];
  return [...root.querySelectorAll<HTMLElement>('[data-level]')].map((element) => {
    const rect = element.getBoundingClientRect();
    return {
      level: element.dataset.level!,
      price: Number(element.dataset.price),
      centre: rect.top + rect.height / 2,
      edge: element.dataset.edge ?? null,
      label: element.textContent ?? '',
      chart: element.closest<HTMLElement>('[data-chart]')?.dataset.chart ?? 'page',
    };
  });
}

export interface Misfit {
  level: string;
  chart: string;
  price: number;
  drawn: number;
  expected: number;
}

/**
 * Runs in the page: each in-range level's distance from where the chart library says its price is.
 * `api.priceToY(price, chartIndex)` is the page's own answer (the chart index from the line's chart).
 */
export function misfits(apiName: string): { levels: DrawnLevel[]; worst: number; misfit: Misfit[] } {
  const api = (window as unknown as Record<string, { priceToY(price: number, chart?: number): number }>)[apiName];
  const root = document.querySelector('gexmap-overlay')?.shadowRoot;
  const levels = root
    ? [...root.querySelectorAll<HTMLElement>('[data-level]')].map((element) => {
        const rect = element.getBoundingClientRect();
        return {
          level: element.dataset.level!,
          price: Number(element.dataset.price),
          centre: rect.top + rect.height / 2,
          edge: element.dataset.edge ?? null,
          label: element.textContent ?? '',
          chart: element.closest<HTMLElement>('[data-chart]')?.dataset.chart ?? 'page',
        };
      })
    : [];
  const chartIndex = (chart: string) => {
    const number = Number(chart.split(':').pop());
    return Number.isInteger(number) ? number : undefined;
  };
  const misfit = levels
    .filter((level) => !level.edge)
    .map((level) => ({
      level: level.level,
      chart: level.chart,
      price: level.price,
      drawn: level.centre,
      expected: api.priceToY(level.price, chartIndex(level.chart)),
    }));
  const worst = misfit.reduce((max, item) => Math.max(max, Math.abs(item.drawn - item.expected)), 0);
  return { levels, worst, misfit };
}

/**
 * Waits until at least `expectedLevels` on-range lines are drawn and every one lies within the
 * tolerance of where the page's own chart API says its price is; throws with the last reading.
 */
export async function fitsWithin(
  page: Page,
  expectedLevels = 1,
  { api = 'chartApi', tolerancePx = 1.5, timeoutMs = 8000 }: { api?: string; tolerancePx?: number; timeoutMs?: number } = {},
): Promise<ReturnType<typeof misfits>> {
  let last: ReturnType<typeof misfits> | null = null;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    last = await page.evaluate(misfits, api);
    if (last.misfit.length >= expectedLevels && last.worst <= tolerancePx) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`lines are not within ${tolerancePx}px of ${api}.priceToY: ${JSON.stringify(last)}`);
}

/**
 * Makes `count` moves of the chart in the page (`moves`, page code, taken in turn), each in the frame
 * after the lines caught up with the last, and returns per move the frames until every on-range line
 * was within the tolerance of `api.priceToY`, or -1 when not within `maxFrames`. Moves come a few
 * frames apart: the readers follow the axis found between their full reads (at least every 400 ms).
 */
export async function framesToFollow(
  page: Page,
  moves: readonly string[],
  { count = 20, maxFrames = 8, tolerancePx = 1.5, api = 'chartApi', minLevels = 2 } = {},
): Promise<number[]> {
  return page.evaluate(
    ([misfitsSource, movesSource, options]) =>
      new Promise<number[]>((resolve) => {
        const misfit = new Function(`return ${misfitsSource}`)() as (api: string) => { worst: number; misfit: unknown[] };
        const steps = movesSource.map((source) => new Function(source) as () => void);
        const taken: number[] = [];
        let step = 0;
        let waited = 0;
        const check = () => {
          waited++;
          const reading = misfit(options.api);
          const fits = reading.misfit.length >= options.minLevels && reading.worst <= options.tolerancePx;
          if (fits || waited >= options.maxFrames) {
            taken.push(fits ? waited : -1);
            requestAnimationFrame(next);
          } else requestAnimationFrame(check);
        };
        const next = () => {
          if (step === options.count) return resolve(taken);
          steps[step % steps.length]();
          step++;
          waited = 0;
          requestAnimationFrame(check);
        };
        next();
      }),
    [misfits.toString(), moves, { count, maxFrames, tolerancePx, api, minLevels }] as const,
  );
}
