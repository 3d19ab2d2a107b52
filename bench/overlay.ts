/**
 * npm run bench:overlay — the chart overlay in real Chromium (built extension, bundled sample cached):
 * - content-script and chart-bridge bundle sizes, gzipped;
 * - time from navigation start to the lines on screen (TradingView stand-in, a plain SVG chart);
 * - TradingView bridge: scripting per frame with the chart idle (nothing changed) and while the price
 *   range moves every frame (the mapping changed), split into the bridge and the overlay (CPU profile
 *   samples by script URL, divided by the frames painted); frames from an auto-scale tick to the lines
 *   in place; scripting while the tab is hidden;
 * - ECharts (SVG axis, read from the DOM): overlay scripting per frame during a continuous pan against
 *   the chart's own scripting in the same run, frames from a pan to the lines re-fitted, idle cost.
 */
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromiumWithExtension } from '../tests/e2e/helpers/chromium';
import { startServer } from '../tests/e2e/helpers/server';
import { ask } from '../tests/e2e/helpers/protocol';
import { chromeBuild, pagesDir, projectRoot } from '../tests/e2e/helpers/paths';

const json = process.argv.includes('--json');
const loads = 9;

interface ProfileNode {
  id: number;
  callFrame: { url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Milliseconds of profile samples whose function's script URL passes `test`. */
function timeIn(profile: Profile, test: (url: string) => boolean): number {
  const ids = new Set(profile.nodes.filter((node) => test(node.callFrame.url)).map((node) => node.id));
  let micros = 0;
  profile.samples.forEach((id, index) => {
    if (ids.has(id)) micros += profile.timeDeltas[index] ?? 0;
  });
  return micros / 1000;
}

/** Profiles `work` (which returns the frames painted) and splits our time by script. */
async function profiled(cdp: CDPSession, extensionId: string, work: () => Promise<number>) {
  await cdp.send('Profiler.start');
  const frames = await work();
  const profile = ((await cdp.send('Profiler.stop')) as { profile: Profile }).profile;
  const ours = (url: string) => url.includes(extensionId);
  return {
    frames,
    bridgeMs: timeIn(profile, (url) => ours(url) && url.includes('chart-bridge')),
    overlayMs: timeIn(profile, (url) => ours(url) && url.includes('overlay')),
    pageMs: timeIn(profile, (url) => url.startsWith('http')),
  };
}

/** Runs `step` (page code, given the frame number) every frame for `ms`, and counts the frames. */
const everyFrame = (page: Page, step: string, ms: number) =>
  page.evaluate(
    `new Promise((resolve) => {
      let count = 0;
      const start = performance.now();
      (function frame() {
        (${step})(count);
        count++;
        if (performance.now() - start < ${ms}) requestAnimationFrame(frame);
        else resolve(count);
      })();
    })`,
  ) as Promise<number>;

const bundle = await readFile(join(chromeBuild, 'content-scripts/overlay.js'));
const bridgeBundle = await readFile(join(chromeBuild, 'content-scripts/chart-bridge.js'));
const server = await startServer({ '/pages/': pagesDir, '/vendor/echarts/': join(projectRoot, 'node_modules/echarts/dist') });
const browser = await launchChromiumWithExtension();
try {
  const control = await browser.context.newPage();
  await control.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await ask(control, 'updateSettings', { provider: 'sample', ticker: 'SPX' });
  await ask(control, 'setSiteEnabled', { pattern: 'http://127.0.0.1/*', enabled: true });
  await ask(control, 'getLevels', {}); // cached from here on
  await control.close();

  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.bringToFront();
  // Stamp the first frame with lines, measured from navigation start.
  // (A string: tsx would wrap named inner functions in a helper the page does not have.)
  await page.addInitScript(`
    (function check() {
      const root = document.querySelector('gexmap-overlay')?.shadowRoot;
      if (root && root.querySelector('[data-level]')) window.__linesAt = performance.now();
      else requestAnimationFrame(check);
    })();
  `);
  async function linesVisibleMs(path: string): Promise<number> {
    const samples: number[] = [];
    for (let i = 0; i < loads; i++) {
      await page.goto(`${server.origin}${path}`);
      const at = await page.waitForFunction(() => (window as unknown as { __linesAt?: number }).__linesAt, undefined, { timeout: 15000 });
      samples.push((await at.jsonValue()) as number);
    }
    return median(samples);
  }
  const visibleTradingView = await linesVisibleMs('/pages/tradingview-standin.html');
  const visibleSvg = await linesVisibleMs('/pages/chart.html');

  // ---- TradingView stand-in ----------------------------------------------------------------------
  await page.goto(`${server.origin}/pages/tradingview-standin.html`);
  await page.waitForFunction(() => (window as unknown as { __linesAt?: number }).__linesAt);
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await page.waitForTimeout(500);
  const idle = await profiled(cdp, browser.extensionId, () => everyFrame(page, '() => {}', 4000));
  const moving = await profiled(cdp, browser.extensionId, () => everyFrame(page, '(n) => window.standIn.pan(n % 200 < 100 ? 0.5 : -0.5)', 4000));

  // Frames from an auto-scale tick (no input) until the flip line sits at the new price's y.
  const lagFrames: number[] = [];
  for (let tick = 0; tick < 20; tick++) {
    lagFrames.push(
      (await page.evaluate(`
        new Promise((resolve) => {
          let frames = 0;
          // The tick lands in a frame, as a chart's live update does; each later frame checks the lines.
          requestAnimationFrame(() => { window.standIn.tick(); requestAnimationFrame(check); });
          function check() {
            frames++;
            const line = document.querySelector('gexmap-overlay').shadowRoot.querySelector('[data-level="flip"]');
            const rect = line.getBoundingClientRect();
            const expected = window.standIn.priceToY(Number(line.dataset.price));
            if (Math.abs(rect.top + rect.height / 2 - expected) <= 1.5 || frames > 30) resolve(frames);
            else requestAnimationFrame(check);
          }
        })
      `)) as number,
    );
    await page.waitForTimeout(30);
  }

  // Hidden. Headless Chromium keeps every tab "visible" (another tab in front or a minimized window
  // change nothing), so the page is told it is hidden the way a browser tells it: visibilityState
  // reads "hidden" and visibilitychange fires. Meanwhile the chart keeps moving: nothing of ours may run.
  await page.evaluate(`Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' }); document.dispatchEvent(new Event('visibilitychange'));`);
  const hiddenState = await page.evaluate(() => document.visibilityState);
  const hidden = await profiled(cdp, browser.extensionId, () => everyFrame(page, '(n) => window.standIn.pan(n % 200 < 100 ? 0.5 : -0.5)', 3000));
  await page.evaluate(`delete document.visibilityState; document.dispatchEvent(new Event('visibilitychange'));`);

  // ---- ECharts: the axis read from its SVG ---------------------------------------------------------
  await page.bringToFront();
  await page.goto(`${server.origin}/pages/echarts.html`);
  await page.waitForFunction(() => (window as unknown as { __linesAt?: number }).__linesAt);
  const echartsCdp = await browser.context.newCDPSession(page);
  await echartsCdp.send('Profiler.enable');
  await echartsCdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await page.waitForTimeout(500);
  const echartsIdle = await profiled(echartsCdp, browser.extensionId, () => everyFrame(page, '() => {}', 3000));
  // A pan the chart itself handles: its data zoom window slides a little every frame.
  const echartsPan = await profiled(echartsCdp, browser.extensionId, () =>
    everyFrame(page, `(n) => { const chart = echarts.getInstanceByDom(document.getElementById('chart')); const start = 40 + 10 * Math.sin(n / 20); chart.dispatchAction({ type: 'dataZoom', start, end: start + 50 }); }`, 4000),
  );
  // Frames from one pan step to lines re-fitted on the new axis.
  const refitFrames: number[] = [];
  for (let step = 0; step < 15; step++) {
    refitFrames.push(
      (await page.evaluate(`
        new Promise((resolve) => {
          const chart = echarts.getInstanceByDom(document.getElementById('chart'));
          const start = ${step % 2 === 0 ? 20 : 45};
          chart.dispatchAction({ type: 'dataZoom', start, end: start + 45 });
          let frames = 0;
          (function check() {
            frames++;
            const line = document.querySelector('gexmap-overlay').shadowRoot.querySelector('[data-level]:not([data-edge])');
            if (!line) { if (frames > 60) resolve(frames); else requestAnimationFrame(check); return; }
            const rect = line.getBoundingClientRect();
            const expected = window.chartApi.priceToY(Number(line.dataset.price));
            if (Math.abs(rect.top + rect.height / 2 - expected) <= 1.5 || frames > 60) resolve(frames);
            else requestAnimationFrame(check);
          })();
        })
      `)) as number,
    );
    await page.waitForTimeout(50);
  }

  const perFrame = (ms: number, frames: number) => round(frames > 0 ? ms / frames : 0);
  const result = {
    contentScriptGzipKb: round(gzipSync(bundle).length / 1024, 1),
    bridgeGzipKb: round(gzipSync(bridgeBundle).length / 1024, 1),
    linesVisibleMsTradingView: Math.round(visibleTradingView),
    linesVisibleMsSvgChart: Math.round(visibleSvg),
    tvIdleBridgeMsPerFrame: perFrame(idle.bridgeMs, idle.frames),
    tvIdleOverlayMsPerFrame: perFrame(idle.overlayMs, idle.frames),
    tvMovingBridgeMsPerFrame: perFrame(moving.bridgeMs, moving.frames),
    tvMovingOverlayMsPerFrame: perFrame(moving.overlayMs, moving.frames),
    tvTickLagFramesMedian: median(lagFrames),
    tvTickLagFramesMax: Math.max(...lagFrames),
    hiddenVisibilityState: hiddenState,
    hiddenScriptingMs: round(hidden.bridgeMs + hidden.overlayMs),
    echartsPanOverlayMsPerFrame: perFrame(echartsPan.overlayMs, echartsPan.frames),
    echartsPanChartMsPerFrame: perFrame(echartsPan.pageMs, echartsPan.frames),
    echartsRefitFramesMedian: median(refitFrames),
    echartsRefitFramesMax: Math.max(...refitFrames),
    echartsIdleOverlayMsPerSecond: round(echartsIdle.overlayMs / 3),
  };
  if (json) console.log(JSON.stringify(result));
  else {
    console.log(`bundles: content script ${result.contentScriptGzipKb} KB gzipped, chart bridge ${result.bridgeGzipKb} KB`);
    console.log(`lines visible after navigation start (cached levels, median of ${loads}): TradingView stand-in ${result.linesVisibleMsTradingView} ms, SVG chart ${result.linesVisibleMsSvgChart} ms`);
    console.log(`TradingView idle, ${idle.frames} frames: bridge ${result.tvIdleBridgeMsPerFrame} ms/frame, overlay ${result.tvIdleOverlayMsPerFrame} ms/frame`);
    console.log(`TradingView range moving every frame, ${moving.frames} frames: bridge ${result.tvMovingBridgeMsPerFrame} ms/frame, overlay ${result.tvMovingOverlayMsPerFrame} ms/frame`);
    console.log(`auto-scale tick to lines in place: median ${result.tvTickLagFramesMedian} frame(s), max ${result.tvTickLagFramesMax} (1 = the next frame)`);
    console.log(`tab hidden (${result.hiddenVisibilityState}, the chart still moving) 3 s: bridge + overlay ${result.hiddenScriptingMs} ms`);
    console.log(`ECharts pan, ${echartsPan.frames} frames: overlay ${result.echartsPanOverlayMsPerFrame} ms/frame vs the chart's own ${result.echartsPanChartMsPerFrame} ms/frame`);
    console.log(`ECharts pan step to lines re-fitted: median ${result.echartsRefitFramesMedian} frame(s), max ${result.echartsRefitFramesMax}; idle overlay ${result.echartsIdleOverlayMsPerSecond} ms/s`);
  }
} finally {
  await browser.close();
  await server.close();
}
