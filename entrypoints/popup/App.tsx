/**
 * The popup: where a trader starts the session. Ticker and expiry, then tabs so it fits 600 px: the
 * levels card (or, with no levels, the ways to get some), the profile, the heatmap, the session
 * checklist, history and alerts, and the glossary; "Show on this site" below. Data and actions come from
 * useLevels.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Heatmap } from '../../components/Heatmap';
import { ProfileChart } from '../../components/ProfileChart';
import { useLevels } from './useLevels';
import { TickerBar } from './parts/TickerBar';
import { Summary } from './parts/Summary';
import { Checklist } from './parts/Checklist';
import { SiteToggle } from './parts/SiteToggle';
import { HelpTexts } from './parts/HelpTexts';
import { RefusedChainCard } from './parts/RefusedChain';
import { NoLevels } from './parts/NoLevels';
import { Tabs } from './parts/Tabs';
import { Term } from './parts/Term';
import { HistorySection } from './parts/history/HistorySection';
import { helpText } from '../../lib/format/help-terms';
import { REGIMES } from '../../lib/gex/regimes';
import { GREEK_EXPOSURE_INFO, GREEKS, type Greek } from '../../lib/gex/greek-exposure';

/** What the heatmap's colour measures: signed net GEX, or |GEX| concentration whatever its sign. */
type HeatmapMeasure = 'net' | 'concentration';

export function App() {
  const [{ settings, greek, reply, heatmap, profile, busy, pending, error }, actions] = useLevels();
  const [measure, setMeasure] = useState<HeatmapMeasure>('net');
  const levels = reply?.levels ?? null;
  const nothing = <p class="muted">No levels yet: see the Levels tab.</p>;
  return (
    <main>
      <header>
        <h1>gexmap</h1>
        {levels && (
          // The card's Regime row carries its help; the badge is a glance.
          <span class="badge" data-testid="regime" data-regime={levels.regime} title={helpText('regime')}>
            {REGIMES[levels.regime].name}
          </span>
        )}
      </header>
      <TickerBar
        settings={settings}
        shown={reply?.ticker ?? null}
        onTicker={(text) => void actions.chooseTicker(text)}
        onFilter={(text) => void actions.chooseFilter(text)}
        onForget={(ticker) => void actions.forgetRecent(ticker)}
        onAwaitDate={actions.awaitDate}
      />
      {busy && (
        <p role="status" aria-live="polite" data-testid="busy" class="muted">
          {busy}
        </p>
      )}
      {error && (
        <p role="alert" class="error" data-testid="error">
          {error}
        </p>
      )}
      <Tabs
        label="Sections"
        tabs={[
          {
            id: 'levels',
            label: 'Levels',
            content: (
              <>
                {reply && !levels && !busy && (
                  <NoLevels
                    reply={reply}
                    quiet={error !== null}
                    onRetry={() => void actions.refresh()}
                    onSample={() => void actions.useSample()}
                  />
                )}
                {reply?.status.refused && (
                  <RefusedChainCard
                    reply={reply}
                    refused={reply.status.refused}
                    busy={busy}
                    onAccept={() => void actions.acceptRefused()}
                  />
                )}
                {reply && levels && reply.source && (
                  <Summary reply={reply} busy={busy} pending={pending} onRefresh={() => void actions.refresh()} />
                )}
              </>
            ),
          },
          {
            id: 'profile',
            label: 'Profile',
            content:
              profile && profile.points.length > 0 ? (
                <section aria-label="GEX profile">
                  <h2>
                    <Term id="profile" />
                  </h2>
                  <ProfileChart profile={profile} width={410} />
                </section>
              ) : (
                nothing
              ),
          },
          {
            id: 'heatmap',
            label: 'Heatmap',
            content:
              heatmap?.grid && levels ? (
                <section aria-label="Heatmap">
                  <h2>
                    <Term id="heatmap" />
                  </h2>
                  <div class="row">
                    <select
                      aria-label="Exposure shown in the heatmap"
                      value={greek}
                      onChange={(event) => void actions.chooseGreek((event.target as HTMLSelectElement).value as Greek)}
                    >
                      {GREEKS.map((option) => (
                        <option key={option} value={option} title={GREEK_EXPOSURE_INFO[option].unit}>
                          {GREEK_EXPOSURE_INFO[option].short} — {GREEK_EXPOSURE_INFO[option].name}
                        </option>
                      ))}
                    </select>
                    <select
                      aria-label="Heatmap colour"
                      value={measure}
                      onChange={(event) => setMeasure((event.target as HTMLSelectElement).value as HeatmapMeasure)}
                    >
                      <option value="net">Net (dealer sign)</option>
                      <option value="concentration">|GEX| concentration</option>
                    </select>
                  </div>
                  <p class="muted" data-testid="heatmap-unit">
                    {GREEK_EXPOSURE_INFO[heatmap.grid.greek ?? 'gamma'].unit}
                  </p>
                  <Heatmap grid={heatmap.grid} flip={levels.flip} callWall={levels.callWall} putWall={levels.putWall} measure={measure} />
                </section>
              ) : (
                nothing
              ),
          },
          { id: 'checklist', label: 'Checklist', content: reply && levels ? <Checklist reply={reply} /> : nothing },
          {
            id: 'history',
            label: 'History',
            content: (shown: boolean) => (
              <HistorySection
                ticker={reply?.ticker ?? settings?.ticker ?? null}
                dataVersion={reply?.source?.asOf}
                settings={settings}
                onSettings={actions.setSettings}
                shown={shown}
              />
            ),
          },
          { id: 'help', label: 'Help', content: <HelpTexts /> },
        ]}
      />
      <footer>
        <SiteToggle settings={settings} onSettings={actions.setSettings} onError={actions.setError} />
        <p class="muted">
          <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
            Options
          </a>
        </p>
      </footer>
    </main>
  );
}
