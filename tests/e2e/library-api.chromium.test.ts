/**
 * Where a page exposes its chart library, the library's own price-to-pixel places the lines: ECharts
 * (SVG and canvas renderers), Chart.js (canvas, beside an RSI chart that must get no lines) and
 * Plotly (log axis, found through its graph div) — every on-range line within 0.5 px of the library's
 * answer before and after pan, zoom, resize and a rescaling data update, read as "chart API". The same
 * pages with the library bundled out of reach fall back to reading their drawing: canvas labels or
 * axis text, within 1.5 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './helpers/chromium';
import { startChartBed, type ChartBed } from './helpers/chart-bed';
import type { TestServer } from './helpers/server';
import { fitsWithin, misfits } from './helpers/overlay';

/** Runs a change in the page, then lets two animation frames pass (the chart redraws, the bridge reads). */
async function change(page: Page, script: string): Promise<void> {
  await page.evaluate(script);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

const reader = (page: Page) => page.getByTestId('gexmap-reader');

describe('Chromium: chart libraries placed through their own API', () => {
  let bed: ChartBed;
  let browser: ExtensionBrowser;
  let server: TestServer;
  let spx: ChartBed['spx'];

  beforeAll(async () => {
    bed = await startChartBed(['echarts', 'chartjs', 'plotly']);
    ({ browser, server, spx } = bed);
  });
  afterAll(async () => {
    await bed?.close();
  });

  const open = async (path: string) => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 780 });
    // Notes when the TradingView bridge tells the overlay there is no TradingView API here.
    await page.addInitScript(`document.addEventListener('gexmap-chart-bridge', (event) => {
      if (String(event.detail).includes('"type":"absent"')) window.__tradingViewAbsent = true;
    });`);
    await page.goto(`${server.origin}${path}`);
    await page.waitForFunction(() => (window as unknown as { chartReady?: boolean }).chartReady);
    return page;
  };

  for (const [library, path, label] of [
    ['ECharts, SVG renderer', '/pages/echarts.html', /^ · chart API: ECharts$/],
    ['ECharts, canvas renderer', '/pages/echarts.html?renderer=canvas', /^ · chart API: ECharts$/],
    ['Chart.js (an RSI chart below: no lines there)', '/pages/chartjs.html', /^ · chart API: Chart\.js$/],
    ['Plotly (log axis on the left)', '/pages/plotly.html', /^ · chart API: Plotly$/],
  ] as const) {
    it(`${library}: within 0.5 px of the library's own price-to-y through pan, zoom, resize and a rescaling update`, async () => {
      const page = await open(path);
      const first = await fitsWithin(page, 3, { tolerancePx: 0.5 });
      expect(first.levels.map((level) => [level.level, level.price])).toEqual([
        ['flip', spx.flip],
        ['call-wall', spx.callWall],
        ['put-wall', spx.putWall],
      ]);
      expect(await reader(page).getAttribute('data-reader')).toBe('api');
      expect(await reader(page).textContent()).toMatch(label);
      for (const step of ['chartApi.pan(30)', 'chartApi.zoom(0.7)', 'chartApi.resize(760, 460)', 'chartApi.update(4905)']) {
        const before = await page.evaluate(() =>
          (window as unknown as { chartApi: { priceToY(price: number): number } }).chartApi.priceToY(4700),
        );
        await change(page, step);
        const after = await page.evaluate(() =>
          (window as unknown as { chartApi: { priceToY(price: number): number } }).chartApi.priceToY(4700),
        );
        // Each step moved the chart's own price axis: the lines had to follow.
        expect(Math.abs(after - before), step).toBeGreaterThan(1);
        await fitsWithin(page, 2, { tolerancePx: 0.5 });
      }
      // One chart's lines only: the levels are drawn once each (none on Chart.js's RSI chart).
      const drawn = (await page.evaluate(misfits, 'chartApi')).levels;
      expect(new Set(drawn.map((level) => level.chart)).size).toBe(1);
      // No TradingView API here either: with the library's API placing the lines, that news starts no
      // reading of the page's own drawing (it would read on every change of the chart, for nothing).
      await page.waitForFunction(() => (window as unknown as { __tradingViewAbsent?: boolean }).__tradingViewAbsent, undefined, {
        timeout: 10000,
      });
      await change(page, 'chartApi.pan(-10)');
      expect(await reader(page).getAttribute('data-reads-page')).toBe('no');
      await page.close();
    });
  }

  it('ECharts: a chart the app throws away and builds again in the same place is read anew', async () => {
    const page = await open('/pages/echarts.html');
    await fitsWithin(page, 3, { tolerancePx: 0.5 });
    const before = await page.evaluate(() =>
      (window as unknown as { chartApi: { priceToY(price: number): number } }).chartApi.priceToY(4700),
    );
    // Built and drawn between two of the bridge's looks: no drawing of the new chart is ever reported.
    await page.evaluate(() => (window as unknown as { chartApi: { replace(shift: number): void } }).chartApi.replace(-40));
    const after = await page.evaluate(() =>
      (window as unknown as { chartApi: { priceToY(price: number): number } }).chartApi.priceToY(4700),
    );
    expect(Math.abs(after - before)).toBeGreaterThan(5);
    // The bridge finds the new chart at its next look (once a second); meanwhile the axis text may stand in.
    await expect.poll(() => reader(page).getAttribute('data-reader'), { timeout: 5000 }).toBe('api');
    await fitsWithin(page, 2, { tolerancePx: 0.5, timeoutMs: 4000 });
    expect(await reader(page).getAttribute('data-reader')).toBe('api');
    await page.close();
  });

  for (const [library, path, expected] of [
    ['Chart.js bundled (no global): its canvas labels', '/pages/chartjs.html?bundled=1', 'canvas'],
    ['ECharts bundled, canvas renderer: its canvas labels', '/pages/echarts.html?bundled=1&renderer=canvas', 'canvas'],
    ['ECharts bundled, SVG renderer: its axis text', '/pages/echarts.html?bundled=1', 'generic'],
  ] as const) {
    it(`${library}, within 1.5 px through pan, zoom and resize`, async () => {
      const page = await open(path);
      await fitsWithin(page, 3);
      expect(await reader(page).getAttribute('data-reader')).toBe(expected);
      for (const step of ['chartApi.pan(15)', 'chartApi.zoom(0.7)', 'chartApi.resize(760, 460)']) {
        await change(page, step);
        await fitsWithin(page, 2);
      }
      await page.close();
    });
  }
});
