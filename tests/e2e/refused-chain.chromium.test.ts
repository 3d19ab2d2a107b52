/**
 * A refused chain in real Chromium: the local server (the custom-URL provider) serves a good SPX chain,
 * then the same chain cut off mid-row. The popup shows why the new chain was refused, in the words the
 * `levels` command uses; the popup and an open chart keep the last good levels; "Use this chain anyway"
 * switches both to the cut chain's levels, as `levels --accept` computes them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromiumWithExtension, type ExtensionBrowser } from './helpers/chromium';
import { startServer, type TestServer } from './helpers/server';
import { pagesDir, projectRoot } from './helpers/paths';
import { ask } from './helpers/protocol';
import { levelsCommand } from './helpers/levels-cli';
import { misfits } from './helpers/overlay';
import { runLevelsCommand } from '../../scripts/levels-command';
import { formatPrice } from '../../lib/format/numbers';

const SPX_FILE = join(projectRoot, 'assets/sample/cboe-spx-2024-01-07.csv.gz');
const RATES = ['--rate', '0.04', '--div', '0.013'];

describe('Chromium: a refused chain', () => {
  let browser: ExtensionBrowser;
  let server: TestServer;
  let popup: Page;
  let work: string;
  let body: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'gexmap-refused-'));
    server = await startServer({ '/pages/': pagesDir });
    body = gunzipSync(await readFile(SPX_FILE)).toString('utf8');
    server.route('/chains/SPX.csv', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/csv' });
      response.end(body);
    });
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
    await ask(popup, 'setSiteEnabled', { pattern: 'http://127.0.0.1/*', enabled: true });
    await popup.reload();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  const chartFlip = async (chart: Page) =>
    (await chart.evaluate(misfits, 'chartApi')).levels.find((level) => level.level === 'flip')?.price.toFixed(4);

  it('shows the refusal and keeps the last good levels; "Use this chain anyway" switches to the new ones', async () => {
    const good = await levelsCommand(SPX_FILE, RATES);
    const chart = await browser.context.newPage();
    await chart.goto(`${server.origin}/pages/chart.html`);
    await expect.poll(() => popup.getByTestId('flip').textContent(), { timeout: 10000 }).toBe(formatPrice(good.flip, 1));
    await expect.poll(() => chartFlip(chart), { timeout: 10000 }).toBe(good.flip.toFixed(4));

    // The next chain is the same file cut off inside a row, about a third of the way through (the call
    // wall of what is left is 4700, not 4800).
    const whole = body;
    body = whole.slice(0, whole.indexOf('\n', Math.floor(whole.length * 0.3)) + 40);
    const cutFile = join(work, 'spx-cut.csv');
    await writeFile(cutFile, body);
    const refusedByCli = runLevelsCommand([cutFile]);
    expect(refusedByCli.code).toBe(2);
    const reason = refusedByCli.stderr.slice(`levels: ${cutFile}: `.length, -1);
    expect(reason).toMatch(/^looks cut off: the last row, line \d+, has \d+ of 22 fields$/);
    const accepted = await levelsCommand(cutFile, [...RATES, '--accept']);
    expect(formatPrice(accepted.flip, 1)).not.toBe(formatPrice(good.flip, 1));
    expect(accepted.callWall).not.toBe(good.callWall);

    await popup.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => popup.getByTestId('refused-reason').textContent(), { timeout: 10000 }).toBe(`Why: ${reason}.`);
    expect(await popup.getByTestId('refused-shown').textContent()).toMatch(
      /^Still shown: the last good levels, as of .+ \(\d+(m|h \d\dm|d \d+h) ago\)\.$/,
    );
    expect(await popup.getByTestId('flip').textContent()).toBe(formatPrice(good.flip, 1));
    expect(await popup.getByTestId('error').count()).toBe(0); // the card says it; no second message
    // The chart heard of the refusal and kept its lines.
    await chart.waitForTimeout(500);
    expect(await chartFlip(chart)).toBe(good.flip.toFixed(4));

    await popup.getByRole('button', { name: 'Use this chain anyway' }).click();
    await expect.poll(() => popup.getByTestId('flip').textContent(), { timeout: 10000 }).toBe(formatPrice(accepted.flip, 1));
    expect(await popup.getByTestId('call-wall').textContent()).toBe(formatPrice(accepted.callWall, 0));
    expect(await popup.getByTestId('put-wall').textContent()).toBe(formatPrice(accepted.putWall, 0));
    expect(await popup.getByTestId('refused').count()).toBe(0);
    await expect.poll(() => chartFlip(chart), { timeout: 10000 }).toBe(accepted.flip.toFixed(4));

    // The accepted chain is now the one the next is judged against; a whole chain passes and clears nothing left.
    body = whole;
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => popup.getByTestId('flip').textContent(), { timeout: 10000 }).toBe(formatPrice(good.flip, 1));
    expect(await popup.getByTestId('refused').count()).toBe(0);
    await chart.close();
  });
});
