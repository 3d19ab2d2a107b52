/**
 * The popup: where a trader starts the session. Ticker and expiry, a refused chain's card, the levels
 * card, the profile, the heatmap, the session checklist, and "Show on this site". Data and actions come from useLevels.
 */
import { browser } from 'wxt/browser';
import { describeProviderError } from '../../lib/providers/types';
import { Heatmap } from '../../components/Heatmap';
import { ProfileChart } from '../../components/ProfileChart';
import { useLevels } from './useLevels';
import { TickerBar } from './parts/TickerBar';
import { Summary } from './parts/Summary';
import { Checklist } from './parts/Checklist';
import { SiteToggle } from './parts/SiteToggle';
import { HelpTexts } from './parts/HelpTexts';
import { RefusedChainCard } from './parts/RefusedChain';
import { HistorySection } from './parts/history/HistorySection';
import { GREEK_EXPOSURE_INFO, GREEKS, type Greek } from '../../lib/gex/greek-exposure';

const REGIME_NAMES = { transition: 'Transition', positive: 'Positive γ', negative: 'Negative γ', flat: 'Flat' } as const;

export function App() {
  const [{ settings, greek, reply, heatmap, profile, busy, error }, actions] = useLevels();
  const levels = reply?.levels ?? null;
  return (
    <main>
      <header>
        <h1>gexmap</h1>
        {levels && (
          <span class="badge" data-testid="regime" data-regime={levels.regime}>
            {REGIME_NAMES[levels.regime]}
          </span>
        )}
      </header>
      <TickerBar settings={settings} shown={reply?.ticker ?? null} onTicker={(text) => void actions.chooseTicker(text)} onFilter={(text) => void actions.chooseFilter(text)} />
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
          {reply.status.lastError && reply.status.lastError.kind !== 'refused' ? ` — ${describeProviderError(reply.status.lastError)}` : ''}.
        </p>
      )}
      {reply?.status.refused && <RefusedChainCard reply={reply} refused={reply.status.refused} busy={busy} onAccept={() => void actions.acceptRefused()} />}
      {reply && levels && reply.source && <Summary reply={reply} busy={busy} onRefresh={() => void actions.refresh()} />}
      {profile && profile.points.length > 0 && (
        <section aria-label="GEX profile">
          <h2>Profile</h2>
          <ProfileChart profile={profile} />
        </section>
      )}
      {heatmap?.grid && levels && (
        <section aria-label="Heatmap">
          <h2>
            Strike × expiry{' '}
            <select aria-label="Exposure shown in the heatmap" value={greek} onChange={(event) => void actions.chooseGreek((event.target as HTMLSelectElement).value as Greek)}>
              {GREEKS.map((option) => (
                <option key={option} value={option} title={GREEK_EXPOSURE_INFO[option].unit}>
                  {GREEK_EXPOSURE_INFO[option].short} — {GREEK_EXPOSURE_INFO[option].name}
                </option>
              ))}
            </select>
          </h2>
          <p class="muted" data-testid="heatmap-unit">{GREEK_EXPOSURE_INFO[heatmap.grid.greek ?? 'gamma'].unit}</p>
          <Heatmap grid={heatmap.grid} flip={levels.flip} callWall={levels.callWall} putWall={levels.putWall} />
        </section>
      )}
      {reply && levels && <Checklist reply={reply} />}
      <HistorySection ticker={reply?.ticker ?? settings?.ticker ?? null} dataVersion={reply?.source?.asOf} settings={settings} onSettings={actions.setSettings} />
      <SiteToggle settings={settings} onSettings={actions.setSettings} onError={actions.setError} />
      <HelpTexts />
      <p class="muted">
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          Options
        </a>
      </p>
    </main>
  );
}
