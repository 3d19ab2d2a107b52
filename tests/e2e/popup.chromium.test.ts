/**
 * The popup and options page in real Chromium, driven as a trader would: ticker and expiry switches
 * reach an open chart tab, the checklist matches the levels, keyboard-only use, file import (good and
 * bad), and options that survive a browser restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
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
import { sessionChecklist } from '../../lib/gex/checklist';
import type { LevelsReply } from '../../lib/protocol';

const SPX_FILE = join(projectRoot, 'assets/sample/cboe-spx-2024-01-07.csv.gz');
const SPY_FILE = join(projectRoot, 'tests/fixtures/cboe-spy-2023-09-14.csv.gz');
const NVDA_FILE = join(projectRoot, 'tests/fixtures/cboe-nvda-2025-01-06.csv.gz');
const RATES = ['--rate', '0.04', '--div', '0.013'];

describe('Chromium: popup and options', () => {
  let browser: ExtensionBrowser;
  let server: TestServer;
  let popup: Page;
  let work: string;

  const openPopup = async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 420, height: 900 });
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    return page;
  };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'gexmap-popup-'));
    server = await startServer({ '/pages/': pagesDir });
    for (const [path, file] of [
      ['/chains/SPX.csv', SPX_FILE],
      ['/chains/SPY.csv', SPY_FILE],
    ]) {
      const body = gunzipSync(await readFile(file)).toString('utf8');
      server.route(path, (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/csv' });
        response.end(body);
      });
    }
    browser = await launchChromiumWithExtension();
    popup = await openPopup();
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
  });

  it('switching ticker and expiry changes the summary and the lines on an open chart tab', async () => {
    const spy = await levelsCommand(SPY_FILE, RATES);
    const spyZeroDte = await levelsCommand(SPY_FILE, [...RATES, '--expiry', '0dte']);
    const chart = await browser.context.newPage();
    await chart.goto(`${server.origin}/pages/chart.html`);
    await expect.poll(async () => (await chart.evaluate(misfits, 'chartApi')).levels.length, { timeout: 10000 }).toBe(3);
    await expect.poll(() => popup.getByTestId('spot').textContent(), { timeout: 10000 }).toBe('4,697.24');

    await popup.getByLabel('Ticker', { exact: true }).fill('spy');
    await popup.getByLabel('Ticker', { exact: true }).press('Enter');
    await expect.poll(() => popup.getByTestId('spot').textContent(), { timeout: 10000 }).toBe('450.81');
    expect(await popup.getByTestId('flip').textContent()).toBe(spy.flip.toFixed(1));
    // The flip's model band, as the CLI gives it: "(447–454 across 4 models)".
    const counted = spy.flipModels.filter((model) => model.flip !== null).length;
    expect(await popup.getByTestId('flip-band').textContent()).toBe(
      ` (${Math.round(spy.flipBand!.low)}–${Math.round(spy.flipBand!.high)} across ${counted} models)`,
    );
    // A chart priced like SPY gets SPY's lines; the SPX-priced chart is not read as SPY (no axis near 450).
    const spyChart = await browser.context.newPage();
    await spyChart.goto(`${server.origin}/pages/chart.html?low=440&high=465&step=5`);
    await expect
      .poll(async () => (await spyChart.evaluate(misfits, 'chartApi')).levels.find((level) => level.level === 'flip')?.price.toFixed(4), {
        timeout: 10000,
      })
      .toBe(spy.flip.toFixed(4));
    expect((await spyChart.evaluate(misfits, 'chartApi')).worst).toBeLessThanOrEqual(1.5);
    await expect.poll(async () => (await chart.evaluate(misfits, 'chartApi')).levels.length, { timeout: 10000 }).toBe(0);

    await popup.getByLabel('Expiry', { exact: true }).selectOption('0dte');
    await expect.poll(() => popup.getByTestId('flip').textContent(), { timeout: 10000 }).toBe(spyZeroDte.flip.toFixed(1));
    expect(await popup.getByTestId('zero-dte').textContent()).toMatch(/^100\.0% \(0DTE, 2023-09-15\)/);
    await expect
      .poll(async () => (await spyChart.evaluate(misfits, 'chartApi')).levels.find((level) => level.level === 'flip')?.price.toFixed(4), {
        timeout: 10000,
      })
      .toBe(spyZeroDte.flip.toFixed(4));
    await spyChart.close();

    // Back to SPX, all expiries, for the tests that follow.
    await popup.getByLabel('Expiry', { exact: true }).selectOption('all');
    await popup.getByRole('button', { name: 'SPX', exact: true }).click();
    await expect.poll(() => popup.getByTestId('spot').textContent(), { timeout: 10000 }).toBe('4,697.24');
    await chart.close();
  });

  it('shows checklist verdicts that match the levels', async () => {
    const reply = await ask<LevelsReply>(popup, 'getLevels', {});
    const expected = sessionChecklist(reply.levels!, reply.ivShift);
    const shown = await popup
      .getByTestId('checklist')
      .locator('li')
      .evaluateAll((items) =>
        items.map((item) => ({ id: item.getAttribute('data-item'), verdict: item.getAttribute('data-verdict'), text: item.textContent })),
      );
    expect(shown.map(({ id, verdict }) => ({ id, verdict }))).toEqual(expected.map(({ id, verdict }) => ({ id, verdict })));
    // SPX sample: negative gamma is flagged, and the walls are named with their distance from spot.
    expect(shown.find((item) => item.id === 'regime')?.verdict).toBe('alert');
    expect(shown.find((item) => item.id === 'levels')?.text).toContain(`call wall ${reply.levels!.callWall} (+102.8)`);
  });

  it('copies the levels for TradingView and as CSV', async () => {
    // The clipboard cannot be read back in a headless test: record what the popup writes to it.
    await popup.evaluate(() => {
      const written: string[] = [];
      (window as unknown as { written: string[] }).written = written;
      navigator.clipboard.writeText = async (text: string) => void written.push(text);
    });
    const reply = await ask<LevelsReply>(popup, 'getLevels', {});
    await popup.getByRole('button', { name: 'Copy for TradingView' }).click();
    await expect.poll(() => popup.getByTestId('notice').textContent()).toBe('Price list for TradingView copied.');
    await popup.getByRole('button', { name: 'Copy CSV' }).click();
    await expect.poll(() => popup.getByTestId('notice').textContent()).toBe('CSV copied.');
    const [list, csv] = await popup.evaluate(() => (window as unknown as { written: string[] }).written);
    expect(list.split(',').slice(0, 3).map(Number)).toEqual([Math.round(reply.levels!.flip! * 100) / 100, 4800, 4700]);
    expect(csv.split('\n')[0]).toBe('underlying,as_of,level,price,change_vs_prev,regime,sign_model');
    expect(csv.split('\n')[1]).toMatch(/^SPX,2024-01-07T15:52:00.000Z,flip,/);
  });

  it('works from the keyboard alone, with visible focus', async () => {
    const page = await openPopup();
    await expect.poll(() => page.getByTestId('spot').textContent(), { timeout: 10000 }).toBe('4,697.24');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ticker');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('SPY');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('spot').textContent(), { timeout: 10000 }).toBe('450.81');
    await page.keyboard.press('Tab'); // Go
    await page.keyboard.press('Tab'); // Expiry
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('expiry');
    await page.keyboard.press('ArrowDown'); // 0DTE
    await expect.poll(() => page.getByTestId('zero-dte').textContent(), { timeout: 10000 }).toMatch(/^100\.0%/);
    // The sections are tabs the arrow keys walk; the glossary is the last one.
    await page.getByRole('tab', { name: 'Levels' }).focus();
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Help');
    expect(await page.getByTestId('glossary').isVisible()).toBe(true);
    await ask(page, 'updateSettings', { expiryFilter: 'all' });
    await ask(page, 'setTicker', { ticker: 'SPX' });
    await page.close();
  });

  it("imports a CBOE CSV in the options page; a bad file shows the parser's reason and keeps the levels", async () => {
    const nvda = await levelsCommand(NVDA_FILE, ['--rate', '0.04', '--div', '0']); // NVDA: the default rate, no dividend
    const good = join(work, 'nvda-2025-01-06.csv');
    await writeFile(good, gunzipSync(await readFile(NVDA_FILE)));
    const bad = join(work, 'not-a-chain.csv');
    await writeFile(bad, 'Symbol,Price\nNVDA,150.28\n');
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('import-file').setInputFiles(good);
    await expect
      .poll(() => options.getByTestId('import-message').textContent(), { timeout: 10000 })
      .toContain(
        `NVDA as of Mon Jan 6, 2025, 9:30 PM EST — flip ${nvda.flip.toFixed(1)}, call wall ${nvda.callWall}, put wall ${nvda.putWall}`,
      );
    const page = await openPopup();
    await expect.poll(() => page.getByTestId('spot').textContent(), { timeout: 10000 }).toBe('150.28');
    expect(await page.getByTestId('source').textContent()).toMatch(/^Imported file: nvda-2025-01-06\.csv/);

    await options.getByTestId('import-file').setInputFiles(bad);
    await expect
      .poll(() => options.getByTestId('import-message').textContent(), { timeout: 10000 })
      .toMatch(/^not-a-chain\.csv: unrecognised format starting with "Symbol,Price".*nothing was replaced\.$/);
    await page.reload();
    await expect.poll(() => page.getByTestId('spot').textContent(), { timeout: 10000 }).toBe('150.28');
    await page.close();
    await options.close();
  });

  it('shows only the chosen provider\'s fields, and "Save and test" says at once what cannot work', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const before = await ask<{ provider: string }>(options, 'getSettings', undefined);
    const fields = () =>
      options
        .locator('input[name="customUrl"], input[name="tradierKey"], input[name="polygonKey"]')
        .evaluateAll((inputs) => inputs.map((input) => input.getAttribute('name')));
    await options.getByLabel('Tradier (access token)').check();
    await expect.poll(fields).toEqual(['tradierKey']);
    await options.getByRole('button', { name: 'Save and test' }).click();
    await expect.poll(() => options.getByTestId('options-message').textContent()).toBe('Tradier needs its key: paste it above.');
    await options.getByLabel('Polygon / Massive (API key)').check();
    await expect.poll(fields).toEqual(['polygonKey']);
    await options.getByLabel('Custom URL (CBOE JSON or quote-table CSV)').check();
    await expect.poll(fields).toEqual(['customUrl']);
    await options.locator('input[name="customUrl"]').fill('ftp://127.0.0.1/chains/{ticker}.csv');
    await options.getByRole('button', { name: 'Save and test' }).click();
    await expect
      .poll(() => options.getByTestId('options-message').textContent())
      .toBe('The URL must start with https:// or http://, not ftp:');
    await options.getByLabel('CBOE delayed quotes (free, ~15 min delayed)').check();
    await expect.poll(fields).toEqual([]);
    // Nothing was saved by the refused tries.
    expect((await ask<{ provider: string }>(options, 'getSettings', undefined)).provider).toBe(before.provider);
    await options.close();
  });

  it('keeps options across a browser restart', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel('Dealers short all options').check();
    await options.getByLabel('Transition band in percent of spot').fill('0.8');
    await options.getByRole('button', { name: 'Save model' }).click();
    await expect.poll(() => options.getByTestId('model-message').textContent()).toBe('Saved.');
    const profile = browser.userDataDir;
    await browser.close({ keepProfile: true });
    browser = await launchChromiumWithExtension({ userDataDir: profile });
    const reopened = await browser.context.newPage();
    const optionsUrl = `chrome-extension://${browser.extensionId}/options.html`;
    // The extension loaded again may open its options page itself (onInstalled), into this very tab:
    // the same page either way, so an interrupted navigation waits for that one to arrive.
    await reopened.goto(optionsUrl).catch(async (error: unknown) => {
      if (!/interrupted by another navigation/.test(String(error))) throw error;
      await reopened.waitForURL(optionsUrl);
    });
    await expect.poll(() => reopened.getByLabel('Dealers short all options').isChecked(), { timeout: 10000 }).toBe(true);
    expect(await reopened.getByLabel('Transition band in percent of spot').inputValue()).toBe('0.8');
    const settings = await ask<{ signModel: { kind: string }; transitionBand: number; provider: string }>(
      reopened,
      'getSettings',
      undefined,
    );
    expect(settings).toMatchObject({ signModel: { kind: 'short-all' }, transitionBand: 0.008, provider: 'file' });
  });
});
