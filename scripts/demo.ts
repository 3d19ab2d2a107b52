/**
 * npm run demo [-- --screenshot FILE]
 * The extension on a bundled chart page with the bundled sample chain, offline: serves demo/ on
 * 127.0.0.1, starts Debian Chromium with the built extension, switches it to the sample, and opens
 * the chart with the levels drawn and the heatmap panel open. With --screenshot, or with no display,
 * writes a PNG of the page and exits 0.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { startServer } from './dev/local-server';
import { ask } from './dev/ask-extension';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const screenshotIndex = args.indexOf('--screenshot');
const screenshot = screenshotIndex >= 0 ? resolve(args[screenshotIndex + 1] ?? join(tmpdir(), 'gexmap-demo.png')) : null;
const headless = screenshot !== null || !process.env.DISPLAY;
const extension = join(root, '.output/chrome-mv3');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function fail(message: string): never {
  process.stderr.write(`demo: ${message}\n`);
  process.exit(1);
}

if (!existsSync(join(extension, 'manifest.json'))) fail('no build in .output/chrome-mv3: run "npm run build" first (npm run demo does)');
if (!existsSync(executablePath)) fail(`no Chromium at ${executablePath}: apt-get install chromium (or set CHROMIUM_PATH)`);

const server = await startServer({ '/': join(root, 'demo'), '/vendor/echarts/': join(root, 'node_modules/echarts/dist') });
const context = await chromium.launchPersistentContext(await mkdtemp(join(tmpdir(), 'gexmap-demo-')), {
  executablePath,
  headless,
  viewport: { width: 1400, height: 820 },
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
  ],
});
if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
// A new install opens the options page (onboarding): the demo talks to the extension from there.
// (Its tab may exist before its URL does: look until one shows the options page.)
const isOptions = (candidate: { url(): string }) => /^chrome-extension:\/\/[^/]+\/options\.html/.test(candidate.url());
const deadline = Date.now() + 30000;
let control = context.pages().find(isOptions);
while (!control && Date.now() < deadline) {
  await new Promise((resolve) => setTimeout(resolve, 50));
  control = context.pages().find(isOptions);
}
if (!control) fail('the extension did not open its options page after install');
await control.waitForLoadState();
await ask(control, 'updateSettings', { provider: 'sample', ticker: 'SPX', expiryFilter: 'all' });
// The demo page is a local site: turn the overlay on for it, as a user would from the popup.
await ask(control, 'setSiteEnabled', { pattern: 'http://127.0.0.1/*', enabled: true });
await ask(control, 'getLevels', {});
await control.close();

const page = await context.newPage();
await page.goto(`${server.origin}/index.html`);
await page.waitForFunction(
  () => (document.querySelector('gexmap-overlay')?.shadowRoot?.querySelectorAll('[data-level]').length ?? 0) >= 3,
  undefined,
  { timeout: 20000 },
);
// The panel starts as a pill docked to the chart: open it, as a trader would, to show the heatmap.
const pill = page.locator('gexmap-overlay .gx-pill');
if (await pill.count()) await pill.click();
await page.waitForFunction(
  () => Boolean(document.querySelector('gexmap-overlay')?.shadowRoot?.querySelector('[data-testid="heatmap"]')),
  undefined,
  { timeout: 20000 },
);
const drawn = await page.evaluate(() =>
  [...document.querySelector('gexmap-overlay')!.shadowRoot!.querySelectorAll<HTMLElement>('[data-level]')].map(
    (element) => `${element.dataset.level} ${Number(element.dataset.price).toFixed(1)}`,
  ),
);
console.log(`demo: levels drawn on ${server.origin}/index.html: ${drawn.join(', ')}`);

if (headless) {
  const file = screenshot ?? join(tmpdir(), 'gexmap-demo.png');
  await page.screenshot({ path: file });
  console.log(`demo: screenshot written to ${file}${screenshot ? '' : ' (no display: run with a display to browse the demo)'}`);
  await context.close();
  await server.close();
} else {
  console.log('demo: close the browser window to stop.');
  await new Promise<void>((done) => context.on('close', () => done()));
  await server.close();
}
