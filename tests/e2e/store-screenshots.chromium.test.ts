/** `npm run store:screenshots` (after the build): the four store shots at 1280×800, from the demo chart with the sample's levels. */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './helpers/paths';
import { decodePng } from '../unit/store/png';

describe('npm run store:screenshots', () => {
  it('writes each screenshot at 1280×800, the chart with its lines and the popup over it', async () => {
    const out = await mkdtemp(join(tmpdir(), 'gexmap-store-'));
    // npm test has just built the extension (with the local hosts the demo page needs).
    const { stdout } = await promisify(execFile)(
      join(projectRoot, 'node_modules/.bin/tsx'),
      ['scripts/store-screenshots.ts', '--out', out],
      {
        cwd: projectRoot,
        timeout: 120000,
      },
    );
    const files = (await readdir(out)).sort();
    expect(files).toEqual(['1-chart-levels.png', '2-popup-levels.png', '3-popup-heatmap.png', '4-popup-checklist.png']);
    for (const file of files) {
      expect(stdout).toContain(join(out, file));
      const pixels = decodePng(await readFile(join(out, file)));
      expect([pixels.width, pixels.height], file).toEqual([1280, 800]);
      // Not a blank page: many distinct colours (lines, candles, text).
      const colours = new Set<number>();
      for (let i = 0; i < pixels.rgba.length; i += 4 * 97)
        colours.add((pixels.rgba[i] << 16) | (pixels.rgba[i + 1] << 8) | pixels.rgba[i + 2]);
      expect(colours.size, file).toBeGreaterThan(200);
    }
  });
});
