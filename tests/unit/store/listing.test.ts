/**
 * The store listing within the stores' limits: the short description is the manifest's description
 * (Chrome shows it as the summary) in at most 132 characters, AMO's summary in at most 250, and every
 * screenshot the listing names is a 1280×800 PNG in docs/store/screenshots.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { manifestFor } from '../../../wxt.manifest';
import { pngSize } from './png';

const storeDir = fileURLToPath(new URL('../../../docs/store/', import.meta.url));
const listing = readFileSync(`${storeDir}listing.md`, 'utf8');

/** The paragraph under a `## heading` of the listing. */
function section(heading: string): string {
  const start = listing.indexOf(`## ${heading}\n`);
  if (start < 0) throw new Error(`listing.md has no "## ${heading}"`);
  const body = listing.slice(start + heading.length + 4);
  return body.slice(0, body.search(/\n## |$/)).trim();
}

describe('the store listing', () => {
  it("uses the manifest's description as its short description, within Chrome's 132 characters", () => {
    const short = section('Short description');
    for (const browser of ['chrome', 'firefox']) expect(manifestFor({ browser, localHosts: false }).description).toBe(short);
    expect(short.length).toBeLessThanOrEqual(132);
  });

  it("keeps AMO's summary within 250 characters and gives a long description", () => {
    expect(section('AMO summary').length).toBeLessThanOrEqual(250);
    const long = section('Long description');
    expect(long.startsWith('```text\n') && long.endsWith('\n```')).toBe(true);
    expect(long.length).toBeGreaterThan(500);
  });

  it('names screenshots that are there, each 1280×800, and no others', () => {
    const named = [...section('Screenshots (1280×800)').matchAll(/`screenshots\/([^`]+\.png)`/g)].map((match) => match[1]);
    expect(named.length).toBeGreaterThanOrEqual(3);
    expect(readdirSync(`${storeDir}screenshots`).sort()).toEqual([...named].sort());
    for (const file of named) {
      expect(existsSync(`${storeDir}screenshots/${file}`), file).toBe(true);
      expect(pngSize(readFileSync(`${storeDir}screenshots/${file}`)), file).toEqual({ width: 1280, height: 800 });
    }
  });
});
