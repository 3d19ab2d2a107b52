/**
 * Saved options reach an open chart at once, without a reload: a line colour, hiding the put wall, and
 * the ES futures basis (the forwards' by default), each changed in the options page as a user would,
 * each visible on the chart (an ES1! chart on the TradingView stand-in) within a second of the click.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromiumWithExtension, type ExtensionBrowser } from './helpers/chromium';
import { startServer, type TestServer } from './helpers/server';
import { pagesDir } from './helpers/paths';
import { ask } from './helpers/protocol';
import { readDrawnLevels } from './helpers/overlay';

const WITHIN_MS = 1000;

describe('Chromium: options reach an open chart without a reload', () => {
  let browser: ExtensionBrowser;
  let server: TestServer;
  let chart: Page;
  let options: Page;

  beforeAll(async () => {
    server = await startServer({ '/pages/': pagesDir });
    browser = await launchChromiumWithExtension();
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await ask(options, 'updateSettings', { provider: 'sample', ticker: 'SPX' });
    await ask(options, 'setSiteEnabled', { pattern: 'http://127.0.0.1/*', enabled: true });
    chart = await browser.context.newPage();
    await chart.setViewportSize({ width: 1000, height: 700 });
    await chart.goto(`${server.origin}/pages/tradingview-standin.html`);
    await chart.evaluate(() => (window as unknown as { standIn: { setSymbol(symbol: string): void } }).standIn.setSymbol('CME_MINI:ES1!'));
    // The stand-in's canvas labels may place lines first; wait for TradingView's API with the ES1! chart's
    // levels (its basis said in the status) and three lines.
    await chart.waitForFunction(
      () => {
        const root = document.querySelector('gexmap-overlay')?.shadowRoot;
        return (
          root?.querySelector<HTMLElement>('[data-testid="gexmap-reader"]')?.dataset.reader === 'tradingview' &&
          /basis \+/.test(root.querySelector('[data-testid="gexmap-status"]')?.textContent ?? '') &&
          root.querySelectorAll('[data-level]').length === 3
        );
      },
      undefined,
      { timeout: 15000 },
    );
    await options.reload();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const flipColour = () =>
    chart.evaluate(
      () => getComputedStyle(document.querySelector('gexmap-overlay')!.shadowRoot!.querySelector('[data-level="flip"]')!).color,
    );
  const drawn = async () => Object.fromEntries((await chart.evaluate(readDrawnLevels)).map((level) => [level.level, level.price]));

  it('a new line colour', async () => {
    expect(await flipColour()).toBe('rgb(255, 179, 0)');
    await options.getByLabel('Gamma flip colour').fill('#00ccff');
    await options.getByRole('button', { name: 'Save overlay' }).click();
    await expect.poll(flipColour, { timeout: WITHIN_MS }).toBe('rgb(0, 204, 255)');
  });

  it('a line turned off', async () => {
    await options.getByLabel('Put wall', { exact: true }).uncheck();
    await options.getByRole('button', { name: 'Save overlay' }).click();
    await expect.poll(async () => Object.keys(await drawn()).sort(), { timeout: WITHIN_MS }).toEqual(['call-wall', 'flip']);
  });

  it("the ES basis: from the chain's own forwards by default, the user's once set", async () => {
    const before = await drawn();
    // The sample is as of 2024-01-07: ES1! is the March 2024 contract, settling with the AM SPX of Mar-15.
    const status = await chart.getByTestId('gexmap-status').textContent();
    const note = /basis \+(\d+\.\d) from the SPX Mar-15 forward/.exec(status ?? '');
    expect(note, status ?? '').not.toBeNull();
    expect(before['call-wall'] - 4800).toBeCloseTo(Number(note![1]), 1);
    const row = await options.evaluate(
      () =>
        [...document.querySelectorAll<HTMLInputElement>('input[aria-label^="Chart symbol "]')].findIndex(
          (input) => input.value === 'ES1!',
        ) + 1,
    );
    expect(row).toBeGreaterThan(0);
    await options.getByLabel(`Basis ${row}`, { exact: true }).fill('31.25');
    await options.getByRole('button', { name: 'Save overlay' }).click();
    await expect.poll(async () => (await drawn())['call-wall'], { timeout: WITHIN_MS }).toBe(4800 + 31.25);
    expect((await drawn()).flip).toBeCloseTo(before.flip - (before['call-wall'] - 4800) + 31.25, 9);
  });
});
