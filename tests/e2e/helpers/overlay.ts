/** Reads the overlay's drawn levels (the test contract: data-level, data-price, vertical centre). */
export interface DrawnLevel {
  level: string;
  price: number;
  centre: number;
  edge: string | null;
  label: string;
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
    };
  });
}

export interface Misfit {
  level: string;
  price: number;
  drawn: number;
  expected: number;
}

/** Runs in the page: each in-range level's distance from where the chart library says its price is. */
export function misfits(apiName: string): { levels: DrawnLevel[]; worst: number; misfit: Misfit[] } {
  const api = (window as unknown as Record<string, { priceToY(price: number): number }>)[apiName];
  const root = document.querySelector('gexmap-overlay')?.shadowRoot;
  const levels = root
    ? [...root.querySelectorAll<HTMLElement>('[data-level]')].map((element) => {
        const rect = element.getBoundingClientRect();
        return { level: element.dataset.level!, price: Number(element.dataset.price), centre: rect.top + rect.height / 2, edge: element.dataset.edge ?? null, label: element.textContent ?? '' };
      })
    : [];
  const misfit = levels.filter((level) => !level.edge).map((level) => ({ level: level.level, price: level.price, drawn: level.centre, expected: api.priceToY(level.price) }));
  const worst = misfit.reduce((max, item) => Math.max(max, Math.abs(item.drawn - item.expected)), 0);
  return { levels, worst, misfit };
}
