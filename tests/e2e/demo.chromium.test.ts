/** The README's "run" command in screenshot mode: a non-empty PNG, with the levels drawn in the page's DOM. */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './helpers/paths';

describe('npm run demo -- --screenshot', () => {
  it('writes a screenshot of the demo chart with the sample levels drawn', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'gexmap-demo-')), 'demo.png');
    // npm test has just built the extension; the demo script itself is what `npm run demo` runs after building.
    const { stdout } = await promisify(execFile)(join(projectRoot, 'node_modules/.bin/tsx'), ['scripts/demo.ts', '--screenshot', file], {
      cwd: projectRoot,
      timeout: 90000,
    });
    expect(stdout).toMatch(/levels drawn on http:\/\/127\.0\.0\.1:\d+\/index\.html: flip 47\d\d\.\d, call-wall 4800\.0, put-wall 4700\.0/);
    expect(stdout).toContain(`screenshot written to ${file}`);
    const png = await readFile(file);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.length).toBeGreaterThan(20000);
  });
});
