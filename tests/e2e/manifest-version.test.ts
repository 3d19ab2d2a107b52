/** The builds carry package.json's version (what `npm run zip` names its packages by). */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromeBuild, firefoxBuild, projectRoot } from './helpers/paths';

describe('the built manifests', () => {
  it("carry package.json's version", async () => {
    const { version } = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
    for (const build of [chromeBuild, firefoxBuild]) {
      const manifest = JSON.parse(await readFile(join(build, 'manifest.json'), 'utf8')) as { version: string };
      expect(manifest.version, build).toBe(version);
    }
  });
});
