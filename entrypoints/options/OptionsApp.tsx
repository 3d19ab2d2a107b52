/**
 * Options: the data source (provider, custom URL, API keys), refresh interval and the model settings.
 * Keys are write-only here: the background never sends them back, only whether each is set.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../utils/messaging';
import type { PublicSettings } from '../../lib/service/protocol';
import type { ProviderId } from '../../lib/providers/types';
import { originsFor } from '../../lib/providers/host-permissions';

const PROVIDER_NAMES: [ProviderId, string][] = [
  ['cboe', 'CBOE delayed quotes (free, ~15 min delayed)'],
  ['tradier', 'Tradier (access token)'],
  ['polygon', 'Polygon / Massive (API key)'],
  ['custom', 'Custom URL (CBOE JSON or quote-table CSV)'],
  ['sample', 'Bundled sample (SPX, 2024-01-07)'],
];

export function OptionsApp() {
  const [settings, setSettings] = useState<PublicSettings | null>(null);
  const [draft, setDraft] = useState({ provider: 'cboe' as ProviderId, customUrl: '', refreshMinutes: 5, tradierKey: '', polygonKey: '' });
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    sendMessage('getSettings', undefined).then((loaded) => {
      setSettings(loaded);
      setDraft((current) => ({ ...current, provider: loaded.provider === 'file' ? 'cboe' : loaded.provider, customUrl: loaded.customUrl, refreshMinutes: loaded.refreshMinutes }));
    }, (error: Error) => setMessage({ kind: 'error', text: error.message }));
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    setMessage(null);
    try {
      // Ask for the provider's host while this click still counts as a user gesture.
      const origins = originsFor(draft.provider, draft.customUrl);
      if (origins.length > 0 && !(await browser.permissions.request({ origins }))) {
        setMessage({ kind: 'error', text: `gexmap needs access to ${origins.join(', ')} to fetch from this provider.` });
        return;
      }
      const keys: { tradier?: string; polygon?: string } = {};
      if (draft.tradierKey) keys.tradier = draft.tradierKey.trim();
      if (draft.polygonKey) keys.polygon = draft.polygonKey.trim();
      if (Object.keys(keys).length > 0) await sendMessage('setApiKeys', keys);
      const saved = await sendMessage('updateSettings', { provider: draft.provider, customUrl: draft.customUrl.trim(), refreshMinutes: draft.refreshMinutes });
      setSettings(saved);
      setDraft((current) => ({ ...current, tradierKey: '', polygonKey: '' }));
      setMessage({ kind: 'ok', text: 'Saved.' });
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    }
  }

  return (
    <main style={{ font: '14px system-ui, sans-serif', maxWidth: '640px', margin: '16px auto', padding: '0 12px' }}>
      <h1 style={{ fontSize: '18px' }}>gexmap options</h1>
      <form onSubmit={save} aria-label="Data source">
        <fieldset>
          <legend>Data source</legend>
          {PROVIDER_NAMES.map(([id, name]) => (
            <label key={id} style={{ display: 'block', margin: '4px 0' }}>
              <input type="radio" name="provider" value={id} checked={draft.provider === id} onChange={() => setDraft({ ...draft, provider: id })} /> {name}
            </label>
          ))}
          <label style={{ display: 'block', marginTop: '8px' }}>
            Custom URL ({'{ticker}'} is replaced)
            <input
              name="customUrl"
              type="url"
              style={{ width: '100%' }}
              placeholder="https://example.com/chains/{ticker}.json"
              value={draft.customUrl}
              onInput={(event) => setDraft({ ...draft, customUrl: (event.target as HTMLInputElement).value })}
            />
          </label>
          <label style={{ display: 'block', marginTop: '8px' }}>
            Tradier access token {settings?.keys.tradier ? '(set — type to replace)' : '(not set)'}
            <input name="tradierKey" type="password" autocomplete="off" style={{ width: '100%' }} value={draft.tradierKey} onInput={(event) => setDraft({ ...draft, tradierKey: (event.target as HTMLInputElement).value })} />
          </label>
          <label style={{ display: 'block', marginTop: '8px' }}>
            Polygon / Massive API key {settings?.keys.polygon ? '(set — type to replace)' : '(not set)'}
            <input name="polygonKey" type="password" autocomplete="off" style={{ width: '100%' }} value={draft.polygonKey} onInput={(event) => setDraft({ ...draft, polygonKey: (event.target as HTMLInputElement).value })} />
          </label>
          <label style={{ display: 'block', marginTop: '8px' }}>
            Refresh every{' '}
            <input name="refreshMinutes" type="number" min={1} max={240} value={draft.refreshMinutes} onInput={(event) => setDraft({ ...draft, refreshMinutes: Number((event.target as HTMLInputElement).value) })} />{' '}
            minutes during the New York session (once after the close otherwise; never on holidays)
          </label>
        </fieldset>
        <button type="submit" style={{ marginTop: '10px' }}>Save</button>
        {message && (
          <p role={message.kind === 'error' ? 'alert' : 'status'} data-testid="options-message" style={{ color: message.kind === 'error' ? '#c62828' : '#2e7d32' }}>
            {message.text}
          </p>
        )}
      </form>
      <p style={{ color: '#666' }}>
        Keys stay in this browser's extension storage and are used only by gexmap's background worker. Dealer sign model: {settings?.signModel.kind ?? 'classic'} — an assumption, not an observation.
      </p>
    </main>
  );
}
