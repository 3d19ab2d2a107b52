import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithExtension, type ExtensionBrowser } from './helpers/chromium';
import { startServer, type TestServer } from './helpers/server';
import { pagesDir } from './helpers/paths';
import { ask } from './helpers/protocol';
import { watchPageErrors } from './helpers/page-errors';

describe('Chromium: the built extension loads and works', () => {
  let browser: ExtensionBrowser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ '/pages/': pagesDir });
    browser = await launchChromiumWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('starts the background service worker of our manifest', async () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    const manifest = await browser.serviceWorker.evaluate(() => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { getManifest(): { manifest_version: number; name: string } } } };
      return chrome.runtime.getManifest();
    });
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.name).toMatch(/^gexmap/);
  });

  it("runs the content script on a localhost page, which gets the sample's levels from the background", async () => {
    const settings = await browser.context.newPage();
    await settings.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await ask(settings, 'updateSettings', { provider: 'sample', ticker: 'SPX' });
    // Local pages get the overlay like any site: once the user turns it on (no prompt: host already granted).
    await ask(settings, 'setSiteEnabled', { pattern: 'http://127.0.0.1/*', enabled: true });
    const page = await browser.context.newPage();
    const errors = await watchPageErrors(browser.context, page);
    await page.goto(`${server.origin}/pages/chart.html`);
    const status = page.getByTestId('gexmap-status');
    await expect.poll(() => status.textContent(), { timeout: 15000 }).toMatch(/^SPX · negative γ · SAMPLE/);
    await expect.poll(() => page.locator('gexmap-overlay [data-level]').count()).toBe(3);
    // The overlay must not move the host page: its host is fixed and takes no pointer events.
    const hostStyle = await page.evaluate(() => {
      const host = document.querySelector('gexmap-overlay') as HTMLElement;
      const style = getComputedStyle(host);
      return { position: style.position, pointerEvents: style.pointerEvents, shadowOpen: host.shadowRoot !== null };
    });
    expect(hostStyle).toEqual({ position: 'fixed', pointerEvents: 'none', shadowOpen: true });
    // Nothing in the content script (or the page) threw: it uses only what content scripts may use.
    expect(errors).toEqual([]);
    await page.close();
    await settings.close();
  });

  it('renders the popup with the levels the background computed', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => page.getByTestId('spot').textContent(), { timeout: 15000 }).toBe('4,697.24');
    expect(await page.getByTestId('regime').textContent()).toBe('Negative γ');
    expect(await page.getByTestId('source').textContent()).toMatch(/^Sample data: SPX/);
    await page.close();
  });

  it("shows the active ticker's regime on the toolbar badge, marked old for the sample, in the icon's title too", async () => {
    type Action = { getBadgeText(details: object): Promise<string>; getTitle(details: object): Promise<string> };
    const read = () =>
      browser.serviceWorker.evaluate(async () => {
        const { chrome } = globalThis as unknown as { chrome: { action: Action } };
        return { text: await chrome.action.getBadgeText({}), title: await chrome.action.getTitle({}) };
      });
    // The sample (SPX, negative gamma) from a past session: "−γ" with the stale mark.
    await expect.poll(async () => (await read()).text, { timeout: 15000 }).toBe('−γ!');
    expect((await read()).title).toMatch(
      /^gexmap — SPX: negative gamma, flip 4,724\.7 · as of Sun Jan 7, 2024, 10:52 AM EST .* · old data \(a past session\)/,
    );
  });
});
