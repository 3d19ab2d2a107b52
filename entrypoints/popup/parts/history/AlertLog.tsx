/** Fired alerts, newest first: when, what, at which price, from which source and how old it was. */
import type { FiredAlert } from '../../../../lib/alerts/alert-model';
import { formatNewYork } from '../../../../lib/format/time';
import { Scroller } from '../Scroller';

const SHOWN = 20;

export function AlertLog({ log, onClear }: { log: FiredAlert[]; onClear: () => void }) {
  if (log.length === 0)
    return (
      <p class="muted" data-testid="alert-log-empty">
        No alerts fired yet.
      </p>
    );
  return (
    <>
      <Scroller label="Fired alerts, newest first (scrolls)" class="alert-log-scroll">
        <ul class="alert-log" data-testid="alert-log">
          {log.slice(0, SHOWN).map((alert) => (
            <li key={alert.id} data-trigger={alert.trigger} data-ticker={alert.ticker}>
              <strong>{alert.title}</strong> <span class="muted">{formatNewYork(alert.firedAt)}</span>
              <span class="alert-text">
                {alert.message}
                {alert.notified === false && <span class="muted"> (not shown as a notification: not allowed)</span>}
              </span>
            </li>
          ))}
        </ul>
      </Scroller>
      <p class="row">
        {log.length > SHOWN && <span class="muted">{log.length - SHOWN} older not shown.</span>}
        <button type="button" onClick={onClear}>
          Clear the log
        </button>
      </p>
    </>
  );
}
