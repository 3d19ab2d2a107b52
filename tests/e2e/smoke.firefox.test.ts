import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { extensionPage, launchFirefoxWithExtension } from './helpers/firefox';
import { ask } from './helpers/protocol';
import { misfits } from './helpers/overlay';
import { startServer, type TestServer } from './helpers/server';
import { pageRoutes } from './helpers/chart-bed';

describe('Firefox ESR: the built extension installs and works', () => {
  let browser: Browser;
  let addonId: string;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer(pageRoutes(['d3', 'uplot', 'echarts']));
    ({ browser, addonId } = await launchFirefoxWithExtension());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('installs under its gecko id', () => {
    expect(addonId).toBe('gexmap@gexmap.app');
  });

  it("draws the sample's levels on a localhost SVG chart, within 1.5 px of its axis", async () => {
    const settings = await extensionPage(browser);
    await ask(settings, 'updateSettings', { provider: 'sample', ticker: 'SPX' });
    await ask(settings, 'setSiteEnabled', { pattern: 'http://127.0.0.1/*', enabled: true });
    const page = await browser.newPage();
    await page.goto(`${server.origin}/pages/chart.html`);
    await page.waitForFunction(() => document.querySelector('gexmap-overlay')?.shadowRoot?.querySelectorAll('[data-level]').length === 3, {
      timeout: 20000,
    });
    const fit = await page.evaluate(misfits, 'chartApi');
    expect(fit.levels.map((level) => level.level)).toEqual(['flip', 'call-wall', 'put-wall']);
    expect(fit.worst).toBeLessThanOrEqual(1.5);
    const status = await page.evaluate(
      () => document.querySelector('gexmap-overlay')!.shadowRoot!.querySelector('[data-testid="gexmap-status"]')!.textContent,
    );
    expect(status).toMatch(/^SPX · negative γ · SAMPLE/);
    await page.close();
  });

  it('reads a two-chart TradingView layout through the main-world bridge: each chart its own levels, within 1.5 px', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 760 });
    await page.goto(`${server.origin}/pages/tradingview-standin.html?scenario=two-charts`);
    // The sample is SPX only: the SPX chart gets lines, the SPY chart says it has none.
    await page.waitForFunction(
      () => document.querySelector('gexmap-overlay')?.shadowRoot?.querySelectorAll('[data-chart="0"] [data-level]').length === 3,
      { timeout: 20000 },
    );
    const before = await page.evaluate(misfits, 'standIn');
    expect(before.worst).toBeLessThanOrEqual(1.5);
    expect(before.levels.every((level) => level.chart === '0')).toBe(true);
    expect(before.levels.find((level) => level.level === 'flip')?.label).toMatch(/^Flip 47\d\d\.\d/);
    await page.evaluate(() => (window as unknown as { standIn: { pan(points: number, chart: number): void } }).standIn.pan(-40, 0));
    await page.waitForFunction(
      (y) => {
        const flip = document
          .querySelector('gexmap-overlay')!
          .shadowRoot!.querySelector<HTMLElement>('[data-chart="0"] [data-level="flip"]')!;
        return Math.abs(flip.getBoundingClientRect().top + flip.getBoundingClientRect().height / 2 - y) > 5;
      },
      { timeout: 5000 },
      before.levels.find((level) => level.level === 'flip')!.centre,
    );
    expect((await page.evaluate(misfits, 'standIn')).worst).toBeLessThanOrEqual(1.5);
    await page.close();
  });

  it('reads a D3 axis (tick offset, grid, volume axis, hidden and clamped labels) within 1.5 px, before and after a pan', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 760 });
    await page.goto(`${server.origin}/pages/d3.html`);
    await page.waitForFunction(() => document.querySelector('gexmap-overlay')?.shadowRoot?.querySelectorAll('[data-level]').length === 3, {
      timeout: 20000,
    });
    await page.waitForFunction(
      () => {
        const api = (window as unknown as { chartApi: { priceToY(p: number): number } }).chartApi;
        return [...document.querySelector('gexmap-overlay')!.shadowRoot!.querySelectorAll<HTMLElement>('[data-level]')].every((element) => {
          const rect = element.getBoundingClientRect();
          return Math.abs(rect.top + rect.height / 2 - api.priceToY(Number(element.dataset.price))) <= 1.5;
        });
      },
      { timeout: 10000 },
    );
    await page.evaluate(() => (window as unknown as { chartApi: { pan(points: number): void } }).chartApi.pan(-30));
    await page.waitForFunction(
      () => {
        const api = (window as unknown as { chartApi: { priceToY(p: number): number } }).chartApi;
        return [
          ...document.querySelector('gexmap-overlay')!.shadowRoot!.querySelectorAll<HTMLElement>('[data-level]:not([data-edge])'),
        ].every((element) => {
          const rect = element.getBoundingClientRect();
          return Math.abs(rect.top + rect.height / 2 - api.priceToY(Number(element.dataset.price))) <= 1.5;
        });
      },
      { timeout: 10000 },
    );
    expect((await page.evaluate(misfits, 'chartApi')).worst).toBeLessThanOrEqual(1.5);
    await page.close();
  });

  /** In the page: every on-range line within the tolerance of chartApi.priceToY, and at least `count` of them. */
  const linesOnChart = (count: number, tolerancePx: number) => {
    const api = (window as unknown as { chartApi: { priceToY(p: number): number } }).chartApi;
    const lines = [
      ...(document.querySelector('gexmap-overlay')?.shadowRoot?.querySelectorAll<HTMLElement>('[data-level]:not([data-edge])') ?? []),
    ];
    return (
      lines.length >= count &&
      lines.every((element) => {
        const rect = element.getBoundingClientRect();
        return Math.abs(rect.top + rect.height / 2 - api.priceToY(Number(element.dataset.price))) <= tolerancePx;
      })
    );
  };
  const reader = (page: import('puppeteer-core').Page) =>
    page.evaluate(
      () =>
        document.querySelector('gexmap-overlay')!.shadowRoot!.querySelector<HTMLElement>('[data-testid="gexmap-reader"]')?.dataset.reader,
    );

  it('reads a canvas chart (uPlot as a module, no globals) from its drawing calls, before and after a rescaling update and a resize', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 760 });
    await page.goto(`${server.origin}/pages/canvas-uplot.html`);
    await page.waitForFunction(linesOnChart, { timeout: 20000 }, 3, 1.5);
    expect(await reader(page)).toBe('canvas');
    for (const step of ['chartApi.update(4905)', 'chartApi.resize(760, 460)']) {
      const before = await page.evaluate(() =>
        (window as unknown as { chartApi: { priceToY(p: number): number } }).chartApi.priceToY(4700),
      );
      await page.evaluate(step);
      await page.waitForFunction(
        (y) => Math.abs((window as unknown as { chartApi: { priceToY(p: number): number } }).chartApi.priceToY(4700) - y) > 1,
        { timeout: 5000 },
        before,
      );
      await page.waitForFunction(linesOnChart, { timeout: 10000 }, 2, 1.5);
    }
    await page.close();
  });

  it("places lines through ECharts' own API (canvas renderer) within 0.5 px, before and after a zoom", async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 760 });
    await page.goto(`${server.origin}/pages/echarts.html?renderer=canvas`);
    await page.waitForFunction(linesOnChart, { timeout: 20000 }, 3, 0.5);
    expect(await reader(page)).toBe('api');
    await page.evaluate('chartApi.zoom(0.6)');
    await page.waitForFunction(linesOnChart, { timeout: 10000 }, 2, 0.5);
    await page.close();
  });

  it('reads the Charting Library in a same-origin frame', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 760 });
    await page.goto(`${server.origin}/pages/charting-library-host.html`);
    await page.waitForFunction(() => document.querySelector('gexmap-overlay')?.shadowRoot?.querySelectorAll('[data-level]').length === 3, {
      timeout: 20000,
    });
    const fit = await page.evaluate(misfits, 'frameStandIn');
    expect(fit.worst).toBeLessThanOrEqual(1.5);
    expect(fit.levels.every((level) => level.chart === 'f1:0')).toBe(true);
    await page.close();
  });

  it("renders the popup with the sample's summary, profile chart and heatmap", async () => {
    const settings = await extensionPage(browser);
    // BiDi cannot navigate to moz-extension:// pages; the extension can open its own popup page in a tab.
    await settings.evaluate(() =>
      (globalThis as unknown as { browser: { tabs: { create(options: object): Promise<unknown> } } }).browser.tabs.create({
        url: '/popup.html',
      }),
    );
    const popup = await extensionPage(browser, '/popup.html');
    await popup.waitForFunction(() => document.querySelector('[data-testid="spot"]')?.textContent === '4,697.24', { timeout: 20000 });
    // The profile and the heatmap come with their own replies, after the levels: wait for what is read.
    await popup.waitForFunction(
      () =>
        document.querySelectorAll('[data-testid="profile-chart"] canvas').length === 1 &&
        document.querySelectorAll('[data-testid="heatmap"] tbody tr').length === 25,
      { timeout: 20000 },
    );
    const shown = await popup.evaluate(() => ({
      regime: document.querySelector('[data-testid="regime"]')?.textContent,
      chart: document.querySelectorAll('[data-testid="profile-chart"] canvas').length,
      heatmapRows: document.querySelectorAll('[data-testid="heatmap"] tbody tr').length,
      checklist: document.querySelectorAll('[data-testid="checklist"] li').length,
    }));
    expect(shown).toEqual({ regime: 'Negative γ', chart: 1, heatmapRows: 25, checklist: 7 });
  });
});
