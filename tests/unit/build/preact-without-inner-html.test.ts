/** The build's Preact has no innerHTML write: the dangerouslySetInnerHTML branch throws instead. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { withoutInnerHtml } from '../../../scripts/build/preact-without-inner-html';

const require = createRequire(import.meta.url);
const preactModule = require.resolve('preact').replace(/preact\.js$/, 'preact.module.js');

describe("Preact's renderer as bundled", () => {
  const original = readFileSync(preactModule, 'utf8');

  it('writes innerHTML only as the empty string once the branch is gone (the installed Preact)', () => {
    expect(original).toMatch(/\w+\.innerHTML\s*=\s*\w+\.__html/);
    const built = withoutInnerHtml(original, preactModule);
    const writes = [...built.matchAll(/\.innerHTML\s*=\s*([^=][^,;)]*)/g)].map((match) => match[1].trim());
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((value) => value === '""')).toBe(true);
    expect(built).toContain('dangerouslySetInnerHTML is not supported');
  });

  it('stops the build when Preact no longer has the expected shape', () => {
    expect(() => withoutInnerHtml('function render(){}', 'preact.module.js')).toThrow(/found 0; update scripts\/build/);
    expect(() => withoutInnerHtml('(a.innerHTML=b.__html);(c.innerHTML=d.__html)', 'preact.module.js')).toThrow(/found 2/);
  });
});
