/**
 * Keys and settings out of pages' reach, in real Firefox: code run in the overlay's own content-script
 * world cannot read an API key or change a setting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { extensionPage, launchFirefoxWithExtension } from './helpers/firefox';
import { startServer, type TestServer } from './helpers/server';
import { pagesDir } from './helpers/paths';
import { ask } from './helpers/protocol';
import { probeContentWorld } from './helpers/content-world-probe';

describe('Firefox ESR: secrets and settings in trusted contexts only', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ '/pages/': pagesDir });
    ({ browser } = await launchFirefoxWithExtension());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the content-script world reads no key and changes no setting', async () => {
    const options = await extensionPage(browser);
    await ask(options, 'setApiKeys', { tradier: 'TRADIER-SECRET-1', polygon: 'POLYGON-SECRET-2' });
    await ask(options, 'updateSettings', { provider: 'sample', ticker: 'SPX', customUrl: 'https://data.example.com/{ticker}.json' });
    await ask(options, 'setSiteEnabled', { pattern: 'http://127.0.0.1/*', enabled: true });
    const chart = await browser.newPage();
    await chart.goto(`${server.origin}/pages/chart.html`);
    await chart.waitForFunction(
      () => (document.querySelector('gexmap-overlay')?.shadowRoot?.querySelectorAll('[data-level]').length ?? 0) === 3,
      { timeout: 20000 },
    );
    const probe = await options.evaluate(probeContentWorld, `${server.origin}/pages/chart.html`);
    expect(probe.storageLocal).not.toMatch(/SECRET|TRADIER|POLYGON|customUrl/);
    expect(probe.pageIndexedDb).not.toContain('gexmap');
    expect(probe.updateSettings).toMatch(/only the extension's own pages may do this/);
    expect(probe.setApiKeys).toMatch(/only the extension's own pages may do this/);
    const settings = await ask<{ customUrl: string; provider: string; keys: { tradier: boolean } }>(options, 'getSettings', undefined);
    expect(settings).toMatchObject({ provider: 'sample', customUrl: 'https://data.example.com/{ticker}.json', keys: { tradier: true } });
  });
});
