/**
 * npm run store:screenshots [-- --out DIR]
 * The store screenshots (1280×800, what the Chrome Web Store and AMO take), made from the project's own
 * pages, never by hand: the demo chart (demo/, served on 127.0.0.1 as `npm run demo` does) with the
 * extension switched to the bundled SPX sample; the lines and the open panel on it; then the popup's
 * Levels, Heatmap and Checklist tabs, each shown over the chart the way the browser opens it from the
 * toolbar. Needs the test build (npm run store:screenshots makes it) and the browser lock.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromiumWithExtension } from '../tests/e2e/helpers/chromium';
import { startServer } from './dev/local-server';
import { ask } from './dev/ask-extension';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const outDir = outIndex >= 0 && args[outIndex + 1] ? resolve(args[outIndex + 1]) : join(root, 'docs/store/screenshots');
const STORE = { width: 1280, height: 800 };
/** Chrome's popup: the popup's own width, at most 600 px tall. */
const POPUP = { width: 440, height: 600 };

interface PopupShot {
  file: string;
  tab: string;
  caption: string;
  ready: (popup: Page) => Promise<unknown>;
}

const POPUP_SHOTS: PopupShot[] = [
  {
    file: '2-popup-levels.png',
    tab: 'Levels',
    caption:
      'The levels card: regime, spot, the gamma flip with the band its models span, the call and put walls, 0DTE share and hedge flow in words, with the source and its age.',
    ready: (popup) => popup.getByTestId('spot').waitFor(),
  },
  {
    file: '3-popup-heatmap.png',
    tab: 'Heatmap',
    caption:
      'Net dealer gamma by strike and expiry on one perceptual scale, each cell marked + or −, with the flip, the walls and spot marked and a legend that says what the colours mean.',
    ready: (popup) => popup.getByTestId('heatmap-legend').waitFor(),
  },
  {
    file: '4-popup-checklist.png',
    tab: 'Checklist',
    caption: 'The morning routine: each question with a verdict in words and its reason, from the same levels.',
    ready: (popup) => popup.getByTestId('checklist').waitFor(),
  },
];

/** A store frame: the chart as the page behind, the popup where the browser opens it, a caption beside. */
function framePage(chart: Buffer, popup: Buffer, caption: string): string {
  const image = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  return `<!doctype html><meta charset="utf-8"><style>
    html, body { margin: 0; width: ${STORE.width}px; height: ${STORE.height}px; overflow: hidden; font-family: system-ui, sans-serif; }
    .chart { position: absolute; inset: 0; background: url(${image(chart)}) no-repeat; filter: brightness(0.55); }
    .popup { position: absolute; top: 12px; right: 24px; width: ${POPUP.width}px; border-radius: 8px; overflow: hidden;
             box-shadow: 0 8px 32px rgba(0, 0, 0, 0.55), 0 0 0 1px rgba(255, 255, 255, 0.12); }
    .popup img { display: block; }
    .caption { position: absolute; left: 48px; bottom: 56px; width: 620px; padding: 18px 22px; border-radius: 10px;
               background: rgba(15, 18, 26, 0.88); color: #e6e8ee; font-size: 21px; line-height: 1.4; }
    .caption b { display: block; font-size: 14px; letter-spacing: 0.08em; text-transform: uppercase; color: #ffb300; margin-bottom: 6px; }
  </style><div class="chart"></div><div class="popup"><img src="${image(popup)}"></div>
  <div class="caption"><b>gexmap</b>${caption}</div>`;
}

async function main() {
  await mkdir(outDir, { recursive: true });
  const server = await startServer({ '/': join(root, 'demo'), '/vendor/echarts/': join(root, 'node_modules/echarts/dist') });
  const browser = await launchChromiumWithExtension();
  try {
    const control = await browser.context.newPage();
    await control.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await ask(control, 'updateSettings', { provider: 'sample', ticker: 'SPX', expiryFilter: 'all' });
    await ask(control, 'setSiteEnabled', { pattern: 'http://127.0.0.1/*', enabled: true });
    await ask(control, 'getLevels', {});
    await control.close();

    // 1: the lines on the chart, the panel open (it starts as a pill docked to the chart).
    const chart = await browser.context.newPage();
    await chart.setViewportSize(STORE);
    await chart.goto(`${server.origin}/index.html`);
    // The demo keeps a gutter on its left (for its own screenshot at 1400 px); a store shot gives the chart the width.
    await chart.addStyleTag({ content: 'header { left: 20px !important; } #chart { left: 10px !important; }' });
    await chart.evaluate(() => dispatchEvent(new Event('resize')));
    const drawn = () =>
      chart.evaluate(() => document.querySelector('gexmap-overlay')?.shadowRoot?.querySelectorAll('[data-level]').length ?? 0);
    for (const deadline = Date.now() + 30000; (await drawn()) < 3;) {
      if (Date.now() > deadline) throw new Error('the levels were not drawn on the demo chart within 30 s');
      await chart.waitForTimeout(100);
    }
    const backdrop = await chart.screenshot(); // lines, panel still a pill: the page behind the popup shots
    await chart.locator('gexmap-overlay .gx-pill').click();
    await chart.locator('gexmap-overlay [data-testid="heatmap"]').waitFor({ timeout: 20000 });
    await chart.screenshot({ path: join(outDir, '1-chart-levels.png') });
    console.log(`store:screenshots: ${join(outDir, '1-chart-levels.png')}`);

    // 2–4: the popup's tabs, in the dark theme like the chart, each framed over the chart.
    const popup = await browser.context.newPage();
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.setViewportSize(POPUP);
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const frame = await browser.context.newPage();
    await frame.setViewportSize(STORE);
    for (const shot of POPUP_SHOTS) {
      await popup.getByRole('tab', { name: shot.tab, exact: true }).click();
      await shot.ready(popup);
      await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const height = await popup.evaluate(() => Math.min(600, document.documentElement.scrollHeight));
      const image = await popup.screenshot({ clip: { x: 0, y: 0, width: POPUP.width, height } });
      await frame.setContent(framePage(backdrop, image, shot.caption));
      await frame.locator('.popup img').evaluate((element: HTMLImageElement) => element.decode());
      await frame.screenshot({ path: join(outDir, shot.file) });
      console.log(`store:screenshots: ${join(outDir, shot.file)}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
