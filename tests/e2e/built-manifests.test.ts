/**
 * The builds as shipped: both manifests carry package.json's version (what `npm run zip` names its
 * packages by), and every permission, host and content-script site they hold is one PRIVACY.md
 * justifies (the test builds' local hosts aside), with Firefox's data-collection declaration as stated.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromeBuild, firefoxBuild, projectRoot } from './helpers/paths';
import { declaredFirefoxDataCollection, declaredPermissions } from '../unit/store/privacy-text';

interface BuiltManifest {
  version: string;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  browser_specific_settings?: { gecko?: { data_collection_permissions?: Record<string, string[]> } };
}

const TEST_HOSTS = ['http://localhost/*', 'http://127.0.0.1/*'];
const read = async (build: string) => JSON.parse(await readFile(join(build, 'manifest.json'), 'utf8')) as BuiltManifest;

describe('the built manifests', () => {
  it("carry package.json's version", async () => {
    const { version } = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
    for (const build of [chromeBuild, firefoxBuild]) expect((await read(build)).version, build).toBe(version);
  });

  it('ask only for what PRIVACY.md justifies', async () => {
    const declared = new Set(declaredPermissions());
    for (const build of [chromeBuild, firefoxBuild]) {
      const manifest = await read(build);
      const asked = [
        ...(manifest.permissions ?? []),
        ...(manifest.host_permissions ?? []),
        ...(manifest.optional_host_permissions ?? []),
        ...(manifest.optional_permissions ?? []),
        ...(manifest.content_scripts ?? []).flatMap((script) => script.matches),
      ].filter((entry) => !TEST_HOSTS.includes(entry));
      expect(
        asked.filter((entry) => !declared.has(entry)),
        build,
      ).toEqual([]);
    }
    expect((await read(firefoxBuild)).browser_specific_settings?.gecko?.data_collection_permissions).toEqual(
      declaredFirefoxDataCollection(),
    );
  });
});
