/**
 * The Firefox sources package AMO reviews builds the same extension: `wxt zip -b firefox` (what
 * `npm run zip` runs) into a scratch folder, its sources unpacked elsewhere and built there with
 * BUILDING.md's commands, and the two builds compared file by file. (Here the unpacked sources get
 * this checkout's installed dependencies, the tree `npm ci` makes from the same lock file, since tests
 * reach no registry.)
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from './helpers/paths';
import { unzip } from './helpers/unzip';

const run = promisify(execFile);
/**
 * A store build, as from a shell: no test hosts, and none of the test runner's variables (Vitest sets
 * NODE_ENV=test, which would build the libraries' development code).
 */
const env = Object.fromEntries(
  Object.entries({ ...process.env, GEXMAP_TEST_HOSTS: '' }).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')),
);

async function filesUnder(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, Buffer>();
  for (const entry of entries.filter((candidate) => candidate.isFile())) {
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), await readFile(path));
  }
  return files;
}

describe('the Firefox sources package', () => {
  it('rebuilds, with the commands BUILDING.md gives, the same extension file for file', { timeout: 240000 }, async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'gexmap-sources-'));
    try {
      const out = join(scratch, 'out');
      const zip = `import { zip } from 'wxt'; await zip({ browser: 'firefox', outDir: ${JSON.stringify(out)} });`;
      await run(process.execPath, ['--input-type=module', '-e', zip], { cwd: projectRoot, env, timeout: 180000 });
      const { version } = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
      const sources = unzip(await readFile(join(out, `gexmap-${version}-sources.zip`)));

      // What reviewers get: the build's inputs and the instructions, none of the rest.
      const names = [...sources.keys()];
      expect(names).toEqual(expect.arrayContaining(['BUILDING.md', 'PRIVACY.md', 'package.json', 'package-lock.json', 'wxt.config.ts']));
      expect(names.filter((name) => /^(tests|bench|demo|docs|node_modules|\.output|\.wxt)\//.test(name))).toEqual([]);
      const building = sources.get('BUILDING.md')!.toString('utf8');
      expect(building).toContain('npm ci --no-audit --no-fund');
      expect(building).toContain('npm run build:firefox');
      expect(JSON.parse(sources.get('package.json')!.toString('utf8')).scripts['build:firefox']).toBe('wxt build -b firefox');

      const source = join(scratch, 'src');
      for (const [name, content] of sources) {
        await mkdir(dirname(join(source, name)), { recursive: true });
        await writeFile(join(source, name), content);
      }
      await symlink(join(projectRoot, 'node_modules'), join(source, 'node_modules'), 'dir');
      const wxt = join(source, 'node_modules/.bin/wxt');
      await run(wxt, ['prepare'], { cwd: source, env, timeout: 120000 }); // npm ci's postinstall
      await run(wxt, ['build', '-b', 'firefox'], { cwd: source, env, timeout: 180000 }); // npm run build:firefox

      const submitted = await filesUnder(join(out, 'firefox-mv3'));
      const rebuilt = await filesUnder(join(source, '.output/firefox-mv3'));
      expect([...rebuilt.keys()].sort()).toEqual([...submitted.keys()].sort());
      expect([...submitted].filter(([name, content]) => !content.equals(rebuilt.get(name)!)).map(([name]) => name)).toEqual([]);
      expect(submitted.size).toBeGreaterThan(10);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
});
