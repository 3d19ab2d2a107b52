/**
 * Keys and settings out of pages' reach, in real Chromium: code run in the overlay's own content-script
 * world on a chart page cannot read an API key, cannot change a setting through storage or messages,
 * and what it writes to storage.local changes nothing the background does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithExtension, type ExtensionBrowser } from './helpers/chromium';
import { startServer, type TestServer } from './helpers/server';
import { pagesDir } from './helpers/paths';
import { ask } from './helpers/protocol';
import { probeContentWorld } from './helpers/content-world-probe';

describe('Chromium: secrets and settings in trusted contexts only', () => {
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

  it('the content-script world reads no key and changes no setting', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await ask(options, 'setApiKeys', { tradier: 'TRADIER-SECRET-1', polygon: 'POLYGON-SECRET-2' });
    await ask(options, 'updateSettings', { provider: 'sample', ticker: 'SPX', customUrl: 'https://data.example.com/{ticker}.json' });
    await ask(options, 'setSiteEnabled', { pattern: 'http://127.0.0.1/*', enabled: true });
    const chart = await browser.context.newPage();
    await chart.goto(`${server.origin}/pages/chart.html`);
    await chart.waitForFunction(
      () => (document.querySelector('gexmap-overlay')?.shadowRoot?.querySelectorAll('[data-level]').length ?? 0) === 3,
      undefined,
      { timeout: 15000 },
    );

    const probe = await options.evaluate(probeContentWorld, `${server.origin}/pages/chart.html`);
    expect(probe.storageLocal).not.toMatch(/SECRET|TRADIER|POLYGON|customUrl/);
    expect(probe.pageIndexedDb).not.toContain('gexmap');
    expect(probe.updateSettings).toMatch(/only the extension's own pages may do this/);
    expect(probe.setApiKeys).toMatch(/only the extension's own pages may do this/);
    expect(probe.getSettings).toMatch(/only the extension's own pages may do this/);
    // What it wrote to storage.local is read by nothing: the settings stand as the user left them.
    const settings = await ask<{ customUrl: string; provider: string; keys: { tradier: boolean } }>(options, 'getSettings', undefined);
    expect(settings).toMatchObject({ provider: 'sample', customUrl: 'https://data.example.com/{ticker}.json', keys: { tradier: true } });
    // Even after the background starts again (where 0.1's storage would be read).
    const cdp = await browser.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect
      .poll(async () => (await ask<{ customUrl: string }>(options, 'getSettings', undefined)).customUrl, { timeout: 10000 })
      .toBe('https://data.example.com/{ticker}.json');
  });
});
