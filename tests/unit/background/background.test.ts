/**
 * The background entrypoint on WXT's fake browser (storage, alarms) with Chrome's messaging callback
 * semantics shimmed in: every request goes through @webext-core/messaging and the boundary checks,
 * from a content script's sender (a tab on a web page) unless a test says otherwise.
 */
import 'fake-indexeddb/auto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import { sendMessage } from '../../../utils/messaging';
import { serviceStorage } from '../../../utils/storage';
import { openDatabase } from '../../../utils/database';
import { installChromeMessagingShim, type MessagingShim } from '../chrome-messaging-shim';

const CONTENT_SCRIPT = { url: 'https://www.tradingview.com/chart/abc/', tab: { id: 7 } };
const POPUP = { url: 'chrome-extension://test-extension-id/popup.html' };

describe('background messaging', () => {
  const storage = serviceStorage(openDatabase());
  let shim: MessagingShim;
  let startedAt: number;
  beforeAll(async () => {
    fakeBrowser.reset();
    shim = installChromeMessagingShim();
    // Not modelled by the fake browser; the real one reads the built manifest.
    (fakeBrowser.runtime as unknown as { getManifest: () => object }).getManifest = () => ({ manifest_version: 3, version: '0.1.0' });
    // As 0.1 stored them (storage.local): the background moves them into its own database at start.
    await fakeBrowser.storage.local.set({ keys: { tradier: 'TRADIER-SECRET-TOKEN', polygon: 'POLYGON-SECRET-KEY' }, keys$: { v: 1 } });
    await storage.settings.update((settings) => ({ ...settings, provider: 'polygon', ticker: 'SPY' }));
    startedAt = Date.now();
    background.main();
  });
  beforeEach(() => {
    shim.sender = CONTENT_SCRIPT;
  });

  it('answers hello, seeing a content script', async () => {
    const reply = await sendMessage('hello', { client: 'test' });
    expect(reply).toMatchObject({ name: 'gexmap', from: 'content' });
  });

  it.each([
    ['hello', { client: 42 }, /hello: "client" must be text/],
    ['setSiteState', { panel: { x: 'far', y: 0, collapsed: true } }, /setSiteState: "panel" "x" must be a number/],
    [
      'setSiteState',
      { calibration: { kind: 'linear', points: [{ fraction: 0.2, price: 1 }] } },
      /setSiteState: "calibration" needs two points/,
    ],
    ['getLevels', { ticker: 'SPX' }, /getLevels: only the extension's own pages may do this/],
    ['subscribe', { symbols: 'SPX' }, /subscribe: "symbols" must be a list/],
    ['subscribe', { ticker: 'SPX' }, /subscribe: unknown field "ticker"/],
    ['getSettings', undefined, /getSettings: only the extension's own pages may do this/],
    ['refresh', { ticker: '../../etc' }, /"..\/..\/etc" is not a ticker/],
  ] as const)('answers %s %j with an error, and keeps working', async (name, data, message) => {
    await expect(sendMessage(name as 'getLevels', data as never)).rejects.toThrow(message);
    expect(await sendMessage('hello', { client: 'after' })).toMatchObject({ name: 'gexmap' });
  });

  it('refuses changes from a content script', async () => {
    await expect(sendMessage('updateSettings', { provider: 'cboe' })).rejects.toThrow(/only the extension's own pages may do this/);
    await expect(sendMessage('setApiKeys', { tradier: 'x' })).rejects.toThrow(/only the extension's own pages/);
    await expect(sendMessage('importChain', { text: 'x', name: 'y' })).rejects.toThrow(/only the extension's own pages/);
    await expect(sendMessage('acceptRefusedChain', { ticker: 'SPX' })).rejects.toThrow(/only the extension's own pages/);
    await expect(sendMessage('setTicker', { ticker: 'QQQ' })).rejects.toThrow(/only the extension's own pages/);
    await expect(sendMessage('clearData', undefined)).rejects.toThrow(/only the extension's own pages/);
    expect((await storage.settings.get()).provider).toBe('polygon');
  });

  it('never puts an API key in a reply to a content script', async () => {
    const replies: unknown[] = await Promise.all([
      sendMessage('subscribe', { symbols: ['AMEX:SPY'] }),
      sendMessage('refresh', {}),
      sendMessage('getSiteState', undefined),
    ]);
    shim.sender = POPUP;
    replies.push(
      await sendMessage('getSettings', undefined),
      await sendMessage('getStatus', undefined),
      await sendMessage('getLevels', {}),
      await sendMessage('getHeatmap', {}),
      await sendMessage('getProfile', {}),
      await sendMessage('getHistory', {}),
    );
    const text = JSON.stringify(replies);
    expect(text).not.toMatch(/SECRET/);
    expect(replies[3]).toMatchObject({ provider: 'polygon', keys: { tradier: true, polygon: true } });
    // The Polygon request itself failed (no network in tests), and the status says so in plain words.
    expect(replies[5]).toMatchObject({ levels: null, status: { lastError: { kind: 'network' } } });
  });

  it('subscribes the asking tab to pushes, with its chart symbols mapped by the symbol rules', async () => {
    const push = await sendMessage('subscribe', { symbols: ['AMEX:SPY', 'CME_MINI:ES1!', 'NASDAQ:BRK.B/X'] });
    expect(push.charts.map((chart) => [chart.symbol, chart.ticker, chart.problem])).toEqual([
      ['AMEX:SPY', 'SPY', null],
      ['CME_MINI:ES1!', 'SPX', null],
      ['NASDAQ:BRK.B/X', null, 'No options underlying for NASDAQ:BRK.B/X.'],
    ]);
    expect((await storage.subscription(7).get())?.symbols).toEqual(['AMEX:SPY', 'CME_MINI:ES1!', 'NASDAQ:BRK.B/X']);
  });

  it("lets the extension's own pages change settings, validated", async () => {
    shim.sender = POPUP;
    expect(await sendMessage('hello', { client: 'popup' })).toMatchObject({ from: 'extension-page' });
    const settings = await sendMessage('updateSettings', { refreshMinutes: 15 });
    expect(settings.refreshMinutes).toBe(15);
    await expect(sendMessage('updateSettings', { refreshMinutes: 'often' } as never)).rejects.toThrow(
      /refreshMinutes must be a whole number/,
    );
    const keys = await sendMessage('setApiKeys', { tradier: '' });
    expect(keys.keys).toEqual({ tradier: false, polygon: true });
    expect(JSON.stringify(keys)).not.toMatch(/SECRET/);
  });

  it('creates the refresh alarm when the worker starts', async () => {
    const alarm = await fakeBrowser.alarms.get('gexmap-refresh');
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(startedAt + 30000);
  });
});
