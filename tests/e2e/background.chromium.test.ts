/**
 * The service worker in real Chromium: fetches the SPX fixture from a localhost server through the
 * custom-URL provider, answers the same flip and walls as the levels command, keeps the last good
 * levels through a 500, an HTML page and a hang (naming each failure), and answers from its cache
 * after the browser stops and restarts the worker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromiumWithExtension, type ExtensionBrowser } from './helpers/chromium';
import { startServer, type TestServer } from './helpers/server';
import { pagesDir, projectRoot } from './helpers/paths';
import { ask } from './helpers/protocol';
import { levelsCommand } from './helpers/levels-cli';
import type { LevelsReply, FeedStatus } from '../../lib/protocol';

const SPX_FILE = join(projectRoot, 'assets/sample/cboe-spx-2024-01-07.csv.gz');

describe('Chromium: background worker with the custom-URL provider', () => {
  let browser: ExtensionBrowser;
  let server: TestServer;
  let page: Page;
  let spxCsv: string;
  let expected: Awaited<ReturnType<typeof levelsCommand>>;
  let good: LevelsReply;

  beforeAll(async () => {
    spxCsv = gunzipSync(await readFile(SPX_FILE)).toString('utf8');
    server = await startServer({ '/pages/': pagesDir });
    server.route('/chains/SPX.csv', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/csv' });
      response.end(spxCsv);
    });
    browser = await launchChromiumWithExtension();
    page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    // The CLI with the same rate and dividend the extension uses for SPX by default.
    expected = await levelsCommand(SPX_FILE, ['--rate', '0.04', '--div', '0.013']);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('fetches from localhost and answers the flip and walls the levels command gives', async () => {
    await ask(page, 'updateSettings', { provider: 'custom', customUrl: `${server.origin}/chains/{ticker}.csv`, ticker: 'SPX' });
    good = await ask<LevelsReply>(page, 'getLevels', {});
    expect(server.requests).toContain('/chains/SPX.csv');
    expect(good.levels?.flip).toBeCloseTo(expected.flip, 6);
    expect(good.levels?.callWall).toBe(expected.callWall);
    expect(good.levels?.putWall).toBe(expected.putWall);
    expect(good.source).toMatchObject({ provider: 'custom', underlying: 'SPX' });
    expect(good.stale).toBe(false);
  });

  it('keeps the last good levels when the server answers 500, then HTML, then hangs — on the chart too, marked stale', async () => {
    await ask(page, 'setSiteEnabled', { pattern: 'http://127.0.0.1/*', enabled: true });
    const chart = await browser.context.newPage();
    await chart.goto(`${server.origin}/pages/chart.html`);
    const chartState = () =>
      chart.evaluate(() => {
        const root = document.querySelector('gexmap-overlay')?.shadowRoot;
        return {
          lines: root?.querySelectorAll('[data-level]').length ?? 0,
          stale: root?.querySelector('.gx-lines')?.getAttribute('data-stale') ?? null,
        };
      });
    await expect.poll(chartState, { timeout: 10000 }).toEqual({ lines: 3, stale: 'false' });
    const failures: [string, (response: import('node:http').ServerResponse) => void, RegExp][] = [
      ['http', (response) => (response.writeHead(500), response.end('internal error')), /answered 500/],
      [
        'not-a-chain',
        (response) => (
          response.writeHead(200, { 'content-type': 'text/html' }),
          response.end('<!DOCTYPE html><html><head><title>Login required</title></head></html>')
        ),
        /HTML page \("Login required"\)/,
      ],
      ['timeout', () => undefined /* never answers */, /no answer from 127\.0\.0\.1:\d+ within 20 s/],
    ];
    for (const [kind, answer, message] of failures) {
      server.route('/chains/SPX.csv', (_request, response) => answer(response));
      const status = await ask<FeedStatus>(page, 'refresh', {});
      expect(status.lastError?.kind).toBe(kind);
      expect(status.lastError?.message).toMatch(message);
      const reply = await ask<LevelsReply>(page, 'getLevels', {});
      expect(reply.levels?.flip).toBe(good.levels?.flip);
      expect(reply.levels?.callWall).toBe(good.levels?.callWall);
      expect(reply.source?.fetchedAt).toBe(good.source?.fetchedAt);
      expect(reply.stale).toBe(true);
      expect(reply.status.lastError?.kind).toBe(kind);
      await expect.poll(chartState, { timeout: 10000 }).toEqual({ lines: 3, stale: 'true' });
    }
    await chart.close();
  }, 90000);

  it('answers from its cache after the worker is stopped and restarted', async () => {
    const before = await ask<{ startedAt: number }>(page, 'hello', { client: 'e2e' });
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const requestsBefore = server.requests.length;
    const after = await ask<{ startedAt: number }>(page, 'hello', { client: 'e2e' });
    expect(after.startedAt).toBeGreaterThan(before.startedAt);
    const reply = await ask<LevelsReply>(page, 'getLevels', {});
    expect(reply.levels?.flip).toBe(good.levels?.flip);
    expect(reply.levels?.putWall).toBe(good.levels?.putWall);
    expect(reply.status.lastError?.kind).toBe('timeout');
    // Filters recompute from the chain kept in IndexedDB, still without a request.
    const zeroDte = await ask<LevelsReply>(page, 'getLevels', { expiry: '0dte' });
    expect(zeroDte.levels?.zeroDteShare).toBeCloseTo(1, 9);
    expect(server.requests.length).toBe(requestsBefore);
  });
});
