/**
 * The service worker: the only place that fetches data, holds keys and computes levels. Thin glue:
 * browser storage, alarms, fetch and messaging wired to lib/service/LevelsService.
 */
import { defineBackground } from 'wxt/utils/define-background';
import { browser, type Browser } from 'wxt/browser';
import { onMessage, sendMessage } from '../utils/messaging';
import { browserServiceStorage, readCopy, subscriptionsItem } from '../utils/storage';
import { indexedDbArchive } from '../utils/chain-archive';
import { LevelsService } from '../lib/service/levels-service';
import { validateRequest, RequestError } from '../lib/service/validate';
import { SAMPLE_SNAPSHOT, gunzipText } from '../lib/providers/sample';
import type { LevelsReply } from '../lib/service/protocol';

const REFRESH_ALARM = 'gexmap-refresh';
const OVERLAY_SCRIPT = 'content-scripts/overlay.js';
const SITE_SCRIPT_PREFIX = 'gexmap-site:';

/** Makes the registered per-site content scripts match the enabled sites (on every change and start). */
async function syncSiteScripts(sites: string[]): Promise<void> {
  const registered = await browser.scripting.getRegisteredContentScripts();
  const ours = registered.filter((script) => script.id.startsWith(SITE_SCRIPT_PREFIX));
  const wanted = new Set(sites.map((site) => SITE_SCRIPT_PREFIX + site));
  const stale = ours.filter((script) => !wanted.has(script.id)).map((script) => script.id);
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
  const have = new Set(ours.map((script) => script.id));
  const missing = sites.filter((site) => !have.has(SITE_SCRIPT_PREFIX + site));
  if (missing.length) {
    await browser.scripting.registerContentScripts(
      missing.map((site) => ({ id: SITE_SCRIPT_PREFIX + site, matches: [site], js: [OVERLAY_SCRIPT], runAt: 'document_idle' as const, persistAcrossSessions: true })),
    );
  }
}

export default defineBackground({
  main() {
    const startedAt = Date.now();
    const extensionOrigin = browser.runtime.getURL('/');
    const service = new LevelsService({
      storage: browserServiceStorage(indexedDbArchive()),
      fetch: (url, init) => fetch(url, { ...init, cache: 'no-store', credentials: 'omit' }),
      now: () => Date.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      loadSample: async () => gunzipText(await (await fetch(browser.runtime.getURL(`/${SAMPLE_SNAPSHOT.path}` as '/'))).arrayBuffer()),
      scheduleAlarm: async (when) => {
        await browser.alarms.create(REFRESH_ALARM, { when });
      },
      broadcast: (reply) => pushToSubscribers(reply),
    });

    /** Extension pages (popup, options, demo) may change things; content scripts may only ask. */
    const fromExtensionPage = (sender: Browser.runtime.MessageSender) => (sender.url ?? '').startsWith(extensionOrigin);
    const requireExtensionPage = (name: string, sender: Browser.runtime.MessageSender) => {
      if (!fromExtensionPage(sender)) throw new RequestError(`${name}: only the extension's own pages may do this`);
    };

    async function pushToSubscribers(reply: LevelsReply): Promise<void> {
      const subscriptions = await readCopy(subscriptionsItem);
      for (const [tabId, subscription] of Object.entries(subscriptions)) {
        if (subscription.ticker === reply.ticker) await sendMessage('levelsUpdated', reply, Number(tabId)).catch(() => undefined);
      }
    }

    /**
     * After the popup or options change what is shown (ticker, expiry filter, model): every tab gets
     * fresh levels; tabs without a chart symbol follow the popup's ticker.
     */
    async function refreshSubscribers(): Promise<void> {
      const [subscriptions, settings] = await Promise.all([readCopy(subscriptionsItem), service.publicSettings()]);
      const replies = new Map<string, LevelsReply>();
      for (const [tabId, subscription] of Object.entries(subscriptions)) {
        const ticker = subscription.follow ? settings.ticker : subscription.ticker;
        subscription.ticker = ticker;
        if (!replies.has(ticker)) replies.set(ticker, await service.getLevels({ ticker }));
        await sendMessage('levelsUpdated', replies.get(ticker)!, Number(tabId)).catch(() => undefined);
      }
      await subscriptionsItem.setValue(subscriptions);
    }

    onMessage('hello', ({ data, sender }) => {
      validateRequest('hello', data);
      return {
        name: 'gexmap' as const,
        version: browser.runtime.getManifest().version,
        now: Date.now(),
        startedAt,
        from: fromExtensionPage(sender) ? ('extension-page' as const) : ('content' as const),
      };
    });
    onMessage('getLevels', ({ data }) => service.getLevels(validateRequest('getLevels', data)));
    onMessage('getHeatmap', ({ data }) => service.getHeatmap(validateRequest('getHeatmap', data)));
    onMessage('getProfile', ({ data }) => service.getProfile(validateRequest('getProfile', data)));
    onMessage('getHistory', ({ data }) => service.getHistory(validateRequest('getHistory', data)));
    onMessage('getStatus', ({ data }) => (validateRequest('getStatus', data), service.getStatuses()));
    onMessage('getSettings', ({ data }) => (validateRequest('getSettings', data), service.publicSettings()));
    onMessage('updateSettings', async ({ data, sender }) => {
      requireExtensionPage('updateSettings', sender);
      const updated = await service.updateSettings(data);
      void refreshSubscribers();
      return updated;
    });
    onMessage('setApiKeys', ({ data, sender }) => {
      requireExtensionPage('setApiKeys', sender);
      return service.setKeys(validateRequest('setApiKeys', data));
    });
    onMessage('setTicker', async ({ data, sender }) => {
      requireExtensionPage('setTicker', sender);
      const reply = await service.setTicker(validateRequest<{ ticker: string }>('setTicker', data).ticker);
      void refreshSubscribers();
      return reply;
    });
    onMessage('refresh', ({ data }) => service.refresh(validateRequest<{ ticker?: string }>('refresh', data).ticker));
    onMessage('importChain', ({ data, sender }) => {
      requireExtensionPage('importChain', sender);
      const { text, name } = validateRequest<{ text: string; name: string }>('importChain', data);
      return service.importChain(text, name);
    });
    onMessage('clearData', async ({ data, sender }) => {
      requireExtensionPage('clearData', sender);
      validateRequest('clearData', data);
      await service.clearData();
    });
    onMessage('setSiteEnabled', async ({ data, sender }) => {
      requireExtensionPage('setSiteEnabled', sender);
      const { pattern, enabled, tabId } = validateRequest<{ pattern: string; enabled: boolean; tabId?: number }>('setSiteEnabled', data);
      const settings = await service.publicSettings();
      const sites = enabled ? [...settings.enabledSites, pattern] : settings.enabledSites.filter((site) => site !== pattern);
      const updated = await service.updateSettings({ enabledSites: sites }); // validates the pattern
      await syncSiteScripts(updated.enabledSites);
      if (enabled && tabId !== undefined) {
        await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/overlay.js'] }).catch(() => undefined);
      }
      return updated;
    });
    onMessage('subscribe', async ({ data, sender }) => {
      const { ticker, follow } = validateRequest<{ ticker: string; follow?: boolean }>('subscribe', data);
      const reply = await service.getLevels({ ticker });
      if (sender.tab?.id !== undefined) {
        const subscriptions = await readCopy(subscriptionsItem);
        subscriptions[String(sender.tab.id)] = { ticker: reply.ticker, follow: follow === true };
        await subscriptionsItem.setValue(subscriptions);
      }
      return reply;
    });

    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === REFRESH_ALARM) void service.onAlarm();
    });
    browser.tabs.onRemoved.addListener(async (tabId) => {
      const subscriptions = await readCopy(subscriptionsItem);
      if (String(tabId) in subscriptions) {
        delete subscriptions[String(tabId)];
        await subscriptionsItem.setValue(subscriptions);
      }
    });
    // A new install starts at the options page: pick a data source (CBOE works without any setup).
    browser.runtime.onInstalled.addListener(({ reason }) => {
      if (reason === 'install') void browser.runtime.openOptionsPage();
    });
    // Every worker start (install, browser start, wake-up after being killed) re-creates the alarm
    // and the per-site content scripts.
    void service.start();
    void service.publicSettings().then((settings) => syncSiteScripts(settings.enabledSites)).catch(() => undefined);
  },
});
