/**
 * TradingView as the real page is, on a stand-in built from the public facts (tests/e2e/pages/
 * tv-standin.js): every on-range line within 1.5 px of the stand-in's own price-to-y before and after
 * pan, zoom, resize and an auto-scale tick (within a frame of the tick); every scale mode and an
 * inverted scale; the main series in the second pane; the right chart in a two-chart layout; a symbol
 * switch; a same-origin Charting Library frame; a frame it cannot read; odd symbols; forged messages.
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
import { fitsWithin, misfits } from './helpers/overlay';

const TOLERANCE_PX = 1.5;
const SPX_FILE = join(projectRoot, 'assets/sample/cboe-spx-2024-01-07.csv.gz');
const SPY_FILE = join(projectRoot, 'tests/fixtures/cboe-spy-2023-09-14.csv.gz');

type StandIn = {
  standIn: {
    pan(points: number, chart?: number): void;
    zoom(factor: number, chart?: number): void;
    resize(height: number, chart?: number): void;
    setSymbol(symbol: string, chart?: number): void;
    setMode(mode: number): void;
    setInverted(inverted: boolean): void;
    tick(): void;
    load(): void;
    setActive(index: number): void;
  };
};

/** Waits (a bounded number of frames) until the page's lines sit where the chart draws their prices. */

/** Runs `change` in the page, then lets exactly two animation frames pass (the bridge's read, then the paint). */
async function afterFrames(page: Page, change: string, frames = 2): Promise<void> {
  await page.evaluate(
    ({ change, frames }) =>
      new Promise<void>((resolve) => {
        new Function(change)();
        let left = frames;
        const step = () => (--left <= 0 ? resolve() : requestAnimationFrame(step));
        requestAnimationFrame(step);
      }),
    { change, frames },
  );
}

describe('Chromium: TradingView as the real page works', () => {
  let browser: ExtensionBrowser;
  let server: TestServer;
  let crossOrigin: string;
  let spx: Awaited<ReturnType<typeof levelsCommand>>;
  let spy: Awaited<ReturnType<typeof levelsCommand>>;

  beforeAll(async () => {
    server = await startServer({ '/pages/': pagesDir });
    crossOrigin = server.origin.replace('127.0.0.1', 'localhost');
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
    const control = await browser.context.newPage();
    await control.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await ask(control, 'updateSettings', { provider: 'custom', customUrl: `${server.origin}/chains/{ticker}.csv`, ticker: 'SPX' });
    await ask(control, 'setSiteEnabled', { pattern: 'http://127.0.0.1/*', enabled: true });
    await ask(control, 'getLevels', { ticker: 'SPX' });
    await ask(control, 'getLevels', { ticker: 'SPY' });
    await control.close();
    spx = await levelsCommand(SPX_FILE);
    spy = await levelsCommand(SPY_FILE);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (path: string) => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 760 });
    await page.goto(`${server.origin}${path}`);
    return page;
  };

  it('follows pan, zoom, resize and a live auto-scale tick within a frame', async () => {
    const page = await open('/pages/tradingview-standin.html');
    // Its canvas labels may place the lines first; TradingView's API takes over once found.
    await expect.poll(() => page.getByTestId('gexmap-reader').getAttribute('data-reader'), { timeout: 10000 }).toBe('tradingview');
    const first = await fitsWithin(page, 3, { api: 'standIn' });
    expect(first.levels.map((level) => [level.level, level.price])).toEqual([
      ['flip', spx.flip],
      ['call-wall', spx.callWall],
      ['put-wall', spx.putWall],
    ]);
    // The flip's model band: a zone around the flip line, from the CLI's band, at the chart's own y.
    const zone = await page.evaluate(() => {
      const element = document.querySelector('gexmap-overlay')!.shadowRoot!.querySelector<HTMLElement>('[data-zone="flip-band"]')!;
      const rect = element.getBoundingClientRect();
      return { low: Number(element.dataset.low), high: Number(element.dataset.high), top: rect.top, bottom: rect.bottom };
    });
    expect(zone.low).toBeCloseTo(spx.flipBand!.low, 9);
    expect(zone.high).toBeCloseTo(spx.flipBand!.high, 9);
    const [zoneTop, zoneBottom] = await page.evaluate(
      ([low, high]) => [
        (window as unknown as { standIn: { priceToY(p: number): number } }).standIn.priceToY(high),
        (window as unknown as { standIn: { priceToY(p: number): number } }).standIn.priceToY(low),
      ],
      [zone.low, zone.high],
    );
    expect(Math.abs(zone.top - zoneTop)).toBeLessThanOrEqual(TOLERANCE_PX);
    expect(Math.abs(zone.bottom - zoneBottom)).toBeLessThanOrEqual(TOLERANCE_PX);
    for (const change of ['standIn.pan(-40)', 'standIn.zoom(0.6)', 'standIn.resize(380)']) {
      await page.evaluate(change);
      await fitsWithin(page, 2, { api: 'standIn' });
    }
    // No input at all: the range moves with a tick. Measured right after the next frames.
    for (let tick = 0; tick < 3; tick++) {
      await afterFrames(page, 'standIn.tick()');
      const fit = await page.evaluate(misfits, 'standIn');
      expect(fit.worst, JSON.stringify(fit.misfit)).toBeLessThanOrEqual(TOLERANCE_PX);
    }
    expect(await page.getByTestId('gexmap-reader').getAttribute('data-reader')).toBe('tradingview');
    await page.close();
  });

  it("falls back to the chart's canvas labels when the API goes away, with lines still in place", async () => {
    const page = await open('/pages/tradingview-standin.html');
    const reader = () => page.getByTestId('gexmap-reader').getAttribute('data-reader');
    await expect.poll(reader, { timeout: 10000 }).toBe('tradingview');
    await fitsWithin(page, 3, { api: 'standIn' });
    // While the API reads, neither the page's text nor (in the bridge) its canvas labels are read —
    // also when the bridge answered the overlay's hello before the overlay looked at the page.
    await afterFrames(page, '', 3);
    expect(await page.getByTestId('gexmap-reader').getAttribute('data-reads-page')).toBe('no');
    // Once the API is gone the chart's next drawing is read.
    await page.evaluate(() => delete (window as unknown as { TradingViewApi?: unknown }).TradingViewApi);
    await expect.poll(reader, { timeout: 10000 }).not.toBe('tradingview');
    await page.evaluate(() => (window as unknown as StandIn).standIn.pan(-30));
    await expect.poll(reader, { timeout: 10000 }).toBe('canvas');
    await fitsWithin(page, 3, { api: 'standIn' });
    expect(await page.getByTestId('gexmap-reader').getAttribute('data-reads-page')).toBe('yes');
    await page.close();
  });

  it("maps every scale mode (log with TradingView's log10(p + 1e-4), percent, indexed) and an inverted scale", async () => {
    const page = await open('/pages/tradingview-standin.html?scenario=modes');
    await fitsWithin(page, 3, { api: 'standIn' });
    for (const change of [
      'standIn.setMode(1)',
      'standIn.setMode(2)',
      'standIn.setMode(3)',
      'standIn.setMode(1); standIn.setInverted(true)',
      'standIn.setMode(0)',
    ]) {
      await page.evaluate(change);
      const fit = await fitsWithin(page, 3, { api: 'standIn' });
      expect(fit.misfit.length).toBe(3);
    }
    // Inverted: the higher price is drawn lower.
    const { misfit } = await page.evaluate(misfits, 'standIn');
    const byLevel = Object.fromEntries(misfit.map((item) => [item.level, item.drawn]));
    expect(byLevel['call-wall']).toBeGreaterThan(byLevel['put-wall']);
    await page.close();
  });

  it('reads the pane that holds the main series, not the first one', async () => {
    const page = await open('/pages/tradingview-standin.html?scenario=second-pane');
    const fit = await fitsWithin(page, 3, { api: 'standIn' });
    const pane = await page.evaluate(
      () =>
        (
          window as unknown as { standIn: { charts: { main: { element: Element } }[] } }
        ).standIn.charts[0].main.element.getBoundingClientRect().top,
    );
    for (const item of fit.misfit) expect(item.drawn).toBeGreaterThan(pane);
    await page.close();
  });

  it('draws each chart of a two-chart layout in its own pane with its own levels; the panel follows the active one', async () => {
    const page = await open('/pages/tradingview-standin.html?scenario=two-charts');
    const fit = await fitsWithin(page, 4, { api: 'standIn' });
    const byChart = (chart: string) =>
      fit.levels.filter((level) => level.chart === chart && level.level === 'flip').map((level) => level.price);
    expect(byChart('0')).toEqual([spx.flip]);
    expect(byChart('1')).toEqual([spy.flip]);
    await expect.poll(() => page.getByTestId('gexmap-status').textContent()).toMatch(/^SPY · /);
    // Each chart's lines stay inside its own pane.
    const panes = await page.evaluate(() =>
      (window as unknown as { standIn: { charts: { main: { element: Element } }[] } }).standIn.charts.map((chart) => {
        const rect = chart.main.element.getBoundingClientRect();
        return { left: rect.left, right: rect.right };
      }),
    );
    const lines = await page.evaluate(() =>
      [...document.querySelector('gexmap-overlay')!.shadowRoot!.querySelectorAll<HTMLElement>('[data-level]')].map((element) => {
        const rect = element.getBoundingClientRect();
        return { chart: Number(element.closest<HTMLElement>('[data-chart]')!.dataset.chart), left: rect.left, right: rect.right };
      }),
    );
    for (const line of lines) {
      expect(line.left).toBeGreaterThanOrEqual(panes[line.chart].left - 0.5);
      expect(line.right).toBeLessThanOrEqual(panes[line.chart].right + 0.5);
    }
    // Panning the first chart moves only its lines.
    await page.evaluate(() => (window as unknown as StandIn).standIn.pan(-30, 0));
    await fitsWithin(page, 4, { api: 'standIn' });
    await page.evaluate(() => (window as unknown as StandIn).standIn.setActive(0));
    await expect.poll(() => page.getByTestId('gexmap-status').textContent()).toMatch(/^SPX · /);
    await page.close();
  });

  it('switches levels with the symbol; odd symbols become "no underlying" without losing the other chart', async () => {
    const page = await open('/pages/tradingview-standin.html?scenario=two-charts');
    await fitsWithin(page, 4, { api: 'standIn' });
    await page.evaluate(() => (window as unknown as StandIn).standIn.setSymbol('SP:SPX/TVC:DXY*100', 1));
    await expect.poll(async () => (await page.evaluate(misfits, 'standIn')).levels.filter((level) => level.chart === '1').length).toBe(0);
    await expect.poll(() => page.getByTestId('gexmap-status').textContent()).toMatch(/No options underlying for SP:SPX\/TVC:DXY\*100/);
    expect((await fitsWithin(page, 3, { api: 'standIn' })).levels.every((level) => level.chart === '0')).toBe(true);
    // A dated ES contract maps to SPX, shifted by the basis the SPX forwards imply for its settlement.
    await page.evaluate(() => (window as unknown as StandIn).standIn.setSymbol('CME_MINI:ESZ2026', 1));
    const shifted = async () => {
      const levels = (await page.evaluate(misfits, 'standIn')).levels.filter((level) => level.chart === '1');
      const price = (kind: string) => levels.find((level) => level.level === kind)?.price ?? Number.NaN;
      return { flipShift: price('flip') - spx.flip, wallShift: price('call-wall') - spx.callWall };
    };
    await expect.poll(async () => (await shifted()).flipShift > 0).toBe(true);
    const { flipShift, wallShift } = await shifted();
    expect(wallShift).toBeCloseTo(flipShift, 6);
    await page.evaluate(() => (window as unknown as StandIn).standIn.setSymbol('AMEX:SPY', 0));
    await expect
      .poll(async () =>
        (await page.evaluate(misfits, 'standIn')).levels
          .filter((level) => level.chart === '0' && level.level === 'flip')
          .map((level) => level.price),
      )
      .toEqual([spy.flip]);
    await page.close();
  });

  it('waits for a chart whose data loads later, and draws once it does', async () => {
    const page = await open('/pages/tradingview-standin.html?scenario=later');
    await page.waitForTimeout(800);
    expect((await page.evaluate(misfits, 'standIn')).levels).toEqual([]);
    await page.evaluate(() => (window as unknown as StandIn).standIn.load());
    await fitsWithin(page, 3, { api: 'standIn' });
    await page.close();
  });

  it("reads the Charting Library in a same-origin frame, offset by the frame's place", async () => {
    const page = await open('/pages/charting-library-host.html');
    await fitsWithin(page, 3, { api: 'frameStandIn' });
    await page.evaluate(() => (window as unknown as { frameStandIn: { control(): StandIn['standIn'] } }).frameStandIn.control().pan(25));
    await fitsWithin(page, 3, { api: 'frameStandIn' });
    // The frame moves in the page, and its own content scrolls: the lines follow within frames, not
    // at the next periodic look.
    const followsWithinFrames = async (change: string) => {
      await afterFrames(page, change, 3);
      const fit = await page.evaluate(misfits, 'frameStandIn');
      expect(fit.misfit.length, change).toBe(3);
      expect(fit.worst, `${change}: ${JSON.stringify(fit.misfit)}`).toBeLessThanOrEqual(TOLERANCE_PX);
    };
    await followsWithinFrames("document.getElementById('chart-frame').style.top = '131px'");
    await page.evaluate(() => {
      const frameDocument = (document.getElementById('chart-frame') as HTMLIFrameElement).contentDocument!;
      frameDocument.body.style.height = '1400px';
    });
    await page.waitForTimeout(100);
    await followsWithinFrames("document.getElementById('chart-frame').contentWindow.scrollTo(0, 37)");
    // The broker swaps the frame for a new one (a new window, a new API object): found and read again.
    await page.evaluate(() => {
      const old = document.getElementById('chart-frame') as HTMLIFrameElement;
      const replacement = document.createElement('iframe');
      replacement.id = 'chart-frame';
      replacement.title = 'TradingView chart';
      replacement.style.top = '101px';
      old.replaceWith(replacement);
      replacement.src = '/pages/charting-library-frame.html';
    });
    await fitsWithin(page, 3, { api: 'frameStandIn' });
    await page.close();
  });

  it("says plainly when the chart is in another site's frame, and offers calibration", async () => {
    const page = await open(`/pages/charting-library-host.html?cross=${encodeURIComponent(crossOrigin)}`);
    await expect.poll(() => page.getByTestId('gexmap-status').textContent(), { timeout: 10000 }).toMatch(/frame from another site/);
    await expect.poll(() => page.locator('gexmap-overlay [data-action="calibrate"]').count(), { timeout: 10000 }).toBe(1);
    await page.close();
  });

  it('ignores forged window messages: malformed ones from the page, well-formed ones from a frame', async () => {
    const chart = await open('/pages/tradingview-standin.html');
    const before = await fitsWithin(chart, 3, { api: 'standIn' });
    await chart.evaluate(() => {
      const valid = {
        type: 'charts',
        charts: [
          {
            id: '0',
            symbol: 'AMEX:IWM',
            active: true,
            pane: { left: 0, top: 0, width: 300, height: 300 },
            mapping: { kind: 'linear', intercept: 5000, slope: -1 },
          },
        ],
        unreadableFrames: [],
      };
      const post = (message: unknown) => window.postMessage({ channel: 'gexmap-chart-bridge', message }, '*');
      post({ ...valid, charts: [{ ...valid.charts[0], mapping: { kind: 'cubic', intercept: 1, slope: 1 } }] });
      post({ ...valid, charts: [{ ...valid.charts[0], pane: { left: 0, top: 0, width: -5, height: Number.NaN } }] });
      post({ type: 'charts', charts: 'everything' });
      post(null);
      // The same well-formed message from a sandboxed frame (another origin): not the page's own window.
      const frame = document.createElement('iframe');
      frame.sandbox.add('allow-scripts');
      frame.srcdoc = `<script>parent.postMessage(${JSON.stringify({ channel: 'gexmap-chart-bridge', message: valid })}, '*'); parent.postMessage('forged-sent', '*');</script>`;
      (window as unknown as { forgedSent: Promise<void> }).forgedSent = new Promise((resolve) =>
        window.addEventListener('message', (event) => event.data === 'forged-sent' && resolve()),
      );
      document.body.append(frame);
    });
    await chart.evaluate(() => (window as unknown as { forgedSent: Promise<void> }).forgedSent);
    await afterFrames(chart, 'void 0', 3);
    const after = await chart.evaluate(misfits, 'standIn');
    expect(after.levels.map((level) => [level.level, level.price])).toEqual(before.levels.map((level) => [level.level, level.price]));
    expect(after.worst).toBeLessThanOrEqual(TOLERANCE_PX);
    expect(await chart.getByTestId('gexmap-status').textContent()).toMatch(/^SPX · /);
    await chart.close();
  });
});
