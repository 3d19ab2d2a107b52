/**
 * The history section's data: a ticker's sessions (rows with day-over-day changes), the latest
 * session's path, and its alerts (on or off, the last check, the log). Loaded only while the section
 * is open; each action answers with what it changed.
 */
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../../../../utils/messaging';
import { notificationsAllowed, requestNotifications } from '../../../../utils/notifications';
import type { AlertsReply, PublicSettings, SessionHistoryReply } from '../../../../lib/protocol';
import type { AlertSettings } from '../../../../lib/alerts/alert-settings';

export interface HistoryData {
  history: SessionHistoryReply | null;
  alerts: AlertsReply | null;
  /** Whether the browser lets gexmap show notifications (null until known). */
  notifications: boolean | null;
  error: string | null;
  notice: string | null;
}

export interface HistoryActions {
  reload(): Promise<void>;
  /** Alerts on or off for the ticker; turning them on asks for the notifications permission. */
  setAlertsOn(on: boolean): Promise<void>;
  /** Asks for the notifications permission again (after a refusal). */
  allowNotifications(): Promise<void>;
  saveRules(rules: Omit<AlertSettings, 'tickers'>): Promise<void>;
  clearLog(): Promise<void>;
}

/** `dataVersion` changes when the popup shows new data for the ticker (a refresh): the section reloads. */
export function useHistory(
  ticker: string | null,
  open: boolean,
  dataVersion: unknown,
  settings: PublicSettings | null,
  onSettings: (settings: PublicSettings) => void,
): [HistoryData, HistoryActions] {
  const [data, setData] = useState<HistoryData>({ history: null, alerts: null, notifications: null, error: null, notice: null });
  const patch = (change: Partial<HistoryData>) => setData((current) => ({ ...current, ...change }));

  async function load(): Promise<void> {
    if (!ticker) return;
    try {
      const [history, alerts, notifications] = await Promise.all([
        sendMessage('getSessionHistory', { ticker }),
        sendMessage('getAlerts', { ticker }),
        notificationsAllowed(),
      ]);
      patch({ history, alerts, notifications, error: null });
    } catch (reason) {
      patch({ error: (reason as Error).message });
    }
  }

  useEffect(() => {
    if (open) void load();
  }, [open, ticker, dataVersion]);

  async function saveAlerts(next: AlertSettings, notice: string | null): Promise<void> {
    try {
      onSettings(await sendMessage('updateSettings', { alerts: next }));
      patch({ alerts: await sendMessage('getAlerts', { ticker: ticker ?? undefined }), notice, error: null });
    } catch (reason) {
      patch({ error: (reason as Error).message });
    }
  }

  const actions: HistoryActions = {
    reload: load,
    async setAlertsOn(on) {
      if (!ticker || !settings) return;
      // Asked at once, inside the click: browsers grant permissions only in answer to the user's gesture.
      const asking = on ? requestNotifications() : Promise.resolve(false);
      const tickers = on ? [...new Set([...settings.alerts.tickers, ticker])] : settings.alerts.tickers.filter((item) => item !== ticker);
      const granted = on ? await asking : null;
      const notifications = await notificationsAllowed();
      patch({ notifications });
      await saveAlerts(
        { ...settings.alerts, tickers },
        on && !granted && !notifications
          ? `Alerts for ${ticker} are on. Notifications are not allowed, so they appear only in the log below.`
          : null,
      );
    },
    async allowNotifications() {
      const granted = await requestNotifications();
      patch({ notifications: granted || (await notificationsAllowed()) });
    },
    async saveRules(rules) {
      if (!settings) return;
      await saveAlerts({ ...rules, tickers: settings.alerts.tickers }, 'Alert rules saved.');
    },
    async clearLog() {
      try {
        await sendMessage('clearAlertLog', undefined);
        patch({ alerts: await sendMessage('getAlerts', { ticker: ticker ?? undefined }) });
      } catch (reason) {
        patch({ error: (reason as Error).message });
      }
    },
  };
  return [data, actions];
}
