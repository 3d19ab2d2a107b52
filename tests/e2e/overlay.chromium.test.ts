/**
 * The overlay on real chart libraries in real Chromium: each line's data-price sits within 1.5 px of
 * the y the library itself gives for that price, before and after pan, zoom and resize.
 * - a hand-made SVG chart and Apache ECharts (SVG renderer): the axis-text reader's path;
 * - TradingView Lightweight Charts (canvas axis): calibration, set through the UI as a user would;
 * Data: the custom-URL provider pointed at this test's localhost server (SPX and SPY fixtures).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromiumWithExtension, type ExtensionBrowser } from './helpers/chromium';
import { startServer, type TestServer } from './helpers/server';
import { pageRoutes } from './helpers/chart-bed';
import { projectRoot } from './helpers/paths';
import { ask } from './helpers/protocol';
import { levelsCommand } from './helpers/levels-cli';
import { fitsWithin, misfits } from './helpers/overlay';
import { calibrateThroughHandles } from './helpers/calibrate';
import { HELP_TERMS } from '../../lib/format/help-terms';

const SPX_FILE = join(projectRoot, 'assets/sample/cboe-spx-2024-01-07.csv.gz');
const SPY_FILE = join(projectRoot, 'tests/fixtures/cboe-spy-2023-09-14.csv.gz');

describe('Chromium: levels drawn on real charts', () => {
  let browser: ExtensionBrowser;
  let server: TestServer;
  let settingsPage: Page;
  let spx: Awaited<ReturnType<typeof levelsCommand>>;

  beforeAll(async () => {
    const spxCsv = gunzipSync(await readFile(SPX_FILE)).toString('utf8');
    const spyCsv = gunzipSync(await readFile(SPY_FILE)).toString('utf8');
    server = await startServer(pageRoutes(['echarts', 'lwc']));
    for (const [path, body] of [
      ['/chains/SPX.csv', spxCsv],
      ['/chains/SPY.csv', spyCsv],
    ]) {
      server.route(path, (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/csv' });
        response.end(body);
      });
    }
    browser = await launchChromiumWithExtension();
    settingsPage = await browser.context.newPage();
    await settingsPage.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await ask(settingsPage, 'updateSettings', { provider: 'custom', customUrl: `${server.origin}/chains/{ticker}.csv`, ticker: 'SPX' });
    await ask(settingsPage, 'setSiteEnabled', { pattern: 'http://127.0.0.1/*', enabled: true });
    spx = await levelsCommand(SPX_FILE, ['--rate', '0.04', '--div', '0.013']);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reads a hand-made SVG axis and draws flip, call wall and put wall on it', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/pages/chart.html`);
    const fit = await fitsWithin(page, 3, { api: 'chartApi' });
    expect(fit.levels.map((level) => [level.level, level.price])).toEqual([
      ['flip', spx.flip],
      ['call-wall', spx.callWall],
      ['put-wall', spx.putWall],
    ]);
    expect(fit.levels[0].label.startsWith(`Flip ${spx.flip.toFixed(1)}`)).toBe(true);
    // The overlay must not move the page or take its clicks.
    const host = await page.evaluate(() => {
      const element = document.querySelector('gexmap-overlay') as HTMLElement;
      const style = getComputedStyle(element);
      return {
        position: style.position,
        pointerEvents: style.pointerEvents,
        lineEvents: getComputedStyle(element.shadowRoot!.querySelector('[data-level]')!).pointerEvents,
        scrollHeight: document.documentElement.scrollHeight <= window.innerHeight + 1,
      };
    });
    expect(host).toEqual({ position: 'fixed', pointerEvents: 'none', lineEvents: 'none', scrollHeight: true });
    await page.close();
  });

  it('follows Apache ECharts (SVG) through zoom, pan and resize', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 700 });
    await page.goto(`${server.origin}/pages/echarts.html`);
    const putWallY = async () => (await page.evaluate(misfits, 'chartApi')).misfit.find((item) => item.level === 'put-wall')?.expected;
    await fitsWithin(page, 1, { api: 'chartApi' });
    const positions = [await putWallY()];
    // Pan by dragging, zoom with the wheel, as a user would; then resize the chart.
    // (Right of the overlay's panel, which sits top left.)
    for (let drag = 0; drag < 2; drag++) {
      await page.mouse.move(470, 300);
      await page.mouse.down();
      await page.mouse.move(870, 300, { steps: 10 });
      await page.mouse.up();
    }
    await fitsWithin(page, 1, { api: 'chartApi' });
    positions.push(await putWallY());
    await page.mouse.move(650, 300);
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -200);
    await fitsWithin(page, 1, { api: 'chartApi' });
    positions.push(await putWallY());
    await page.evaluate(() => (window as unknown as { chartApi: { resize(w: number, h: number): void } }).chartApi.resize(700, 420));
    const after = await fitsWithin(page, 1, { api: 'chartApi' });
    positions.push(await putWallY());
    // Each step really moved the chart's price axis (the lines had to follow).
    for (let i = 1; i < positions.length; i++) expect(Math.abs(positions[i]! - positions[i - 1]!)).toBeGreaterThan(3);
    expect(after.levels.map((level) => level.level).sort()).toEqual(['call-wall', 'flip', 'put-wall']);
    await page.close();
  });

  it('calibrates a canvas chart without a visible price axis (Lightweight Charts) through the handles, then follows pan and resize', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 700 });
    await page.goto(`${server.origin}/pages/lightweight.html`);
    // The panel starts as a pill docked to the chart; calibration is offered inside it once the axis cannot be read.
    await page.locator('gexmap-overlay .gx-pill').click();
    await calibrateThroughHandles(page, [4800, 4650]);
    await fitsWithin(page, 2, { api: 'chartApi' });
    await page.evaluate(() => (window as unknown as { chartApi: { scrollBy(n: number): void } }).chartApi.scrollBy(20));
    await fitsWithin(page, 2, { api: 'chartApi' });
    await page.evaluate(() => (window as unknown as { chartApi: { resize(w: number, h: number): void } }).chartApi.resize(760, 460));
    await fitsWithin(page, 2, { api: 'chartApi' });
    // Kept per site: a reload draws the lines again without calibrating.
    await page.reload();
    await fitsWithin(page, 2, { api: 'chartApi' });
    await page.close();
  });

  // Last in this file: it leaves this origin's panel moved and collapsed.
  it('keeps the panel where the trader dragged it, collapsed or not, per site; the heatmap tooltips give GEX and OI', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 700 });
    await page.goto(`${server.origin}/pages/chart.html`);
    const panel = page.getByTestId('gexmap-panel');
    // (Opened by the calibration test on this site: the panel remembers.)
    await expect.poll(() => panel.getAttribute('data-collapsed'), { timeout: 10000 }).not.toBeNull();
    if ((await panel.getAttribute('data-collapsed')) === 'true') await page.locator('gexmap-overlay .gx-pill').click();
    await expect.poll(() => page.locator('gexmap-overlay [data-testid="heatmap"] td').count(), { timeout: 10000 }).toBeGreaterThan(20);
    const title = await page.locator('gexmap-overlay [data-testid="heatmap"] tr[data-strike="4700"] td').first().getAttribute('title');
    expect(title).toMatch(
      /^4700 · 2024-01-08\nCall -?\$[\d.]+[KMB]? {2}Put -?\$[\d.]+[KMB]? {2}Net -?\$[\d.]+[KMB]?\nOI calls [\d.]+K? {2}puts [\d.]+K?$/,
    );
    // The panel's numbers carry their help: each switch on hover, the glossary from the keyboard.
    expect(await page.locator('gexmap-overlay label:has([data-switch="call-wall"])').getAttribute('title')).toBe(
      HELP_TERMS['call-wall'].text,
    );
    const help = page.getByTestId('gexmap-help');
    await help.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => help.getAttribute('open')).not.toBeNull();
    expect(await help.locator('dt').allTextContents()).toEqual(
      expect.arrayContaining([
        HELP_TERMS.flip.label,
        HELP_TERMS['call-wall'].label,
        HELP_TERMS['put-wall'].label,
        HELP_TERMS['sign-model'].label,
        HELP_TERMS.heatmap.label,
      ]),
    );
    expect(await help.locator('dd').first().textContent()).toBe(HELP_TERMS.regime.text);
    await page.keyboard.press('Enter');
    const header = page.locator('gexmap-overlay .gx-panel-header');
    const box = (await header.boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 330, box.y + 200, { steps: 5 });
    await page.mouse.up();
    await page.locator('gexmap-overlay .gx-collapse').click();
    await expect.poll(() => panel.getAttribute('data-collapsed')).toBe('true');
    const moved = (await panel.boundingBox())!;
    expect(Math.abs(moved.x - (box.x + 300))).toBeLessThanOrEqual(2);
    await page.reload();
    await expect.poll(() => panel.getAttribute('data-collapsed'), { timeout: 10000 }).toBe('true');
    const restored = (await panel.boundingBox())!;
    expect([restored.x, restored.y]).toEqual([moved.x, moved.y]);
    // Collapsed: no heatmap, the lines stay.
    expect(await page.locator('gexmap-overlay [data-testid="heatmap"]').count()).toBe(0);
    await expect.poll(() => page.locator('gexmap-overlay [data-level]').count(), { timeout: 10000 }).toBe(3);
    await page.close();
  });
});
