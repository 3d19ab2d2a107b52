/** Alerts for the ticker: on or off, whether notifications may show, the last price checked, the rules, the log. */
import { useState } from 'preact/hooks';
import type { AlertsReply, PublicSettings } from '../../../../lib/protocol';
import { describeAsOf, formatNewYork } from '../../../../lib/format/time';
import { formatPrice } from '../../../../lib/format/numbers';
import { AlertRules } from './AlertRules';
import { AlertLog } from './AlertLog';
import type { HistoryActions } from './useHistory';

export function AlertsPanel(props: {
  ticker: string;
  settings: PublicSettings;
  alerts: AlertsReply | null;
  notifications: boolean | null;
  actions: HistoryActions;
}) {
  const { ticker, settings, alerts, notifications, actions } = props;
  // The box shows the user's click at once; the settings catch up when the background has answered.
  const [pending, setPending] = useState<boolean | null>(null);
  const on = pending ?? settings.alerts.tickers.includes(ticker);
  const check = alerts?.lastCheck ?? null;
  return (
    <div data-testid="alerts-panel">
      <p class="muted">
        At each refresh gexmap checks the provider’s price against the levels of {ticker} (all expiries). Each alert says where its price
        came from and how old it was: delayed quotes are delayed.
      </p>
      <label>
        <input
          type="checkbox"
          data-testid="alerts-on"
          checked={on}
          onChange={(event) => {
            const wanted = (event.target as HTMLInputElement).checked;
            setPending(wanted);
            void actions.setAlertsOn(wanted).finally(() => setPending(null));
          }}
        />{' '}
        Alerts for {ticker}
      </label>
      {on && notifications === false && (
        <p class="stale" data-testid="notifications-off">
          Notifications are not allowed: alerts appear only in the log below.{' '}
          <button type="button" onClick={() => void actions.allowNotifications()}>
            Allow notifications
          </button>
        </p>
      )}
      {on && (
        <p class="muted" data-testid="alert-last-check">
          {check
            ? `Last checked ${formatNewYork(check.at, { date: false })}: ${formatPrice(check.price)} from ${check.label}, ${describeAsOf(check.asOf, check.at)}.`
            : 'Not checked yet: the next refresh of a live source checks it (an imported file or the sample never alerts).'}
        </p>
      )}
      <details>
        <summary>Alert rules (every ticker)</summary>
        <AlertRules alerts={settings.alerts} onSave={(rules) => void actions.saveRules(rules)} />
      </details>
      <h3>Fired alerts</h3>
      <AlertLog log={alerts?.log ?? []} onClear={() => void actions.clearLog()} />
    </div>
  );
}
