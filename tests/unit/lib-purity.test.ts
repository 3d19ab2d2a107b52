/** DESIGN.md's house rule: lib/ is pure TypeScript, no browser API, no globals for time or fetch. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const libDir = fileURLToPath(new URL('../../lib', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/\b(chrome|browser)\.(runtime|storage|tabs|alarms|scripting|permissions)\b/, 'extension API'],
  [/from ['"](wxt|wxt\/[^'"]*|@webext-core\/[^'"]*)['"]/, 'browser framework import'],
  [/\bdocument\.|\bwindow\./, 'DOM global'],
  [/\bDate\.now\(\)|new Date\(\)/, 'reads the clock (pass "now" in)'],
  [/(^|[^.\w])fetch\(/, 'global fetch (inject it)'],
];

describe('lib/ purity', () => {
  const files = sources(libDir);
  it('has source files to check', () => expect(files.length).toBeGreaterThan(5));
  for (const file of files) {
    it(file.slice(libDir.length + 1), () => {
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      const violations = FORBIDDEN.filter(([pattern]) => pattern.test(text)).map(([, what]) => what);
      expect(violations).toEqual([]);
    });
  }
});
