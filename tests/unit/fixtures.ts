import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const FIXTURES = {
  spx: 'cboe-spx-2024-01-07.csv',
  spy: 'cboe-spy-2023-09-14.csv',
  nvda: 'cboe-nvda-2025-01-06.csv',
  spyJson: 'cboe-delayed-spy-2022-03.json',
} as const;

const cache = new Map<string, string>();

/** The text of a real fixture from tests/fixtures (stored gzipped, unedited). */
export function fixtureText(name: string): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  // The SPX snapshot doubles as the bundled sample and lives once, in assets/sample/.
  const folder = name === FIXTURES.spx ? '../../assets/sample' : '../fixtures';
  const path = fileURLToPath(new URL(`${folder}/${name}.gz`, import.meta.url));
  const text = gunzipSync(readFileSync(path)).toString('utf8');
  cache.set(name, text);
  return text;
}
