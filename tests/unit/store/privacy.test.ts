/**
 * PRIVACY.md says what the packages ask for and keep: every permission of both store manifests has its
 * row (and no row names a permission they do not ask for), Firefox's data-collection declaration is the
 * manifest's, and the storage bounds it states are the code's.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { manifestFor } from '../../../wxt.manifest';
import { EVICT_AFTER_MS } from '../../../lib/service/feeds';
import { declaredFirefoxDataCollection, declaredPermissions, privacyText } from './privacy-text';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const source = (file: string) => readFileSync(`${root}${file}`, 'utf8');

/** A constant's value as written in its source, e.g. `48 * 1024 * 1024` (evaluated: digits and * only). */
function constantIn(file: string, name: string): number {
  const match = new RegExp(`const ${name} = ([\\d\\s*]+);`).exec(source(file));
  if (!match) throw new Error(`${name} not found in ${file}`);
  return match[1].split('*').reduce((product, factor) => product * Number(factor.trim()), 1);
}

/** The static content scripts' matches, from the entrypoints that declare them. */
function contentScriptMatches(): string[] {
  return ['entrypoints/overlay.content/index.ts', 'entrypoints/chart-bridge.content/index.ts'].flatMap((file) =>
    [...(/matches: \[([^\]]*)\]/.exec(source(file))?.[1] ?? '').matchAll(/'([^']+)'/g)].map((match) => match[1]),
  );
}

describe('PRIVACY.md', () => {
  const declared = declaredPermissions();

  it("has a row for every permission and host of both store manifests and the content scripts' sites, and none more", () => {
    const asked = new Set<string>(contentScriptMatches());
    for (const browser of ['chrome', 'firefox']) {
      const manifest = manifestFor({ browser, localHosts: false });
      for (const entry of [
        ...manifest.permissions,
        ...manifest.host_permissions,
        ...manifest.optional_host_permissions,
        ...manifest.optional_permissions,
      ])
        asked.add(entry);
    }
    expect([...new Set(declared)].sort()).toEqual([...asked].sort());
  });

  it("states Firefox's data-collection declaration as the manifest has it", () => {
    const firefox = manifestFor({ browser: 'firefox', localHosts: false }) as {
      browser_specific_settings: { gecko: { data_collection_permissions: Record<string, string[]> } };
    };
    expect(declaredFirefoxDataCollection()).toEqual(firefox.browser_specific_settings.gecko.data_collection_permissions);
  });

  it("gives the storage bounds the code keeps: the chains' budget, the week, 60 sessions, 400 path points, 100 alerts", () => {
    const text = privacyText();
    expect(text).toContain(`**${constantIn('lib/service/feeds.ts', 'STORAGE_BUDGET_BYTES') / 1024 / 1024} MB budget**`);
    expect(EVICT_AFTER_MS).toBe(7 * 24 * 3600 * 1000);
    expect(text).toContain('**a week**');
    expect(text).toContain(`**at most ${constantIn('lib/gex/history.ts', 'HISTORY_SESSIONS')} sessions**`);
    expect(text).toContain(`up to ${constantIn('lib/gex/history.ts', 'PATH_POINTS')} points`);
    expect(text).toContain(`**the last ${constantIn('lib/alerts/alert-log.ts', 'ALERT_LOG_SIZE')}**`);
  });
});
