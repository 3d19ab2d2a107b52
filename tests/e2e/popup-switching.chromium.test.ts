/**
 * Fast ticker switching in the popup: the ticker chosen last wins, whichever answer comes last. The
 * local data host holds one ticker's chain until the test lets it go, so an earlier request answers
 * after a later one — the order a slow first fetch and a cached second one give a trader every day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromiumWithExtension, type ExtensionBrowser } from './helpers/chromium';
import { startServer, type TestServer } from './helpers/server';
import { projectRoot } from './helpers/paths';
import { ask } from './helpers/protocol';
import type { LevelsReply } from '../../lib/protocol';
import { formatPrice } from '../../lib/format/numbers';

const FILES = {
  SPX: 'assets/sample/cboe-spx-2024-01-07.csv.gz',
  SPY: 'tests/fixtures/cboe-spy-2023-09-14.csv.gz',
  NVDA: 'tests/fixtures/cboe-nvda-2025-01-06.csv.gz',
};

describe('Chromium: popup ticker switching', () => {
  let browser: ExtensionBrowser;
  let server: TestServer;
  let popup: Page;
  /** Lets the held SPY chain go. */
  let releaseSpy = () => {};
  const spyReleased = new Promise<void>((resolve) => (releaseSpy = resolve));

  beforeAll(async () => {
    server = await startServer({});
    for (const [ticker, file] of Object.entries(FILES)) {
      const body = gunzipSync(await readFile(join(projectRoot, file))).toString('utf8');
      server.route(`/chains/${ticker}.csv`, async (_request, response) => {
        if (ticker === 'SPY') await spyReleased;
        response.writeHead(200, { 'content-type': 'text/csv' });
        response.end(body);
      });
    }
    browser = await launchChromiumWithExtension();
    popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 420, height: 900 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await ask(popup, 'updateSettings', {
      provider: 'custom',
      customUrl: `${server.origin}/chains/{ticker}.csv`,
      ticker: 'SPX',
      expiryFilter: 'all',
    });
    await popup.reload();
  });
  afterAll(async () => {
    releaseSpy();
    await browser?.close();
    await server?.close();
  });

  const choose = async (ticker: string) => {
    await popup.getByLabel('Ticker', { exact: true }).fill(ticker);
    await popup.getByLabel('Ticker', { exact: true }).press('Enter');
  };
  const spotOf = async (ticker: string) => {
    const reply = await ask<LevelsReply>(popup, 'getLevels', { ticker });
    return formatPrice(reply.levels!.spot);
  };

  it('ends on the ticker chosen last when an earlier choice answers after it', async () => {
    await expect.poll(() => popup.getByTestId('spot').textContent(), { timeout: 15000 }).toBe('4,697.24');
    await expect.poll(() => popup.getByTestId('card-title').textContent(), { timeout: 5000 }).toContain('SPX');

    // SPY is asked first and held at the data host; NVDA is asked next and answers at once.
    await choose('SPY');
    await expect.poll(() => server.requests.includes('/chains/SPY.csv'), { timeout: 10000 }).toBe(true);
    await choose('NVDA');
    const nvdaSpot = await spotOf('NVDA');
    await expect.poll(() => popup.getByTestId('spot').textContent(), { timeout: 15000 }).toBe(nvdaSpot);

    // Now SPY's answer comes, after NVDA's.
    releaseSpy();
    await expect
      .poll(async () => (await ask<LevelsReply>(popup, 'getLevels', { ticker: 'SPY' })).levels !== null, { timeout: 15000 })
      .toBe(true);
    // The popup gets SPY's late answer within a round trip or two; it must not take the card over.
    for (let look = 0; look < 10; look++) {
      await popup.waitForTimeout(150);
      expect(await popup.getByTestId('spot').textContent()).toBe(nvdaSpot);
    }
    expect((await ask<{ ticker: string }>(popup, 'getSettings', undefined)).ticker).toBe('NVDA');
    expect(await popup.getByTestId('card-title').textContent()).toContain('NVDA');
  });

  it('after ten switches in a row, shows the last one', async () => {
    const order = ['SPX', 'NVDA', 'SPY', 'SPX', 'NVDA', 'SPX', 'SPY', 'NVDA', 'SPY', 'SPX'];
    for (const ticker of order) await choose(ticker);
    const last = order[order.length - 1];
    const lastSpot = await spotOf(last);
    await expect.poll(() => popup.getByTestId('spot').textContent(), { timeout: 15000 }).toBe(lastSpot);
    await expect.poll(() => popup.getByTestId('card-title').textContent(), { timeout: 5000 }).toContain(last);
    expect((await ask<{ ticker: string }>(popup, 'getSettings', undefined)).ticker).toBe(last);
  });
});
