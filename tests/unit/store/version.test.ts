/**
 * One version: package.json's (which WXT stamps into both manifests and `npm run zip` into the package
 * names), the latest release in CHANGELOG.md, and the lock file's. The changelog in Keep a Changelog form.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { manifestFor } from '../../../wxt.manifest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (file: string) => readFileSync(`${root}${file}`, 'utf8');
const packageVersion = (JSON.parse(read('package.json')) as { version: string }).version;

const SECTIONS = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'];
const RELEASE = /^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$/;

/** The changelog's second-level headings, each with the third-level headings under it. */
function releases(text: string) {
  const found: { heading: string; sections: string[] }[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('## ')) found.push({ heading: line, sections: [] });
    else if (line.startsWith('### ')) found.at(-1)?.sections.push(line.slice(4));
  }
  return found;
}

const semver = (version: string) => version.split('.').map(Number);
const before = (a: string, b: string) => {
  const [x, y] = [semver(a), semver(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i];
  return false;
};

describe('the version', () => {
  it('is a plain X.Y.Z, what a browser takes as a manifest version (no pre-release tail to drop)', () => {
    expect(packageVersion).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('is the latest release in CHANGELOG.md', () => {
    const [unreleased, latest] = releases(read('CHANGELOG.md'));
    expect(unreleased.heading).toBe('## [Unreleased]');
    expect(latest.heading).toMatch(RELEASE);
    expect(RELEASE.exec(latest.heading)![1]).toBe(packageVersion);
  });

  it("is the lock file's", () => {
    const lock = JSON.parse(read('package-lock.json')) as { version: string; packages: Record<string, { version?: string }> };
    expect([lock.version, lock.packages[''].version]).toEqual([packageVersion, packageVersion]);
  });

  it("is left to WXT, which writes package.json's into the manifest (no version of its own in wxt.manifest.ts)", () => {
    for (const browser of ['chrome', 'firefox']) expect(manifestFor({ browser, localHosts: false })).not.toHaveProperty('version');
  });
});

describe('CHANGELOG.md', () => {
  const all = releases(read('CHANGELOG.md'));
  const dated = all.slice(1);

  it('lists releases newest first, each with its date and only the sections Keep a Changelog names', () => {
    expect(dated.length).toBeGreaterThanOrEqual(1);
    for (const release of dated) {
      const match = RELEASE.exec(release.heading);
      expect(match, release.heading).not.toBeNull();
      expect(Number.isNaN(Date.parse(match![2])), release.heading).toBe(false);
      expect(release.sections.length, release.heading).toBeGreaterThan(0);
      expect(
        release.sections.filter((section) => !SECTIONS.includes(section)),
        release.heading,
      ).toEqual([]);
    }
    for (let i = 1; i < dated.length; i++) {
      const [newer, older] = [RELEASE.exec(dated[i - 1].heading)!, RELEASE.exec(dated[i].heading)!];
      expect(before(older[1], newer[1]), `${older[1]} before ${newer[1]}`).toBe(true);
      expect(older[2] <= newer[2], `${older[2]} not after ${newer[2]}`).toBe(true);
    }
  });
});
