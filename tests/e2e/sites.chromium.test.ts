/**
 * "Show on this site" from the popup, in real Chromium. The browser's permission prompt cannot be
 * driven from a test, so the site here is one whose host permission the manifest already grants
 * (127.0.0.1, where permissions.request resolves without a prompt): everything before the prompt
 * (the popup offers the active tab's site) and after it (registration, immediate injection, reload,
 * turning off) is exercised for real.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromiumWithExtension, type ExtensionBrowser } from './helpers/chromium';
import { startServer, type TestServer } from './helpers/server';
import { pagesDir } from './helpers/paths';
import { ask } from './helpers/protocol';

const overlayLevels = (page: Page) =>
  page.evaluate(() => document.querySelector('gexmap-overlay')?.shadowRoot?.querySelectorAll('[data-level]').length ?? -1);

describe('Chromium: turning the overlay on and off for a site from the popup', () => {
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

  it("offers the active tab's site, injects at once, stays on across reloads, and turns off", async () => {
    const control = await browser.context.newPage();
    await control.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await ask(control, 'updateSettings', { provider: 'sample', ticker: 'SPX' });

    const chart = await browser.context.newPage();
    await chart.goto(`${server.origin}/pages/chart.html`);
    await chart.waitForTimeout(1500);
    expect(await overlayLevels(chart)).toBe(-1); // not on this site yet

    // The popup, in its own window, as the toolbar button would show it over the chart's window.
    await chart.bringToFront();
    const [popup] = await Promise.all([
      browser.context.waitForEvent('page'),
      control.evaluate(async (url) => {
        const { chrome } = globalThis as unknown as { chrome: { windows: { create(options: object): Promise<unknown> } } };
        await chrome.windows.create({ url, type: 'popup', width: 420, height: 800, focused: false });
      }, `chrome-extension://${browser.extensionId}/popup.html`),
    ]);
    await popup.waitForURL(/popup\.html$/);
    const toggle = popup.getByRole('checkbox', { name: 'Show on this site (http://127.0.0.1)' });
    await expect.poll(() => toggle.count(), { timeout: 10000 }).toBe(1);
    expect(await toggle.isChecked()).toBe(false);

    await toggle.check();
    await expect.poll(() => overlayLevels(chart), { timeout: 10000 }).toBe(3); // injected without a reload
    const registered = await browser.serviceWorker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches: string[] }[]> } };
      };
      return (await chrome.scripting.getRegisteredContentScripts()).map((script) => [script.id, script.matches]);
    });
    expect(registered.sort()).toEqual([
      ['gexmap-bridge:http://127.0.0.1/*', ['http://127.0.0.1/*']],
      ['gexmap-site:http://127.0.0.1/*', ['http://127.0.0.1/*']],
    ]);
    await chart.reload();
    await expect.poll(() => overlayLevels(chart), { timeout: 10000 }).toBe(3);
    expect(await overlayLevels(chart)).toBe(3);

    await toggle.uncheck();
    await expect.poll(async () => (await ask<{ enabledSites: string[] }>(control, 'getSettings', undefined)).enabledSites).toEqual([]);
    await chart.reload();
    await chart.waitForTimeout(1500);
    expect(await overlayLevels(chart)).toBe(-1);
    const after = await browser.serviceWorker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } } };
      return (await chrome.scripting.getRegisteredContentScripts()).length;
    });
    expect(after).toBe(0);
  });
});
