/**
 * The popup as a new trader meets it, in real Chromium: no reachable data host gets the sample's levels
 * in one click; the card while a ticker loads slowly; every help term reached and shown from the
 * keyboard; the filter's edge cases in words; recent tickers that can be removed; one error at a time;
 * every tab inside a 600 px popup.
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
import { HELP_TERMS, type HelpTermId } from '../../lib/format/help-terms';
import type { PublicSettings } from '../../lib/protocol';

const SPY_FILE = join(projectRoot, 'tests/fixtures/cboe-spy-2023-09-14.csv.gz');
const NVDA_FILE = join(projectRoot, 'tests/fixtures/cboe-nvda-2025-01-06.csv.gz');
/** Nothing listens there: the data host cannot be reached. */
const UNREACHABLE = 'http://127.0.0.1:9/chains/{ticker}.csv';

describe('Chromium: the popup for a new trader', () => {
  let browser: ExtensionBrowser;
  let server: TestServer;
  let popup: Page;
  /** Lets the held SPY answer go. */
  let releaseSpy: () => void = () => {};

  const openPopup = async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 440, height: 600 }); // the popup's width (main), Chrome's largest popup height
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    return page;
  };

  beforeAll(async () => {
    server = await startServer({});
    const spy = gunzipSync(await readFile(SPY_FILE)).toString('utf8');
    // SPY answers only when the test lets it: the card is looked at while it loads.
    server.route('/chains/SPY.csv', async (_request, response) => {
      await new Promise<void>((resolve) => (releaseSpy = resolve));
      response.writeHead(200, { 'content-type': 'text/csv' });
      response.end(spy);
    });
    browser = await launchChromiumWithExtension();
    popup = await openPopup();
    await ask(popup, 'updateSettings', { provider: 'custom', customUrl: UNREACHABLE, ticker: 'SPX', expiryFilter: 'all', recents: [] });
    await popup.reload();
  });
  afterAll(async () => {
    releaseSpy();
    await browser?.close();
    await server?.close();
  });

  it("with no reachable data host, says why and gets the bundled sample's levels in one click", async () => {
    await expect
      .poll(() => popup.getByTestId('no-levels').textContent(), { timeout: 15000 })
      .toMatch(/^No levels for SPX — .*127\.0\.0\.1/);
    expect(await popup.getByRole('button', { name: 'Retry' }).isEnabled()).toBe(true);
    expect(await popup.getByRole('link', { name: 'Import a file' }).getAttribute('href')).toBe(
      `chrome-extension://${browser.extensionId}/options.html#import`,
    );
    await popup.getByRole('button', { name: 'Use the bundled sample (SPX, 2024-01-07)' }).click();
    await expect.poll(() => popup.getByTestId('spot').textContent(), { timeout: 15000 }).toBe('4,697.24');
    // The card says whose numbers these are, and that they are old.
    expect(await popup.getByTestId('card-title').textContent()).toBe('SPX · Fri Jan 5, 2024 session · all expiries');
    expect(await popup.getByTestId('source').textContent()).toMatch(/^Sample data: SPX.* · old data: from the Fri Jan 5, 2024 session/);
    expect(await popup.getByTestId('no-levels').count()).toBe(0);
    expect(await ask<PublicSettings>(popup, 'getSettings', undefined)).toMatchObject({ provider: 'sample', ticker: 'SPX' });
  });

  it('fits every tab in a 600 px popup', async () => {
    const heights: Record<string, number> = {};
    try {
      for (const tab of ['Levels', 'Profile', 'Heatmap', 'Checklist', 'History', 'Help']) {
        await popup.getByRole('tab', { name: tab }).click();
        await expect.poll(() => popup.getByRole('tab', { name: tab }).getAttribute('aria-selected')).toBe('true');
        heights[tab] = await popup.evaluate(() => document.documentElement.scrollHeight);
      }
    } finally {
      await popup.getByRole('tab', { name: 'Levels' }).click();
    }
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(440);
    expect(Object.entries(heights).filter(([, height]) => height > 600)).toEqual([]);
    // Arrow keys move between tabs (the tabs pattern), and the panel follows.
    await popup.getByRole('tab', { name: 'Help' }).focus();
    await popup.keyboard.press('Home');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Levels');
    expect(await popup.locator('[data-panel="levels"]').isVisible()).toBe(true);
    expect(await popup.locator('[data-panel="help"]').isVisible()).toBe(false);
  });

  it('colours the heatmap on one scale whose legend gives its reach, net or |GEX| concentration', async () => {
    await popup.getByRole('tab', { name: 'Heatmap' }).click();
    try {
      const legend = popup.getByTestId('heatmap-legend');
      await expect.poll(() => legend.getAttribute('data-measure')).toBe('net');
      // The scale's reach is the 95th percentile of the cells' own |net| (zeros left out), by hand here.
      const nets = (
        await popup.locator('[data-testid="heatmap"] td').evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-net'))))
      ).filter((net) => net !== 0);
      const sorted = nets.map(Math.abs).sort((a, b) => a - b);
      const rank = 0.95 * (sorted.length - 1);
      const reach = sorted[Math.floor(rank)] + (sorted[Math.ceil(rank)] - sorted[Math.floor(rank)]) * (rank - Math.floor(rank));
      expect(Number(await legend.getAttribute('data-max'))).toBeCloseTo(reach, 0);
      // Cells of opposite sign sit on opposite sides of the ramp; beyond the reach, at its end.
      const positions = await popup
        .locator('[data-testid="heatmap"] td')
        .evaluateAll((cells) =>
          cells.map((cell) => [Number(cell.getAttribute('data-net')), Number(cell.getAttribute('data-colour-value'))]),
        );
      for (const [net, position] of positions) {
        // (Positions are given to 3 decimals: a cell under 0.05% of the reach rounds to 0.)
        if (Math.abs(net) / reach > 0.0005) expect(Math.sign(position)).toBe(Math.sign(net));
        if (Math.abs(net) >= reach) expect(Math.abs(position)).toBe(1);
      }
      await popup.getByLabel('Heatmap colour').selectOption('concentration');
      await expect.poll(() => legend.getAttribute('data-measure')).toBe('concentration');
      expect(await popup.getByTestId('heatmap').getAttribute('data-measure')).toBe('concentration');
      expect(await popup.getByTestId('heatmap-legend-values').textContent()).toMatch(/^0/);
    } finally {
      await popup.getByRole('tab', { name: 'Levels' }).click();
    }
  });

  it('reaches every help term from the keyboard and shows its text, on the card', async () => {
    const terms = await popup
      .locator('.term')
      .evaluateAll((elements) =>
        elements.filter((element) => (element as HTMLElement).offsetParent !== null).map((element) => element.getAttribute('data-help')),
      );
    expect(terms.length).toBeGreaterThanOrEqual(9);
    const reached = new Map<string, string>();
    await popup.locator('body').focus();
    for (let press = 0; press < 60 && reached.size < terms.length; press += 1) {
      await popup.keyboard.press('Tab');
      const shown = await popup.evaluate(() => {
        const term = document.activeElement?.closest('.term');
        const tip = term?.querySelector('[role="tooltip"]');
        if (!term || !tip) return null;
        const box = tip.getBoundingClientRect();
        const described = term.getAttribute('aria-describedby') === tip.id;
        return {
          id: term.getAttribute('data-help')!,
          text: tip.textContent,
          visible: getComputedStyle(tip).display !== 'none' && box.width > 0 && described,
        };
      });
      if (shown?.visible) reached.set(shown.id, shown.text);
    }
    expect([...reached.keys()].sort()).toEqual([...terms].sort());
    for (const [id, text] of reached) expect(text).toBe(HELP_TERMS[id as HelpTermId].text);
    // Escape hides the focused one.
    await popup.locator('[data-help="flip"]').focus();
    await popup.keyboard.press('Escape');
    await expect.poll(() => popup.locator('[data-help="flip"] [role="tooltip"]').isVisible()).toBe(false);
  });

  it('greys the card and stops copying while another ticker loads, then shows it', async () => {
    await ask(popup, 'updateSettings', { provider: 'custom', customUrl: `${server.origin}/chains/{ticker}.csv` });
    await popup.getByLabel('Ticker', { exact: true }).fill('SPY');
    await popup.getByLabel('Ticker', { exact: true }).press('Enter');
    await expect.poll(() => popup.getByTestId('pending').textContent(), { timeout: 10000 }).toBe('SPY is loading: these numbers are SPX’s');
    expect(await popup.getByTestId('summary').getAttribute('aria-busy')).toBe('true');
    expect(await popup.getByRole('button', { name: 'Copy for TradingView' }).isDisabled()).toBe(true);
    expect(await popup.getByRole('button', { name: 'Copy CSV' }).isDisabled()).toBe(true);
    expect(await popup.locator('.card.pending dl.summary').evaluate((element) => Number(getComputedStyle(element).opacity))).toBeLessThan(
      0.6,
    );
    releaseSpy();
    await expect.poll(() => popup.getByTestId('spot').textContent(), { timeout: 15000 }).toBe('450.81');
    expect(await popup.getByTestId('card-title').textContent()).toMatch(/^SPY · Thu Sep 14, 2023 session/);
    await expect.poll(() => popup.getByTestId('pending').count()).toBe(0);
    await expect.poll(() => popup.getByRole('button', { name: 'Copy CSV' }).isEnabled()).toBe(true);
  });

  it('says each filter edge case in words', async () => {
    await ask(popup, 'importChain', { text: gunzipSync(await readFile(NVDA_FILE)).toString('utf8'), name: 'nvda.csv' });
    await popup.reload();
    await expect.poll(() => popup.getByTestId('spot').textContent(), { timeout: 15000 }).toBe('150.28');
    // "Through date…" before its date: the numbers are said to be the old filter's, not shown as its.
    await popup.getByLabel('Expiry', { exact: true }).selectOption('through');
    await expect
      .poll(() => popup.getByTestId('pending').textContent())
      .toBe('Pick the date for “Through date…”: these numbers are for all expiries');
    expect(await popup.getByRole('button', { name: 'Copy CSV' }).isDisabled()).toBe(true);
    // A date before every expiry: nothing matches, said so instead of "flat, $0".
    await popup.getByLabel('Expiry date').fill('2024-12-31');
    await expect
      .poll(() => popup.getByTestId('filter-empty').textContent(), { timeout: 15000 })
      .toMatch(/^No expiry in this chain matches “through 2024-12-31”/);
    expect(await popup.getByTestId('flip').count()).toBe(0);
    // NVDA's file is from a Monday evening: no contract settles that session.
    await popup.getByLabel('Expiry', { exact: true }).selectOption('0dte');
    await expect
      .poll(() => popup.getByTestId('filter-empty').textContent(), { timeout: 15000 })
      .toMatch(/^No expiry in this chain matches “0DTE”/);
    // SPX 0DTE: both walls on one strike, explained.
    await ask(popup, 'updateSettings', { provider: 'sample', ticker: 'SPX', expiryFilter: '0dte' });
    await popup.reload();
    await expect.poll(() => popup.getByTestId('call-wall').textContent(), { timeout: 15000 }).toBe('4,700');
    expect(await popup.getByTestId('put-wall').textContent()).toBe('4,700');
    expect(await popup.locator('[data-testid="same-strike"] [role="tooltip"]').textContent()).toBe(HELP_TERMS['same-strike-walls'].text);
    await ask(popup, 'updateSettings', { expiryFilter: 'all' });
  });

  it('removes a recent ticker, keeps a mistyped one out of the chips, and says one error at a time', async () => {
    await ask(popup, 'updateSettings', { provider: 'custom', customUrl: UNREACHABLE, recents: ['SPX', 'SPY'], favorites: [] });
    await popup.reload();
    await popup.getByRole('button', { name: 'Remove SPY from the recent tickers' }).click();
    await expect.poll(async () => (await ask<PublicSettings>(popup, 'getSettings', undefined)).recents).toEqual(['SPX']);
    await expect.poll(() => popup.getByRole('button', { name: 'SPY', exact: true }).count()).toBe(0);

    await popup.getByLabel('Ticker', { exact: true }).fill('ZZZQ');
    await popup.getByLabel('Ticker', { exact: true }).press('Enter');
    await expect.poll(() => popup.getByTestId('no-levels').textContent(), { timeout: 15000 }).toMatch(/^No levels for ZZZQ/);
    expect((await ask<PublicSettings>(popup, 'getSettings', undefined)).recents).toEqual(['SPX']);
    // An empty ticker: its one message, not stacked on the card's reason.
    await popup.getByLabel('Ticker', { exact: true }).fill('');
    await popup.getByLabel('Ticker', { exact: true }).press('Enter');
    await expect.poll(() => popup.getByTestId('error').textContent()).toMatch(/is not a ticker/);
    expect(await popup.locator('.error:visible').count()).toBe(1);
    expect(await popup.getByRole('button', { name: 'Retry' }).isVisible()).toBe(true);
  });
});
