/**
 * Canvas charts read as surely as SVG ones, with no calibration: Lightweight Charts, uPlot and
 * KLineChart, each loaded as a module (no globals), their price axes drawn on canvas — every on-range
 * line within 1.5 px of the library's own price-to-y before and after pan, zoom, resize and a data
 * update that rescales the axis. The canvas text tap's wrappers are invisible to the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from './helpers/chromium';
import { startChartBed, type ChartBed } from './helpers/chart-bed';
import type { TestServer } from './helpers/server';
import { fitsWithin, framesToFollow } from './helpers/overlay';

describe('Chromium: canvas charts read from their own drawing calls', () => {
  let bed: ChartBed;
  let browser: ExtensionBrowser;
  let server: TestServer;
  let spx: ChartBed['spx'];

  beforeAll(async () => {
    bed = await startChartBed(['lwc', 'uplot', 'klinecharts']);
    ({ browser, server, spx } = bed);
  });
  afterAll(async () => {
    await bed?.close();
  });

  const open = async (path: string) => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 760 });
    await page.goto(`${server.origin}${path}`);
    await page.waitForFunction(() => (window as unknown as { chartReady?: boolean }).chartReady);
    return page;
  };

  for (const [library, path] of [
    ['Lightweight Charts', '/pages/canvas-lwc.html'],
    ['uPlot', '/pages/canvas-uplot.html'],
    ['KLineChart', '/pages/canvas-klinecharts.html'],
  ] as const) {
    it(`${library}: within 1.5 px before and after pan, zoom, resize and a rescaling update, without calibration`, async () => {
      const page = await open(path);
      const first = await fitsWithin(page, 3);
      expect(first.levels.map((level) => [level.level, level.price])).toEqual([
        ['flip', spx.flip],
        ['call-wall', spx.callWall],
        ['put-wall', spx.putWall],
      ]);
      expect(await page.getByTestId('gexmap-reader').getAttribute('data-reader')).toBe('canvas');
      const priceToY = () =>
        page.evaluate(() => (window as unknown as { chartApi: { priceToY(price: number): number } }).chartApi.priceToY(4700));
      for (const change of ['chartApi.pan(20)', 'chartApi.zoom(0.6)', 'chartApi.resize(760, 460)', 'chartApi.update(4905)']) {
        const before = await priceToY();
        await page.evaluate(change);
        // The libraries redraw on the next animation frame; two frames later their axis has moved.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        // A resize and a price far above the range rescale every library's axis: the lines had to follow.
        if (!change.includes('pan') && !change.includes('zoom')) expect(Math.abs((await priceToY()) - before), change).toBeGreaterThan(1);
        // (After the update the newest bars may show the range above the flip and put wall: one line on range.)
        await fitsWithin(page, change.includes('update') ? 1 : 2);
      }
      await page.close();
    });
  }

  it('uPlot: an axis moving every few frames is followed from its canvas labels, each position within 1.5 px', async () => {
    const page = await open('/pages/canvas-uplot.html');
    await fitsWithin(page, 3);
    // Between full choices (at least every 400 ms) the axis chosen is followed on its own canvas.
    const frames = await framesToFollow(page, [
      'chartApi.setY(4610, 4860)',
      'chartApi.setY(4590, 4880)',
      'chartApi.setY(4630, 4830)',
      'chartApi.setY(4600, 4850)',
    ]);
    // -1: a move whose lines were not within 1.5 px after 8 frames (uPlot draws in the move's frame).
    expect(frames).not.toContain(-1);
    expect(frames).toHaveLength(20);
    await page.close();
  });

  it('the tap is invisible: the wrapped fillText draws, returns and throws exactly as the untapped one', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/pages/canvas-uplot.html`);
    await page.waitForFunction(() => (window as unknown as { chartReady?: boolean }).chartReady);
    const looks = await page.evaluate(() => {
      const fillText = CanvasRenderingContext2D.prototype.fillText;
      // OffscreenCanvas's context is not tapped: the same drawing through both must give the same pixels.
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 64;
      const offscreen = new OffscreenCanvas(64, 64);
      const pixels = (context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D) => {
        context.font = '13px sans-serif';
        context.textBaseline = 'middle';
        context.setTransform(1.5, 0, 0, 1.5, 2, 3);
        const returned = context.fillText('4,712.5', 2, 20);
        context.strokeText('0.25', 4, 30, 20);
        return { returned, data: Array.from(context.getImageData(0, 0, 64, 64).data) };
      };
      const tapped = pixels(canvas.getContext('2d')!);
      const untapped = pixels(offscreen.getContext('2d')!);
      const thrown = (context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D) => {
        try {
          (context.fillText as unknown as (text: string) => void)('1');
          return 'none';
        } catch (error) {
          return (error as Error).name;
        }
      };
      return {
        name: fillText.name,
        length: fillText.length,
        source: Function.prototype.toString.call(fillText),
        returned: tapped.returned,
        samePixels: tapped.data.length === untapped.data.length && tapped.data.every((value, index) => value === untapped.data[index]),
        inked: tapped.data.some((value) => value !== 0),
        thrown: [thrown(canvas.getContext('2d')!), thrown(offscreen.getContext('2d')!)],
      };
    });
    expect(looks).toEqual({
      name: 'fillText',
      length: 3,
      source: expect.stringMatching(/\[native code\]/),
      returned: undefined,
      samePixels: true,
      inked: true,
      thrown: ['TypeError', 'TypeError'],
    });
    await page.close();
  });
});
