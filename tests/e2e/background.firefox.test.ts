/** The happy path in Firefox ESR: the background fetches from localhost through the custom URL and answers the CLI's levels. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { extensionPage, launchFirefoxWithExtension } from './helpers/firefox';
import { startServer, type TestServer } from './helpers/server';
import { projectRoot } from './helpers/paths';
import { ask } from './helpers/protocol';
import { levelsCommand } from './helpers/levels-cli';
import type { LevelsReply } from '../../lib/protocol';

const SPX_FILE = join(projectRoot, 'assets/sample/cboe-spx-2024-01-07.csv.gz');

describe('Firefox ESR: background worker with the custom-URL provider', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;

  beforeAll(async () => {
    const csv = gunzipSync(await readFile(SPX_FILE)).toString('utf8');
    server = await startServer({});
    server.route('/chains/SPX.csv', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/csv' });
      response.end(csv);
    });
    ({ browser } = await launchFirefoxWithExtension());
    // A new install opens the options page; the test talks to the background from there.
    page = await extensionPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('fetches from localhost and answers the flip and walls the levels command gives', async () => {
    const expected = await levelsCommand(SPX_FILE, ['--rate', '0.04', '--div', '0.013']);
    await ask(page, 'updateSettings', { provider: 'custom', customUrl: `${server.origin}/chains/{ticker}.csv`, ticker: 'SPX' });
    const reply = await ask<LevelsReply>(page, 'getLevels', {});
    expect(reply.status.lastError).toBeNull();
    expect(reply.levels?.flip).toBeCloseTo(expected.flip, 6);
    expect(reply.levels?.callWall).toBe(expected.callWall);
    expect(reply.levels?.putWall).toBe(expected.putWall);
    expect(server.requests).toContain('/chains/SPX.csv');
  });
});
