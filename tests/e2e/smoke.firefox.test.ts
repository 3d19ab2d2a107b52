import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { launchFirefoxWithExtension } from './helpers/firefox';
import { startServer, type TestServer } from './helpers/server';
import { pagesDir } from './helpers/paths';

describe('Firefox ESR: the built extension installs and works', () => {
  let browser: Browser;
  let addonId: string;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ '/pages/': pagesDir });
    ({ browser, addonId } = await launchFirefoxWithExtension());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('installs under its gecko id', () => {
    expect(addonId).toBe('gexmap@gexmap.app');
  });

  it('runs the content script on a localhost page, which reaches the background', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/pages/chart.html`);
    const badge = await page.waitForSelector('gexmap-overlay >>> [part="badge"][data-status="ready"]', { timeout: 20000 });
    expect(await badge!.evaluate((element) => element.textContent)).toMatch(/connected/);
    await page.close();
  });
});
