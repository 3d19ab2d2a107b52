/**
 * History and alerts, one closed section of the popup (it stays short): the stored sessions as a chart
 * and a table with day-over-day changes (export as CSV), the latest session's path through the day, and
 * alerts. Loaded when opened.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PublicSettings } from '../../../../lib/protocol';
import { sessionHistoryCsv, sessionHistoryFileName } from '../../../../lib/gex/history-csv';
import { formatSessionDate, newYorkZone } from '../../../../lib/format/time';
import { SessionsChart } from './SessionsChart';
import { SessionsTable } from './SessionsTable';
import { TodayChart } from './TodayChart';
import { AlertsPanel } from './AlertsPanel';
import { useHistory } from './useHistory';
import { TabList } from '../Tabs';

type Tab = 'sessions' | 'today' | 'alerts';
const TABS: { id: Tab; label: string }[] = [
  { id: 'sessions', label: 'Sessions' },
  { id: 'today', label: 'Today' },
  { id: 'alerts', label: 'Alerts' },
];

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** `shown`: its tab is open; nothing loads before it first is, and what loaded stays. */
export function HistorySection(props: {
  ticker: string | null;
  dataVersion: unknown;
  settings: PublicSettings | null;
  onSettings: (settings: PublicSettings) => void;
  shown: boolean;
}) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (props.shown) setOpen(true);
  }, [props.shown]);
  const [tab, setTab] = useState<Tab>('sessions');
  const [data, actions] = useHistory(props.ticker, open, props.dataVersion, props.settings, props.onSettings);
  const { history } = data;
  const ticker = props.ticker;
  const rows = history?.ticker === ticker ? history.rows : [];
  const today = history?.ticker === ticker ? history.today : null;
  return (
    <section class="history" data-testid="history-section" aria-labelledby="history-heading">
      <h2 id="history-heading">History and alerts{ticker ? ` · ${ticker}` : ''}</h2>
      <TabList tabs={TABS} label="History and alerts" active={tab} onSelect={(id) => setTab(id as Tab)} ids="history-" class="tabs" />
      {data.error && (
        <p role="alert" class="error">
          {data.error}
        </p>
      )}
      {data.notice && (
        <p role="status" class="muted" data-testid="history-notice">
          {data.notice}
        </p>
      )}
      {tab === 'sessions' && (
        <div role="tabpanel" id="history-panel-sessions" aria-labelledby="history-tab-sessions">
          {rows.length === 0 ? (
            <p class="muted" data-testid="history-empty">
              No stored sessions for {ticker ?? 'this ticker'} yet. Each refresh keeps its session’s levels; importing saved CBOE files of
              earlier dates fills in their sessions.
            </p>
          ) : (
            <>
              <p class="muted">
                {rows.length} session{rows.length === 1 ? '' : 's'}: each one’s last levels (all expiries) and the change since the session
                stored before it.
              </p>
              <SessionsChart rows={rows} />
              <SessionsTable rows={rows} />
              <p class="row">
                <button
                  type="button"
                  data-testid="export-history"
                  onClick={() => ticker && download(sessionHistoryFileName(ticker, rows), sessionHistoryCsv(ticker, rows))}
                >
                  Export CSV
                </button>
              </p>
            </>
          )}
        </div>
      )}
      {tab === 'today' && (
        <div role="tabpanel" id="history-panel-today" aria-labelledby="history-tab-today">
          {today && today.path.length > 0 ? (
            <>
              <p class="muted" data-testid="today-caption">
                {formatSessionDate(today.session, { year: true })}: spot at each of {today.path.length} refresh
                {today.path.length === 1 ? '' : 'es'} against the flip and the walls as they stood then (New York time,{' '}
                {newYorkZone(today.path[0].at)}).
              </p>
              <TodayChart path={today.path} />
            </>
          ) : (
            <p class="muted">No refreshes stored for {ticker ?? 'this ticker'} yet.</p>
          )}
        </div>
      )}
      {tab === 'alerts' && ticker && props.settings && (
        <div role="tabpanel" id="history-panel-alerts" aria-labelledby="history-tab-alerts">
          <AlertsPanel
            ticker={ticker}
            settings={props.settings}
            alerts={data.alerts?.ticker === ticker ? data.alerts : null}
            notifications={data.notifications}
            actions={actions}
          />
        </div>
      )}
    </section>
  );
}
