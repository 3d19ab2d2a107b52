/**
 * The popup: where a trader starts the session. Regime, spot, flip and walls with their change since
 * the previous session, dominant expiry, 0DTE roll-off, hedge flow, the data's source and age; the
 * profile chart, the heatmap, the session checklist; ticker, expiry filter, refresh, export, and
 * "Show on this site".
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../utils/messaging';
import type { HeatmapReply, LevelsReply, ProfileReply, PublicSettings } from '../../lib/service/protocol';
import { normalizeTicker } from '../../lib/service/settings';
import { parseExpiryFilter } from '../../lib/gex/expiry-filter';
import { sessionChecklist } from '../../lib/gex/checklist';
import { levelsAsCsv, levelsAsPriceList } from '../../lib/gex/export';
import { formatAge, formatCount, formatDollars, formatPrice, formatShare } from '../../lib/format/numbers';
import { originPattern } from '../../lib/providers/host-permissions';
import { describeProviderError } from '../../lib/providers/types';
import { Heatmap } from '../../components/Heatmap';
import { ProfileChart } from '../../components/ProfileChart';
import { HelpTexts } from './HelpTexts';

const FILTERS: [string, string][] = [
  ['all', 'All expiries'],
  ['0dte', '0DTE'],
  ['next', 'Next expiry'],
  ['weekly', 'Next weekly'],
  ['monthly', 'Monthly OPEX'],
  ['date', 'One date…'],
  ['through', 'Through date…'],
];

function Change({ value }: { value: number | null | undefined }) {
  if (value === null || value === undefined) return <span class="change">—</span>;
  return <span class="change" title="Change since the previous session">{`${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(1)}`}</span>;
}

export function App() {
  const [settings, setSettings] = useState<PublicSettings | null>(null);
  const [reply, setReply] = useState<LevelsReply | null>(null);
  const [heatmap, setHeatmap] = useState<HeatmapReply | null>(null);
  const [profile, setProfile] = useState<ProfileReply | null>(null);
  const [tickerText, setTickerText] = useState('');
  const [filterKind, setFilterKind] = useState('all');
  const [filterDate, setFilterDate] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [site, setSite] = useState<{ pattern: string; tabId: number } | null>(null);

  async function load(ticker?: string) {
    setBusy('Loading levels…');
    setError(null);
    try {
      const levels = await sendMessage('getLevels', ticker ? { ticker } : {});
      setReply(levels);
      const [grid, curve] = await Promise.all([sendMessage('getHeatmap', { ticker: levels.ticker }), sendMessage('getProfile', { ticker: levels.ticker })]);
      setHeatmap(grid);
      setProfile(curve);
    } catch (reason) {
      setError((reason as Error).message);
    } finally {
      setBusy(null);
    }
  }

  useEffect(() => {
    void (async () => {
      try {
        const loaded = await sendMessage('getSettings', undefined);
        setSettings(loaded);
        setTickerText(loaded.ticker);
        const [kind, date] = loaded.expiryFilter.startsWith('through:') ? ['through', loaded.expiryFilter.slice(8)] : /^\d{4}-/.test(loaded.expiryFilter) ? ['date', loaded.expiryFilter] : [loaded.expiryFilter, ''];
        setFilterKind(kind);
        setFilterDate(date);
      } catch (reason) {
        setError(`The background did not answer: ${(reason as Error).message}`);
      }
      await load();
      // The page the trader came from: the active tab of the most recently used browser window.
      const tabs = await browser.tabs.query({ active: true, windowType: 'normal' }).catch(() => []);
      const tab = tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
      const pattern = tab?.url ? originPattern(tab.url) : null;
      // TradingView runs the overlay already (manifest content script).
      if (tab?.id !== undefined && pattern && !/^https?:\/\/([\w-]+\.)*tradingview\.com\//.test(pattern)) setSite({ pattern, tabId: tab.id });
    })();
  }, []);

  async function chooseTicker(text: string) {
    const ticker = normalizeTicker(text);
    if (!ticker) {
      setError(`"${text}" is not a ticker: letters, digits and dots, up to 10 (e.g. SPX, SPY, BRK.B).`);
      return;
    }
    setBusy(`Loading ${ticker}…`);
    setError(null);
    try {
      await sendMessage('setTicker', { ticker });
      setSettings(await sendMessage('getSettings', undefined));
      setTickerText(ticker);
      await load(ticker);
    } catch (reason) {
      setError((reason as Error).message);
      setBusy(null);
    }
  }

  async function chooseFilter(kind: string, date: string) {
    setFilterKind(kind);
    setFilterDate(date);
    const text = kind === 'date' ? date : kind === 'through' ? `through:${date}` : kind;
    if ((kind === 'date' || kind === 'through') && !date) return;
    if (typeof parseExpiryFilter(text) === 'string') {
      setError(`"${date}" is not a date (YYYY-MM-DD).`);
      return;
    }
    await sendMessage('updateSettings', { expiryFilter: text });
    await load(reply?.ticker);
  }

  async function refresh() {
    setBusy('Refreshing…');
    try {
      const status = await sendMessage('refresh', reply ? { ticker: reply.ticker } : {});
      if (status.lastError && status.failures > 0) setError(`Refresh failed — ${describeProviderError(status.lastError)}. Showing the last good levels.`);
      await load(reply?.ticker);
    } catch (reason) {
      setError((reason as Error).message);
      setBusy(null);
    }
  }

  async function copy(text: string, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      setNotice(`${what} copied.`);
    } catch {
      setNotice(`${what}: ${text}`);
    }
  }

  async function toggleSite(enabled: boolean) {
    if (!site) return;
    try {
      if (enabled && !(await browser.permissions.request({ origins: [site.pattern] }))) {
        setError(`gexmap needs permission to read ${site.pattern} to draw on it.`);
        return;
      }
      const updated = await sendMessage('setSiteEnabled', { pattern: site.pattern, enabled, tabId: site.tabId });
      if (!enabled) await browser.permissions.remove({ origins: [site.pattern] }).catch(() => false);
      setSettings(updated);
    } catch (reason) {
      setError((reason as Error).message);
    }
  }

  const levels = reply?.levels ?? null;
  const source = reply?.source ?? null;
  const diff = reply?.diff ?? null;
  const now = Date.now();
  const siteEnabled = site !== null && settings?.enabledSites.includes(site.pattern);

  return (
    <main>
      <header>
        <h1>gexmap</h1>
        {levels && (
          <span class="badge" data-testid="regime" data-regime={levels.regime}>
            {levels.regime === 'transition' ? 'Transition' : levels.regime === 'positive' ? 'Positive γ' : levels.regime === 'negative' ? 'Negative γ' : 'Flat'}
          </span>
        )}
      </header>

      <form
        class="row"
        style={{ marginTop: '8px' }}
        onSubmit={(event) => {
          event.preventDefault();
          void chooseTicker(tickerText);
        }}
      >
        <label for="ticker">Ticker</label>
        <input id="ticker" name="ticker" value={tickerText} size={8} autocomplete="off" spellcheck={false} aria-describedby="ticker-help" onInput={(event) => setTickerText((event.target as HTMLInputElement).value)} />
        <button type="submit">Go</button>
        <label for="expiry" class="muted">Expiry</label>
        <select id="expiry" value={filterKind} onChange={(event) => void chooseFilter((event.target as HTMLSelectElement).value, filterDate)}>
          {FILTERS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        {(filterKind === 'date' || filterKind === 'through') && (
          <input type="date" aria-label="Expiry date" value={filterDate} onChange={(event) => void chooseFilter(filterKind, (event.target as HTMLInputElement).value)} />
        )}
      </form>
      <div class="chips" id="ticker-help" aria-label="Favorites and recent tickers">
        {[...new Set([...(settings?.favorites ?? []), ...(settings?.recents ?? [])])].slice(0, 10).map((ticker) => (
          <button type="button" class="chip" key={ticker} aria-pressed={ticker === reply?.ticker} onClick={() => void chooseTicker(ticker)}>
            {ticker}
          </button>
        ))}
      </div>

      {busy && (
        <p role="status" aria-live="polite" data-testid="busy">
          {busy}
        </p>
      )}
      {error && (
        <p role="alert" class="error" data-testid="error">
          {error}
        </p>
      )}

      {reply && !levels && !busy && (
        <p class="error" data-testid="no-levels">
          No levels for {reply.ticker}
          {reply.status.lastError ? ` — ${describeProviderError(reply.status.lastError)}` : ''}.
        </p>
      )}

      {levels && source && (
        <section class="card" aria-label="Summary" data-testid="summary">
          <dl class="summary">
            <dt>Spot</dt>
            <dd data-testid="spot">{formatPrice(levels.spot)}</dd>
            <Change value={diff?.spot.change} />
            <dt>Gamma flip</dt>
            <dd data-testid="flip">{levels.flip !== null ? formatPrice(levels.flip, 1) : levels.flipNone ? `none (${levels.flipNone.side})` : '—'}</dd>
            <Change value={diff?.flip.change} />
            <dt>Call wall</dt>
            <dd data-testid="call-wall">{formatPrice(levels.callWall, 0)}</dd>
            <Change value={diff?.callWall.change} />
            <dt>Put wall</dt>
            <dd data-testid="put-wall">{formatPrice(levels.putWall, 0)}</dd>
            <Change value={diff?.putWall.change} />
            <dt>Dominant expiry</dt>
            <dd data-testid="dominant">{levels.dominantExpiry ? `${levels.dominantExpiry.expiry} · ${formatShare(levels.dominantExpiry.share)}` : '—'}</dd>
            <span />
            <dt>Rolls off today</dt>
            <dd data-testid="zero-dte">{formatShare(levels.zeroDteShare)} (0DTE, {levels.zeroDteSession})</dd>
            <span />
            <dt>Hedge flow / 1%</dt>
            <dd data-testid="hedge-flow">
              {formatDollars(levels.hedgeFlowPerPct.dollars)} · {formatCount(levels.hedgeFlowPerPct.shares)} sh
            </dd>
            <span />
          </dl>
          <p class={reply!.stale ? 'stale' : 'muted'} data-testid="source" style={{ margin: '6px 0 0' }}>
            {source.label} · as of {new Date(source.asOf).toISOString().slice(0, 16).replace('T', ' ')} UTC ({formatAge(now - source.asOf)} ago)
            {source.delayed ? ' · delayed' : ''}
            {reply!.stale ? ` · STALE${reply!.status.lastError ? `: ${describeProviderError(reply!.status.lastError)}` : ''}` : ''}
          </p>
          <p class="muted" style={{ margin: '4px 0 0' }}>
            {levels.expiryFilter} · sign model: {levels.signModel} (an assumption)
          </p>
          <div class="row" style={{ marginTop: '6px' }}>
            <button type="button" onClick={() => void refresh()} disabled={busy !== null}>
              {busy === 'Refreshing…' ? 'Refreshing…' : 'Refresh'}
            </button>
            <button type="button" onClick={() => void copy(levelsAsPriceList(levels), 'Price list for TradingView')}>
              Copy for TradingView
            </button>
            <button type="button" onClick={() => void copy(levelsAsCsv(levels, diff), 'CSV')}>
              Copy CSV
            </button>
          </div>
          {notice && (
            <p role="status" class="muted" data-testid="notice">
              {notice}
            </p>
          )}
        </section>
      )}

      {profile && profile.points.length > 0 && (
        <section aria-label="GEX profile">
          <h2>Profile</h2>
          <ProfileChart profile={profile} />
        </section>
      )}

      {heatmap?.grid && levels && (
        <section aria-label="Heatmap">
          <h2>Strike × expiry</h2>
          <Heatmap grid={heatmap.grid} flip={levels.flip} callWall={levels.callWall} putWall={levels.putWall} />
        </section>
      )}

      {levels && (
        <section aria-label="Session checklist">
          <h2>Session checklist</h2>
          <ul class="checklist" data-testid="checklist">
            {sessionChecklist(levels, reply!.ivShift).map((item) => (
              <li key={item.id} data-item={item.id} data-verdict={item.verdict}>
                <span class="verdict" data-verdict={item.verdict}>
                  {item.verdict}
                </span>{' '}
                <strong>{item.title}.</strong> {item.text}
              </li>
            ))}
          </ul>
        </section>
      )}

      {site && (
        <section class="card" aria-label="This site">
          <label>
            <input type="checkbox" checked={siteEnabled} onChange={(event) => void toggleSite((event.target as HTMLInputElement).checked)} /> Show on this site ({site.pattern.replace('/*', '')})
          </label>
        </section>
      )}

      <HelpTexts />
      <p class="muted">
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          Options
        </a>
      </p>
    </main>
  );
}
