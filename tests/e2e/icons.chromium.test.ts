/** The committed icons are what their SVG sources render to (npm run icons): an SVG changed without its PNGs fails here. */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from './helpers/paths';
import { decodePng } from '../unit/store/png';

const run = promisify(execFile);

describe('the icons', () => {
  it('render from assets/icon/*.svg to the committed PNGs', async () => {
    const out = await mkdtemp(join(tmpdir(), 'gexmap-icons-'));
    await run(join(projectRoot, 'node_modules/.bin/tsx'), ['scripts/render-icons.ts', '--out', out], { cwd: projectRoot });
    for (const size of [16, 32, 48, 128]) {
      const committed = decodePng(await readFile(join(projectRoot, `assets/icon/${size}.png`)));
      const rendered = decodePng(await readFile(join(out, `${size}.png`)));
      expect([rendered.width, rendered.height]).toEqual([committed.width, committed.height]);
      // Anti-aliasing may differ by a few levels between Chromium builds; a changed drawing differs by far more.
      let worst = 0;
      for (let i = 0; i < committed.rgba.length; i++) worst = Math.max(worst, Math.abs(committed.rgba[i] - rendered.rgba[i]));
      expect(worst, `${size}.png`).toBeLessThanOrEqual(24);
    }
  });
});
