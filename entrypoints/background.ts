/**
 * The background: the only place that fetches data, holds keys and computes levels. Wiring only —
 * the features live in lib/service (feeds, questions, subscriptions, settings changes); this file
 * gives them the browser's storage, fetch, alarms and messaging.
 */
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { sendMessage } from '../utils/messaging';
import { openDatabase } from '../utils/database';
import { forgetSubscriptions, moveFromLocalStorage, serviceStorage } from '../utils/storage';
import { serveProtocol, type Sender } from '../utils/serve-protocol';
import { injectOverlay, syncSiteScripts } from '../utils/sites';
import { showAlert } from '../utils/notifications';
import { composeService } from '../lib/service/compose';
import { SAMPLE_SNAPSHOT, gunzipText } from '../lib/providers/sample';

const REFRESH_ALARM = 'gexmap-refresh';
/** The badge follows the clock too: levels turn stale and old while nothing else happens. */
const BADGE_ALARM = 'gexmap-badge';
const BADGE_MINUTES = 5;

export default defineBackground({
  main() {
    const startedAt = Date.now();
    const extensionOrigin = browser.runtime.getURL('/');
    // The browser sets the sender's URL: a content script's is its page's, never the extension's.
    const isExtensionPage = (sender: Sender) => (sender.url ?? '').startsWith(extensionOrigin);
    // A page's state is keyed by its own origin, as the browser reports it: no page can name another.
    const originOf = (sender: Sender) => new URL(sender.url ?? 'about:blank').origin;
    const database = openDatabase();
    const storage = serviceStorage(database);
    // Data kept by 0.1 in storage.local moves to the extension's own database before anything reads it.
    const ready = moveFromLocalStorage(browser.storage.local, database.items).catch((error) =>
      console.error('gexmap: moving stored data failed', error),
    );

    const { feeds, questions, subscriptions, changes, badge, alerts } = composeService({
      storage,
      fetch: (url, init) => fetch(url, { ...init, cache: 'no-store', credentials: 'omit' }),
      now: () => Date.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      loadSample: async () => gunzipText(await (await fetch(browser.runtime.getURL(`/${SAMPLE_SNAPSHOT.path}` as '/'))).arrayBuffer()),
      scheduleAlarm: async (when) => void (await browser.alarms.create(REFRESH_ALARM, { when })),
      sendToTab: (tabId, push) => sendMessage('overlayUpdated', push, tabId),
      syncSites: syncSiteScripts,
      injectOverlay,
      showBadge: async ({ text, colour, title }) => {
        await browser.action.setBadgeText({ text });
        await browser.action.setBadgeBackgroundColor({ color: colour });
        await browser.action.setTitle({ title });
      },
      notify: showAlert,
    });

    serveProtocol(
      {
        hello: (_request, sender) => ({
          name: 'gexmap',
          version: browser.runtime.getManifest().version,
          now: Date.now(),
          startedAt,
          from: isExtensionPage(sender) ? 'extension-page' : 'content',
        }),
        getLevels: (request) => questions.getLevels(request),
        getHeatmap: (request) => questions.getHeatmap(request),
        getProfile: (request) => questions.getProfile(request),
        getHistory: (request) => questions.getHistory(request),
        getStatus: () => questions.getStatuses(),
        getSettings: () => questions.publicSettings(),
        updateSettings: (patch) => changes.update(patch),
        setApiKeys: (keys) => changes.setKeys(keys),
        setTicker: (request) => changes.setTicker(request.ticker),
        refresh: (request, sender) => feeds.refresh(request.ticker, isExtensionPage(sender) ? 'extension' : 'page'),
        importChain: (request) => changes.importChain(request.text, request.name),
        acceptRefusedChain: (request) => changes.acceptRefusedChain(request),
        clearData: () => changes.clearData(),
        setSiteEnabled: (request) => changes.setSiteEnabled(request),
        subscribe: (request, sender) => subscriptions.subscribe(sender.tab?.id, request),
        getStorageUsage: () => feeds.usage(),
        getSiteState: (_request, sender) => storage.site(originOf(sender)).get(),
        setSiteState: (patch, sender) => storage.site(originOf(sender)).update((state) => ({ ...state, ...patch })),
        getSessionHistory: (request) => questions.getSessionHistory(request),
        getAlerts: (request) => alerts.reply(request.ticker),
        clearAlertLog: () => alerts.clearLog(),
      },
      { isExtensionPage, ready },
    );

    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === REFRESH_ALARM) void ready.then(() => feeds.onAlarm());
      if (alarm.name === BADGE_ALARM) void ready.then(() => badge.update());
    });
    browser.tabs.onRemoved.addListener((tabId) => void ready.then(() => subscriptions.forget(tabId)));
    browser.runtime.onStartup.addListener(() => void ready.then(() => forgetSubscriptions(database.items)));
    // A new install starts at the options page: pick a data source (CBOE works without any setup).
    browser.runtime.onInstalled.addListener(({ reason }) => {
      if (reason === 'install') void browser.runtime.openOptionsPage();
    });
    // Every worker start (install, browser start, wake-up after being killed) re-arms the schedule and
    // the per-site content scripts.
    void ready.then(async () => {
      await feeds.start().catch(() => undefined);
      await syncSiteScripts((await storage.settings.get()).enabledSites).catch(() => undefined);
      await browser.alarms.create(BADGE_ALARM, { periodInMinutes: BADGE_MINUTES });
      await badge.update();
    });
  },
});
