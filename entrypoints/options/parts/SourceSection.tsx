/**
 * Data source: the provider (from the provider table), only the chosen provider's fields, and "Save
 * and test" — checked here first (a key or URL that cannot work is said at once), then with a real
 * request for the active ticker that always answers within its time limit.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../../utils/messaging';
import { PROVIDERS, providerSpec } from '../../../lib/providers/registry';
import { describeProviderError } from '../../../lib/providers/types';
import type { FeedStatus } from '../../../lib/protocol';
import type { Message, SettingsEditor } from '../useSettings';
import { Note } from './Note';

/** The test request gets this long before the page says so (providers time out after 20 s). */
const TEST_TIMEOUT_MS = 25000;

export function SourceSection({ editor }: { editor: SettingsEditor }) {
  const { draft, settings, set } = editor;
  const [keys, setKeys] = useState({ tradier: '', polygon: '' });
  const [note, setNote] = useState<Message>(null);
  const spec = providerSpec(draft.provider);

  /** What can be known without a request: a missing key or URL. */
  function localProblem(): string | null {
    if (spec.key && !keys[spec.key].trim() && !settings.keys[spec.key])
      return `${spec.label.replace(/ \(.*/, '')} needs its key: paste it above.`;
    if (draft.provider === 'custom') {
      if (!draft.customUrl.trim()) return 'Type the URL of a CBOE JSON or quote-table CSV ({ticker} is replaced).';
      try {
        const url = new URL(draft.customUrl.trim().replace(/\{ticker\}/gi, 'SPX'));
        if (url.protocol !== 'https:' && url.protocol !== 'http:')
          return `The URL must start with https:// or http://, not ${url.protocol}`;
      } catch {
        return `"${draft.customUrl}" is not a URL.`;
      }
    }
    return null;
  }

  async function saveAndTest(event: Event) {
    event.preventDefault();
    setNote(null);
    const problem = localProblem();
    if (problem) return setNote({ kind: 'bad', text: problem });
    try {
      // Ask for the provider's host while this click still counts as a user gesture.
      const origins = spec.origins(draft.customUrl.trim());
      if (origins.length > 0 && !(await browser.permissions.request({ origins }))) {
        return setNote({ kind: 'bad', text: `gexmap needs access to ${origins.join(', ')} to fetch from this provider.` });
      }
      if (spec.key && keys[spec.key].trim())
        await sendMessage('setApiKeys', spec.key === 'tradier' ? { tradier: keys.tradier.trim() } : { polygon: keys.polygon.trim() });
      setKeys({ tradier: '', polygon: '' });
      if (
        !(await editor.save({ provider: draft.provider, customUrl: draft.customUrl.trim(), refreshMinutes: draft.refreshMinutes }, setNote))
      )
        return;
      setNote({ kind: 'good', text: `Saved. Testing with ${draft.ticker}…` });
      const status = await Promise.race([
        sendMessage('refresh', {}),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), TEST_TIMEOUT_MS)),
      ]);
      setNote(testVerdict(status, draft.ticker));
    } catch (error) {
      setNote({ kind: 'bad', text: (error as Error).message });
    }
  }

  return (
    <form noValidate onSubmit={(event) => void saveAndTest(event)} aria-labelledby="source-heading">
      <h2 id="source-heading">Data source</h2>
      <fieldset>
        <legend>Provider</legend>
        {PROVIDERS.map((provider) => (
          <label key={provider.id}>
            <input
              type="radio"
              name="provider"
              value={provider.id}
              checked={draft.provider === provider.id}
              onChange={() => set({ provider: provider.id })}
            />{' '}
            {provider.label}
          </label>
        ))}
        {draft.provider === 'custom' && (
          <label>
            Custom URL ({'{ticker}'} is replaced)
            <input
              name="customUrl"
              type="url"
              class="wide"
              placeholder="https://example.com/chains/{ticker}.json"
              value={draft.customUrl}
              onInput={(event) => set({ customUrl: (event.target as HTMLInputElement).value })}
            />
          </label>
        )}
        {spec.key === 'tradier' && (
          <label>
            Tradier access token {settings.keys.tradier ? '(set — type to replace)' : '(not set)'}
            <input
              name="tradierKey"
              type="password"
              autocomplete="off"
              class="wide"
              value={keys.tradier}
              onInput={(event) => setKeys({ ...keys, tradier: (event.target as HTMLInputElement).value })}
            />
          </label>
        )}
        {spec.key === 'polygon' && (
          <label>
            Polygon / Massive API key {settings.keys.polygon ? '(set — type to replace)' : '(not set)'}
            <input
              name="polygonKey"
              type="password"
              autocomplete="off"
              class="wide"
              value={keys.polygon}
              onInput={(event) => setKeys({ ...keys, polygon: (event.target as HTMLInputElement).value })}
            />
          </label>
        )}
        {spec.scheduled && (
          <label>
            Refresh every{' '}
            <input
              name="refreshMinutes"
              type="number"
              min={1}
              max={240}
              value={draft.refreshMinutes}
              onInput={(event) => set({ refreshMinutes: Number((event.target as HTMLInputElement).value) })}
            />{' '}
            minutes during the New York session (once after the close otherwise; never on holidays)
          </label>
        )}
      </fieldset>
      <button type="submit">Save and test</button>
      <Note message={note} testId="options-message" />
    </form>
  );
}

function testVerdict(status: FeedStatus | null, ticker: string): Message {
  if (status === null)
    return {
      kind: 'bad',
      text: `Saved, but the test request for ${ticker} has not answered within ${TEST_TIMEOUT_MS / 1000} s; gexmap keeps trying on its schedule.`,
    };
  if (status.lastError && status.failures > 0)
    return { kind: 'bad', text: `Saved, but the test request failed — ${describeProviderError(status.lastError)}` };
  return {
    kind: 'good',
    text: `Saved. Test request for ${ticker} succeeded${status.lastDurationMs !== undefined ? ` in ${status.lastDurationMs} ms` : ''}.`,
  };
}
