/**
 * Options: data source and keys (checked by a test request), refresh interval, the model (sign model,
 * rates and dividends per ticker, transition band), the overlay (which lines, colours, symbol mapping
 * with futures basis, enabled sites), and data (import a chain file, export, clear).
 * Keys are write-only here: the background never sends them back, only whether each is set.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../utils/messaging';
import type { PublicSettings } from '../../lib/service/protocol';
import type { ProviderId } from '../../lib/providers/types';
import { describeProviderError } from '../../lib/providers/types';
import { originsFor } from '../../lib/providers/host-permissions';
import type { Settings } from '../../lib/service/settings';

const PROVIDER_NAMES: [ProviderId, string][] = [
  ['cboe', 'CBOE delayed quotes (free, ~15 min delayed)'],
  ['tradier', 'Tradier (access token)'],
  ['polygon', 'Polygon / Massive (API key)'],
  ['custom', 'Custom URL (CBOE JSON or quote-table CSV)'],
  ['sample', 'Bundled sample (SPX, 2024-01-07)'],
  ['file', 'Imported file'],
];

type Message = { kind: 'good' | 'bad'; text: string } | null;

function Note({ message, testId }: { message: Message; testId: string }) {
  if (!message) return null;
  return (
    <p role={message.kind === 'bad' ? 'alert' : 'status'} class={message.kind} data-testid={testId}>
      {message.text}
    </p>
  );
}

export function OptionsApp() {
  const [settings, setSettings] = useState<PublicSettings | null>(null);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [keys, setKeys] = useState({ tradier: '', polygon: '' });
  const [sourceNote, setSourceNote] = useState<Message>(null);
  const [modelNote, setModelNote] = useState<Message>(null);
  const [overlayNote, setOverlayNote] = useState<Message>(null);
  const [dataNote, setDataNote] = useState<Message>(null);

  const adopt = (loaded: PublicSettings) => {
    setSettings(loaded);
    const { keys: _keys, ...plain } = loaded;
    setDraft(structuredClone(plain));
  };
  useEffect(() => {
    sendMessage('getSettings', undefined).then(adopt, (error: Error) => setSourceNote({ kind: 'bad', text: error.message }));
  }, []);
  if (!draft || !settings) return <main><p class="muted">Loading…</p><Note message={sourceNote} testId="options-message" /></main>;
  const set = (change: Partial<Settings>) => setDraft({ ...draft, ...change });

  async function save(patch: Partial<Settings>, note: (message: Message) => void) {
    try {
      adopt(await sendMessage('updateSettings', patch as Record<string, unknown>));
      note({ kind: 'good', text: 'Saved.' });
      return true;
    } catch (error) {
      note({ kind: 'bad', text: (error as Error).message });
      return false;
    }
  }

  async function saveSource(event: Event) {
    event.preventDefault();
    setSourceNote(null);
    try {
      // Ask for the provider's host while this click still counts as a user gesture.
      const origins = originsFor(draft!.provider, draft!.customUrl);
      if (origins.length > 0 && !(await browser.permissions.request({ origins }))) {
        setSourceNote({ kind: 'bad', text: `gexmap needs access to ${origins.join(', ')} to fetch from this provider.` });
        return;
      }
      const newKeys: { tradier?: string; polygon?: string } = {};
      if (keys.tradier) newKeys.tradier = keys.tradier.trim();
      if (keys.polygon) newKeys.polygon = keys.polygon.trim();
      if (Object.keys(newKeys).length > 0) await sendMessage('setApiKeys', newKeys);
      setKeys({ tradier: '', polygon: '' });
      if (!(await save({ provider: draft!.provider, customUrl: draft!.customUrl.trim(), refreshMinutes: draft!.refreshMinutes }, setSourceNote))) return;
      // Check the source with a real request for the active ticker.
      setSourceNote({ kind: 'good', text: `Saved. Testing with ${draft!.ticker}…` });
      const status = await sendMessage('refresh', {});
      setSourceNote(
        status.lastError && status.failures > 0
          ? { kind: 'bad', text: `Saved, but the test request failed — ${describeProviderError(status.lastError)}` }
          : { kind: 'good', text: `Saved. Test request for ${draft!.ticker} succeeded${status.lastDurationMs !== undefined ? ` in ${status.lastDurationMs} ms` : ''}.` },
      );
    } catch (error) {
      setSourceNote({ kind: 'bad', text: (error as Error).message });
    }
  }

  async function importFile(file: File) {
    setDataNote(null);
    try {
      const reply = await sendMessage('importChain', { text: await file.text(), name: file.name });
      const levels = reply.levels;
      setDataNote({ kind: 'good', text: `${file.name}: ${reply.ticker} as of ${reply.source ? new Date(reply.source.asOf).toISOString().slice(0, 16) : '?'} — flip ${levels?.flip?.toFixed(1) ?? 'none'}, call wall ${levels?.callWall ?? '—'}, put wall ${levels?.putWall ?? '—'}. The popup now shows this file.` });
      adopt(await sendMessage('getSettings', undefined));
    } catch (error) {
      setDataNote({ kind: 'bad', text: `${(error as Error).message} — nothing was replaced.` });
    }
  }

  async function exportData() {
    const history = await sendMessage('getHistory', {});
    const { keys: _keys, ...plainSettings } = settings!;
    const blob = new Blob([JSON.stringify({ exportedAt: new Date().toISOString(), settings: plainSettings, history }, null, 2)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `gexmap-${settings!.ticker}-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 5000);
  }

  const perTicker = Object.entries(draft.rates.perTicker);
  return (
    <main>
      <h1>gexmap options</h1>

      <form noValidate onSubmit={saveSource} aria-labelledby="source-heading">
        <h2 id="source-heading">Data source</h2>
        <fieldset>
          <legend>Provider</legend>
          {PROVIDER_NAMES.map(([id, name]) => (
            <label key={id}>
              <input type="radio" name="provider" value={id} checked={draft.provider === id} onChange={() => set({ provider: id })} /> {name}
            </label>
          ))}
          <label>
            Custom URL ({'{ticker}'} is replaced)
            <input name="customUrl" type="url" class="wide" placeholder="https://example.com/chains/{ticker}.json" value={draft.customUrl} onInput={(event) => set({ customUrl: (event.target as HTMLInputElement).value })} />
          </label>
          <label>
            Tradier access token {settings.keys.tradier ? '(set — type to replace)' : '(not set)'}
            <input name="tradierKey" type="password" autocomplete="off" class="wide" value={keys.tradier} onInput={(event) => setKeys({ ...keys, tradier: (event.target as HTMLInputElement).value })} />
          </label>
          <label>
            Polygon / Massive API key {settings.keys.polygon ? '(set — type to replace)' : '(not set)'}
            <input name="polygonKey" type="password" autocomplete="off" class="wide" value={keys.polygon} onInput={(event) => setKeys({ ...keys, polygon: (event.target as HTMLInputElement).value })} />
          </label>
          <label>
            Refresh every{' '}
            <input name="refreshMinutes" type="number" min={1} max={240} value={draft.refreshMinutes} onInput={(event) => set({ refreshMinutes: Number((event.target as HTMLInputElement).value) })} /> minutes during the New York session (once after the
            close otherwise; never on holidays)
          </label>
        </fieldset>
        <button type="submit">Save and test</button>
        <Note message={sourceNote} testId="options-message" />
      </form>

      <form
        noValidate
        aria-labelledby="model-heading"
        onSubmit={(event) => {
          event.preventDefault();
          void save({ signModel: draft.signModel, rates: draft.rates, transitionBand: draft.transitionBand, ivShiftThreshold: draft.ivShiftThreshold }, setModelNote);
        }}
      >
        <h2 id="model-heading">Model</h2>
        <fieldset>
          <legend>Dealer sign model (an assumption, shown next to every number)</legend>
          <label><input type="radio" name="sign" checked={draft.signModel.kind === 'classic'} onChange={() => set({ signModel: { kind: 'classic' } })} /> Classic: dealers long calls, short puts</label>
          <label><input type="radio" name="sign" checked={draft.signModel.kind === 'short-all'} onChange={() => set({ signModel: { kind: 'short-all' } })} /> Dealers short all options</label>
          <label>
            <input type="radio" name="sign" checked={draft.signModel.kind === 'custom'} onChange={() => set({ signModel: { kind: 'custom', call: 1, put: -1 } })} /> Custom: calls{' '}
            <input type="number" step="any" min={-1} max={1} aria-label="Dealer sign for calls" disabled={draft.signModel.kind !== 'custom'} value={draft.signModel.kind === 'custom' ? draft.signModel.call : 1} onInput={(event) => draft.signModel.kind === 'custom' && set({ signModel: { ...draft.signModel, call: Number((event.target as HTMLInputElement).value) } })} />{' '}
            puts{' '}
            <input type="number" step="any" min={-1} max={1} aria-label="Dealer sign for puts" disabled={draft.signModel.kind !== 'custom'} value={draft.signModel.kind === 'custom' ? draft.signModel.put : -1} onInput={(event) => draft.signModel.kind === 'custom' && set({ signModel: { ...draft.signModel, put: Number((event.target as HTMLInputElement).value) } })} />
          </label>
        </fieldset>
        <fieldset>
          <legend>Rate and dividend yield (decimals: 0.04 = 4%)</legend>
          <table>
            <thead><tr><th>Ticker</th><th>Rate</th><th>Dividend</th><th /></tr></thead>
            <tbody>
              <tr>
                <td>default</td>
                <td><input type="number" step="any" aria-label="Default rate" value={draft.rates.default.rate} onInput={(event) => set({ rates: { ...draft.rates, default: { ...draft.rates.default, rate: Number((event.target as HTMLInputElement).value) } } })} /></td>
                <td><input type="number" step="any" aria-label="Default dividend" value={draft.rates.default.dividend} onInput={(event) => set({ rates: { ...draft.rates, default: { ...draft.rates.default, dividend: Number((event.target as HTMLInputElement).value) } } })} /></td>
                <td />
              </tr>
              {perTicker.map(([ticker, rate]) => (
                <tr key={ticker}>
                  <td>{ticker}</td>
                  <td><input type="number" step="any" aria-label={`${ticker} rate`} value={rate.rate} onInput={(event) => set({ rates: { ...draft.rates, perTicker: { ...draft.rates.perTicker, [ticker]: { ...rate, rate: Number((event.target as HTMLInputElement).value) } } } })} /></td>
                  <td><input type="number" step="any" aria-label={`${ticker} dividend`} value={rate.dividend} onInput={(event) => set({ rates: { ...draft.rates, perTicker: { ...draft.rates.perTicker, [ticker]: { ...rate, dividend: Number((event.target as HTMLInputElement).value) } } } })} /></td>
                  <td><button type="button" onClick={() => { const perTickerRest = { ...draft.rates.perTicker }; delete perTickerRest[ticker]; set({ rates: { ...draft.rates, perTicker: perTickerRest } }); }}>Remove</button></td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => { const ticker = prompt('Ticker for its own rate and dividend (e.g. QQQ)')?.trim().toUpperCase(); if (ticker) set({ rates: { ...draft.rates, perTicker: { ...draft.rates.perTicker, [ticker]: { ...draft.rates.default } } } }); }}>Add a ticker</button>
        </fieldset>
        <label>
          Transition band around the flip: ± <input type="number" step="any" min={0} max={5} aria-label="Transition band in percent of spot" value={+(draft.transitionBand * 100).toFixed(3)} onInput={(event) => set({ transitionBand: Number((event.target as HTMLInputElement).value) / 100 })} /> % of spot
        </label>
        <label>
          Flag an ATM IV move larger than <input type="number" step="any" min={0.1} max={100} aria-label="IV shift threshold in vol points" value={+(draft.ivShiftThreshold * 100).toFixed(2)} onInput={(event) => set({ ivShiftThreshold: Number((event.target as HTMLInputElement).value) / 100 })} /> vol points since the session's levels were computed
        </label>
        <button type="submit">Save model</button>
        <Note message={modelNote} testId="model-message" />
      </form>

      <form
        noValidate
        aria-labelledby="overlay-heading"
        onSubmit={(event) => {
          event.preventDefault();
          void save({ lines: draft.lines, lineColours: draft.lineColours, symbolRules: draft.symbolRules, enabledSites: draft.enabledSites }, setOverlayNote);
        }}
      >
        <h2 id="overlay-heading">Chart overlay</h2>
        <fieldset>
          <legend>Lines and colours</legend>
          {([['flip', 'Gamma flip'], ['callWall', 'Call wall'], ['putWall', 'Put wall'], ['absGamma', 'Absolute-gamma strike']] as const).map(([key, name]) => (
            <label key={key}>
              <input type="checkbox" checked={draft.lines[key]} onChange={(event) => set({ lines: { ...draft.lines, [key]: (event.target as HTMLInputElement).checked } })} /> {name}{' '}
              <input type="color" aria-label={`${name} colour`} value={draft.lineColours[key]} onInput={(event) => set({ lineColours: { ...draft.lineColours, [key]: (event.target as HTMLInputElement).value } })} />
            </label>
          ))}
          <label>
            Top net nodes: <input type="number" min={0} max={10} aria-label="How many top net nodes to draw" value={draft.lines.nodes} onInput={(event) => set({ lines: { ...draft.lines, nodes: Number((event.target as HTMLInputElement).value) } })} />{' '}
            <input type="color" aria-label="Node colour" value={draft.lineColours.node} onInput={(event) => set({ lineColours: { ...draft.lineColours, node: (event.target as HTMLInputElement).value } })} />
          </label>
        </fieldset>
        <fieldset>
          <legend>Chart symbol → options underlying (futures: basis in points, added to the levels)</legend>
          <table>
            <thead><tr><th>Chart symbol</th><th>Underlying</th><th>Basis</th><th /></tr></thead>
            <tbody>
              {draft.symbolRules.map((rule, index) => (
                <tr key={index}>
                  <td><input aria-label={`Chart symbol ${index + 1}`} value={rule.chart} size={14} onInput={(event) => set({ symbolRules: draft.symbolRules.map((item, i) => (i === index ? { ...item, chart: (event.target as HTMLInputElement).value } : item)) })} /></td>
                  <td><input aria-label={`Underlying ${index + 1}`} value={rule.underlying} size={7} onInput={(event) => set({ symbolRules: draft.symbolRules.map((item, i) => (i === index ? { ...item, underlying: (event.target as HTMLInputElement).value } : item)) })} /></td>
                  <td><input type="number" step="any" aria-label={`Basis ${index + 1}`} value={rule.basis} onInput={(event) => set({ symbolRules: draft.symbolRules.map((item, i) => (i === index ? { ...item, basis: Number((event.target as HTMLInputElement).value) } : item)) })} /></td>
                  <td><button type="button" onClick={() => set({ symbolRules: draft.symbolRules.filter((_item, i) => i !== index) })}>Remove</button></td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => set({ symbolRules: [...draft.symbolRules, { chart: '', underlying: '', basis: 0 }] })}>Add a mapping</button>
        </fieldset>
        <fieldset>
          <legend>Sites with the overlay (besides TradingView)</legend>
          {draft.enabledSites.length === 0 && <p class="muted">None. Use "Show on this site" in the popup on a chart page.</p>}
          <ul>
            {draft.enabledSites.map((site) => (
              <li key={site}>
                {site.replace('/*', '')}{' '}
                <button type="button" onClick={async () => { await sendMessage('setSiteEnabled', { pattern: site, enabled: false }); await browser.permissions.remove({ origins: [site] }).catch(() => false); adopt(await sendMessage('getSettings', undefined)); }}>Turn off</button>
              </li>
            ))}
          </ul>
        </fieldset>
        <button type="submit">Save overlay</button>
        <Note message={overlayNote} testId="overlay-message" />
      </form>

      <section aria-labelledby="data-heading">
        <h2 id="data-heading">Data</h2>
        <label>
          Import a chain file (CBOE delayed-quotes JSON or the quote-table CSV from cboe.com):{' '}
          <input type="file" accept=".csv,.json,text/csv,application/json" data-testid="import-file" onChange={(event) => { const file = (event.target as HTMLInputElement).files?.[0]; if (file) void importFile(file); }} />
        </label>
        <Note message={dataNote} testId="import-message" />
        <p>
          <button type="button" onClick={() => void exportData()}>Export settings and history (JSON)</button>{' '}
          <button type="button" onClick={async () => { if (confirm('Clear cached levels, history and stored chains? Settings and keys stay.')) { await sendMessage('clearData', undefined); setDataNote({ kind: 'good', text: 'Cached data cleared.' }); } }}>Clear cached data</button>
        </p>
        <p class="muted">Keys stay in this browser's extension storage and are used only by gexmap's background worker; no number leaves your browser.</p>
      </section>
    </main>
  );
}
