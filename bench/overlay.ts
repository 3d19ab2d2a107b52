/**
 * npm run bench:overlay — the chart overlay in real Chromium (built extension, bundled sample cached):
 * - content-script and chart-bridge bundle sizes, gzipped;
 * - time to the lines on screen, from navigation start and from the page's first contentful paint (the
 *   chart's own first paint; TradingView stand-in, a plain SVG chart);
 * - TradingView bridge: scripting per frame with the chart idle (nothing changed) and while the price
 *   range moves every frame (the mapping changed), split into the bridge and the overlay (CPU profile
 *   samples by script URL, divided by the frames painted); frames from an auto-scale tick to the lines
 *   in place; scripting while the tab is hidden;
 * - ECharts read from its SVG axis text (bundled, no global) and through its own API, and uPlot read by
 *   the canvas text tap: our scripting per frame while the axis moves every frame against the chart's
 *   own in the same run, frames from an axis change to the lines re-fitted, idle cost (just after load,
 *   and after the page sat still for 3 s);
 * - the canvas tap's cost per fillText call (300 labels a frame), against a browser without the extension.
 */
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { type CDPSession, type Page, chromium } from 'playwright-core';
import { CHROMIUM_PATH, launchChromiumWithExtension } from '../tests/e2e/helpers/chromium';
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
  page.evaluate<number>(
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
  );

const bundle = await readFile(join(chromeBuild, 'content-scripts/overlay.js'));
const bridgeBundle = await readFile(join(chromeBuild, 'content-scripts/chart-bridge.js'));
const server = await startServer({
  '/pages/': pagesDir,
  '/vendor/echarts/': join(projectRoot, 'node_modules/echarts/dist'),
  '/vendor/uplot/': join(projectRoot, 'node_modules/uplot/dist'),
});
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
  /** Lines on screen, medians: from navigation start, and from the page's first contentful paint (the chart's first paint). */
  async function linesVisibleMs(path: string): Promise<{ fromNavigation: number; fromFirstPaint: number }> {
    const fromNavigation: number[] = [];
    const fromFirstPaint: number[] = [];
    for (let i = 0; i < loads; i++) {
      await page.goto(`${server.origin}${path}`);
      const at = (await (
        await page.waitForFunction(() => (window as unknown as { __linesAt?: number }).__linesAt, undefined, { timeout: 15000 })
      ).jsonValue()) as number;
      const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0);
      fromNavigation.push(at);
      fromFirstPaint.push(at - paint);
    }
    return { fromNavigation: median(fromNavigation), fromFirstPaint: round(median(fromFirstPaint), 1) };
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
  const moving = await profiled(cdp, browser.extensionId, () =>
    everyFrame(page, '(n) => window.standIn.pan(n % 200 < 100 ? 0.5 : -0.5)', 4000),
  );

  // Frames from an auto-scale tick (no input) until the flip line sits at the new price's y.
  const lagFrames: number[] = [];
  for (let tick = 0; tick < 20; tick++) {
    lagFrames.push(
      await page.evaluate<number>(`
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
      `),
    );
    await page.waitForTimeout(30);
  }

  // Hidden. Headless Chromium keeps every tab "visible" (another tab in front or a minimized window
  // change nothing), so the page is told it is hidden the way a browser tells it: visibilityState
  // reads "hidden" and visibilitychange fires. Meanwhile the chart keeps moving: nothing of ours may run.
  await page.evaluate(
    `Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' }); document.dispatchEvent(new Event('visibilitychange'));`,
  );
  const hiddenState = await page.evaluate(() => document.visibilityState);
  const hidden = await profiled(cdp, browser.extensionId, () =>
    everyFrame(page, '(n) => window.standIn.pan(n % 200 < 100 ? 0.5 : -0.5)', 3000),
  );
  await page.evaluate(`delete document.visibilityState; document.dispatchEvent(new Event('visibilitychange'));`);

  /**
   * One chart page: our scripting per frame while `move(n)` changes its axis every frame, against the
   * chart's own; frames from an axis change (`steps`, alternating) to the lines re-fitted; idle cost.
   */
  async function chartSection(path: string, move: string, steps: [string, string]) {
    await page.bringToFront();
    await page.goto(`${server.origin}${path}`);
    await page.waitForFunction(() => (window as unknown as { __linesAt?: number }).__linesAt);
    const session = await browser.context.newCDPSession(page);
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 50 });
    await page.waitForTimeout(500);
    const reader = await page.evaluate(
      () =>
        document.querySelector('gexmap-overlay')!.shadowRoot!.querySelector<HTMLElement>('[data-testid="gexmap-reader"]')?.dataset.reader ??
        'none',
    );
    const idleRun = await profiled(session, browser.extensionId, () => everyFrame(page, '() => {}', 3000));
    const moveRun = await profiled(session, browser.extensionId, () => everyFrame(page, move, 4000));
    const refit: number[] = [];
    for (let step = 0; step < 15; step++) {
      refit.push(
        await page.evaluate<number>(`
          new Promise((resolve) => {
            ${steps[step % 2]};
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
        `),
      );
      await page.waitForTimeout(50);
    }
    // Idle once the page has sat still a while (what a chart left open costs), beside idle just after load.
    await page.waitForTimeout(3000);
    const settledRun = await profiled(session, browser.extensionId, () => everyFrame(page, '() => {}', 3000));
    await session.detach();
    return {
      reader,
      frames: moveRun.frames,
      bridgeMsPerFrame: perFrame(moveRun.bridgeMs, moveRun.frames),
      overlayMsPerFrame: perFrame(moveRun.overlayMs, moveRun.frames),
      chartMsPerFrame: perFrame(moveRun.pageMs, moveRun.frames),
      refitFramesMedian: median(refit),
      refitFramesMax: Math.max(...refit),
      idleMsPerSecond: round((idleRun.bridgeMs + idleRun.overlayMs) / 3),
      idleSettledMsPerSecond: round((settledRun.bridgeMs + settledRun.overlayMs) / 3),
    };
  }
  const perFrame = (ms: number, frames: number) => round(frames > 0 ? ms / frames : 0);
  const zoomSteps: [string, string] = ['window.chartApi.dataZoom(20, 65)', 'window.chartApi.dataZoom(45, 90)'];
  const zoomEveryFrame = '(n) => { const start = 40 + 10 * Math.sin(n / 20); window.chartApi.dataZoom(start, start + 50); }';
  // ECharts bundled (no global): the axis read from its SVG text; with its global: its own API.
  const echartsText = await chartSection('/pages/echarts.html?bundled=1', zoomEveryFrame, zoomSteps);
  const echartsApi = await chartSection('/pages/echarts.html', zoomEveryFrame, zoomSteps);
  // uPlot (a module, canvas axes): the canvas text tap; the price range moves every frame.
  const uplotCanvas = await chartSection(
    '/pages/canvas-uplot.html',
    '(n) => { const shift = 20 * Math.sin(n / 20); window.chartApi.setY(4600 + shift, 4850 + shift); }',
    ['window.chartApi.setY(4600, 4850)', 'window.chartApi.setY(4550, 4900)'],
  );

  // ---- The canvas tap's cost per fillText: the same drawing with and without the extension --------
  // A chart frame: clear, then 300 labels; 10 such frames timed per animation frame (timer resolution).
  const drawLabels = (numeric: boolean) => `
    (async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 800; canvas.height = 600;
      document.body.appendChild(canvas);
      const context = canvas.getContext('2d');
      context.font = '12px sans-serif';
      const labels = Array.from({ length: 300 }, (_, i) => ${numeric ? '(4500 + i * 2.5).toFixed(2)' : "'Mon Tue Vol'.slice(i % 4)"});
      const perCall = [];
      for (let frame = 0; frame < 80; frame++) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const start = performance.now();
        for (let batch = 0; batch < 10; batch++) {
          context.clearRect(0, 0, 800, 600);
          for (let i = 0; i < 300; i++) context.fillText(labels[i], 10 + (i % 10) * 75, 20 + Math.floor(i / 10) * 19);
        }
        perCall.push(((performance.now() - start) / 3000) * 1000);
      }
      canvas.remove();
      perCall.sort((a, b) => a - b);
      return perCall[perCall.length >> 1];
    })()`;
  const tapped = { numeric: [] as number[], text: [] as number[] };
  const plain = { numeric: [] as number[], text: [] as number[] };
  const plainBrowser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const plainPage = await plainBrowser.newPage();
    await plainPage.goto(`${server.origin}/pages/canvas-uplot.html`);
    await page.goto(`${server.origin}/pages/canvas-uplot.html`);
    await page.waitForFunction(() => (window as unknown as { __linesAt?: number }).__linesAt);
    // Alternating runs, so a busy machine weighs on both sides alike.
    for (let run = 0; run < 5; run++) {
      for (const numeric of [true, false]) {
        (numeric ? tapped.numeric : tapped.text).push(await page.evaluate<number>(drawLabels(numeric)));
        (numeric ? plain.numeric : plain.text).push(await plainPage.evaluate<number>(drawLabels(numeric)));
      }
    }
  } finally {
    await plainBrowser.close();
  }
  const micro = (value: number) => round(value, 3);

  const result = {
    contentScriptGzipKb: round(gzipSync(bundle).length / 1024, 1),
    bridgeGzipKb: round(gzipSync(bridgeBundle).length / 1024, 1),
    linesVisibleMsTradingView: Math.round(visibleTradingView.fromNavigation),
    linesVisibleMsSvgChart: Math.round(visibleSvg.fromNavigation),
    linesAfterFirstPaintMsTradingView: visibleTradingView.fromFirstPaint,
    linesAfterFirstPaintMsSvgChart: visibleSvg.fromFirstPaint,
    tvIdleBridgeMsPerFrame: perFrame(idle.bridgeMs, idle.frames),
    tvIdleOverlayMsPerFrame: perFrame(idle.overlayMs, idle.frames),
    tvMovingBridgeMsPerFrame: perFrame(moving.bridgeMs, moving.frames),
    tvMovingOverlayMsPerFrame: perFrame(moving.overlayMs, moving.frames),
    tvTickLagFramesMedian: median(lagFrames),
    tvTickLagFramesMax: Math.max(...lagFrames),
    hiddenVisibilityState: hiddenState,
    hiddenScriptingMs: round(hidden.bridgeMs + hidden.overlayMs),
    echartsAxisText: echartsText,
    echartsChartApi: echartsApi,
    uplotCanvasTap: uplotCanvas,
    fillTextMicrosNumericTapped: micro(median(tapped.numeric)),
    fillTextMicrosNumericPlain: micro(median(plain.numeric)),
    fillTextMicrosOtherTapped: micro(median(tapped.text)),
    fillTextMicrosOtherPlain: micro(median(plain.text)),
  };
  if (json) console.log(JSON.stringify(result));
  else {
    console.log(`bundles: content script ${result.contentScriptGzipKb} KB gzipped, chart bridge ${result.bridgeGzipKb} KB`);
    console.log(
      `lines visible (cached levels, median of ${loads}) after navigation start / after the page's first paint: TradingView stand-in ${result.linesVisibleMsTradingView} / ${result.linesAfterFirstPaintMsTradingView} ms, SVG chart ${result.linesVisibleMsSvgChart} / ${result.linesAfterFirstPaintMsSvgChart} ms`,
    );
    console.log(
      `TradingView idle, ${idle.frames} frames: bridge ${result.tvIdleBridgeMsPerFrame} ms/frame, overlay ${result.tvIdleOverlayMsPerFrame} ms/frame`,
    );
    console.log(
      `TradingView range moving every frame, ${moving.frames} frames: bridge ${result.tvMovingBridgeMsPerFrame} ms/frame, overlay ${result.tvMovingOverlayMsPerFrame} ms/frame`,
    );
    console.log(
      `auto-scale tick to lines in place: median ${result.tvTickLagFramesMedian} frame(s), max ${result.tvTickLagFramesMax} (1 = the next frame)`,
    );
    console.log(
      `tab hidden (${result.hiddenVisibilityState}, the chart still moving) 3 s: bridge + overlay ${result.hiddenScriptingMs} ms`,
    );
    for (const [name, section] of [
      ['ECharts, axis text (SVG)', result.echartsAxisText],
      ['ECharts, chart API', result.echartsChartApi],
      ['uPlot, canvas tap', result.uplotCanvasTap],
    ] as const) {
      console.log(
        `${name} [reader ${section.reader}], axis moving every frame (${section.frames} frames): bridge ${section.bridgeMsPerFrame} + overlay ${section.overlayMsPerFrame} ms/frame vs the chart's own ${section.chartMsPerFrame} ms/frame; ` +
          `axis change to lines re-fitted: median ${section.refitFramesMedian} frame(s), max ${section.refitFramesMax}; idle ${section.idleMsPerSecond} ms/s just after load, ${section.idleSettledMsPerSecond} ms/s settled`,
      );
    }
    console.log(
      `fillText, 300 labels a frame (median µs per call, 5 alternating runs): numeric ${result.fillTextMicrosNumericTapped} tapped vs ${result.fillTextMicrosNumericPlain} without the extension ` +
        `(+${micro(result.fillTextMicrosNumericTapped - result.fillTextMicrosNumericPlain)}); other text ${result.fillTextMicrosOtherTapped} vs ${result.fillTextMicrosOtherPlain} (+${micro(result.fillTextMicrosOtherTapped - result.fillTextMicrosOtherPlain)})`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
