/**
 * npm run bench:overlay — the chart overlay in real Chromium (built extension, bundled sample cached):
 * - content-script bundle size, gzipped;
 * - time from navigation start to the lines on screen (TradingView stand-in and a plain SVG chart);
 * - scripting cost per frame during a continuous pan (CPU profile: samples in our content script and
 *   main-world bridge, divided by the frames painted);
 * - scripting while the chart is idle (what the 1 Hz bridge poll and nothing else costs).
 */
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromiumWithExtension } from '../tests/e2e/helpers/chromium';
import { startServer } from '../tests/e2e/helpers/server';
import { ask } from '../tests/e2e/helpers/protocol';
import { chromeBuild, pagesDir } from '../tests/e2e/helpers/paths';

const json = process.argv.includes('--json');
const loads = 9;

interface ProfileNode { id: number; callFrame: { url: string }; }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; }

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Milliseconds of samples whose function lives in the extension (content script or bridge). */
function ourTime(profile: Profile, extensionId: string): number {
  const ours = new Set(profile.nodes.filter((node) => node.callFrame.url.includes(extensionId)).map((node) => node.id));
  let micros = 0;
  profile.samples.forEach((id, index) => {
    if (ours.has(id)) micros += profile.timeDeltas[index] ?? 0;
  });
  return micros / 1000;
}

const bundle = await readFile(join(chromeBuild, 'content-scripts/overlay.js'));
const bridge = await readFile(join(chromeBuild, 'tradingview-bridge.js'));
const server = await startServer({ '/pages/': pagesDir });
const browser = await launchChromiumWithExtension();
try {
  const control = await browser.context.newPage();
  await control.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await ask(control, 'updateSettings', { provider: 'sample', ticker: 'SPX' });
  await ask(control, 'setSiteEnabled', { pattern: 'http://127.0.0.1/*', enabled: true });
  await ask(control, 'getLevels', {}); // cached from here on

  async function linesVisibleMs(page: Page, path: string): Promise<number> {
    const samples: number[] = [];
    for (let i = 0; i < loads; i++) {
      await page.goto(`${server.origin}${path}`);
      const at = await page.waitForFunction(() => (window as unknown as { __linesAt?: number }).__linesAt, undefined, { timeout: 10000 });
      samples.push((await at.jsonValue()) as number);
    }
    return median(samples);
  }
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 700 });
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
  const visibleTradingView = await linesVisibleMs(page, '/pages/tradingview-standin.html');
  const visibleSvg = await linesVisibleMs(page, '/pages/chart.html');

  // Continuous pan on the TradingView stand-in: the range moves every frame, as while dragging.
  await page.goto(`${server.origin}/pages/tradingview-standin.html`);
  await page.waitForFunction(() => (window as unknown as { __linesAt?: number }).__linesAt);
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  const frames = (await page.evaluate(`
    new Promise((resolve) => {
      let count = 0;
      const start = performance.now();
      (function step() {
        window.standIn.pan(count % 200 < 100 ? 0.5 : -0.5);
        window.dispatchEvent(new PointerEvent('pointermove', { buttons: 1 }));
        count++;
        if (performance.now() - start < 3000) requestAnimationFrame(step);
        else resolve(count);
      })();
    })
  `)) as number;
  const panProfile = ((await cdp.send('Profiler.stop')) as { profile: Profile }).profile;
  const panMs = ourTime(panProfile, browser.extensionId);
  const moved = await page.evaluate(() => document.querySelector('gexmap-overlay')!.shadowRoot!.querySelector<HTMLElement>('[data-level="flip"]')!.style.top);

  // Idle: nothing moves for 5 s.
  await page.waitForTimeout(1000);
  await cdp.send('Profiler.start');
  await page.waitForTimeout(5000);
  const idleProfile = ((await cdp.send('Profiler.stop')) as { profile: Profile }).profile;
  const idleMs = ourTime(idleProfile, browser.extensionId);

  const result = {
    contentScriptGzipKb: Math.round((gzipSync(bundle).length / 1024) * 10) / 10,
    bridgeGzipKb: Math.round((gzipSync(bridge).length / 1024) * 10) / 10,
    linesVisibleMsTradingView: Math.round(visibleTradingView),
    linesVisibleMsSvgChart: Math.round(visibleSvg),
    panFrames: frames,
    panScriptingMsPerFrame: Math.round((panMs / frames) * 1000) / 1000,
    idleScriptingMsPerSecond: Math.round((idleMs / 5) * 1000) / 1000,
  };
  if (json) console.log(JSON.stringify(result));
  else {
    console.log(`content script: ${result.contentScriptGzipKb} KB gzipped (bridge ${result.bridgeGzipKb} KB)`);
    console.log(`lines visible after navigation start, cached levels, median of ${loads} loads: TradingView stand-in ${result.linesVisibleMsTradingView} ms, SVG chart ${result.linesVisibleMsSvgChart} ms`);
    console.log(`continuous pan, ${frames} frames over 3 s: overlay + bridge scripting ${result.panScriptingMsPerFrame} ms per frame (mean; last flip top ${moved})`);
    console.log(`idle 5 s: overlay + bridge scripting ${result.idleScriptingMsPerSecond} ms per second`);
  }
} finally {
  await browser.close();
  await server.close();
}
