/**
 * The background's features composed: feeds (fetch, analyse, keep), questions (replies),
 * subscriptions (tabs and pushes) and settings changes. The background gives them the browser; the
 * tests give them a fake one — both run this same composition.
 */
import type { OverlayPush } from '../protocol';
import { Feeds, type FeedDeps } from './feeds';
import { Questions } from './questions';
import { Subscriptions } from './subscriptions';
import { SettingsChanges } from './settings-changes';
import { ToolbarBadge, type BadgeLook } from './badge';
import { Alerts } from './alerts';
import type { FiredAlert } from '../alerts/alert-model';

/** What the background gives the service: the feeds' own needs (their events are wired here) and the browser's doors. */
export interface ServiceDeps extends Omit<FeedDeps, 'onUpdated' | 'chartTickers'> {
  /** Delivers a push to a tab; rejects when the tab is gone. */
  sendToTab: (tabId: number, push: OverlayPush) => Promise<void>;
  syncSites: (sites: readonly string[]) => Promise<void>;
  injectOverlay: (tabId: number) => Promise<void>;
  /** Draws the toolbar icon's badge and title. */
  showBadge?: (look: BadgeLook) => Promise<void>;
  /** Shows a fired alert (a system notification where allowed); resolves whether it was shown. */
  notify?: (alert: FiredAlert) => Promise<boolean>;
}

export interface Service {
  feeds: Feeds;
  questions: Questions;
  subscriptions: Subscriptions;
  changes: SettingsChanges;
  badge: ToolbarBadge;
  alerts: Alerts;
}

export function composeService(deps: ServiceDeps): Service {
  const { storage, now } = deps;
  const feeds: Feeds = new Feeds({
    storage,
    fetch: deps.fetch,
    now,
    sleep: deps.sleep,
    loadSample: deps.loadSample,
    scheduleAlarm: deps.scheduleAlarm,
    urls: deps.urls,
    timeoutMs: deps.timeoutMs,
    budgetBytes: deps.budgetBytes,
    onUpdated: async (ticker) => {
      void badge.update();
      await subscriptions.feedUpdated(ticker);
      // Alerts check the new spot after the charts are told (a failing check never holds a chart back).
      await alerts.feedUpdated(ticker).catch(() => undefined);
    },
    chartTickers: () => subscriptions.tickers(),
  });
  const questions = new Questions(storage, feeds);
  const alerts = new Alerts({ storage, now, notify: deps.notify });
  const subscriptions: Subscriptions = new Subscriptions({ storage, questions, now, send: deps.sendToTab });
  const badge = new ToolbarBadge({ levels: () => questions.peekLevels(), now, show: deps.showBadge ?? (async () => undefined) });
  const changes = new SettingsChanges({
    storage,
    feeds,
    questions,
    subscriptions,
    syncSites: deps.syncSites,
    injectOverlay: deps.injectOverlay,
    onChanged: () => void badge.update(),
  });
  return { feeds, questions, subscriptions, changes, badge, alerts };
}
