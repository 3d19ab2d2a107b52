/** Data: import a chain file, export settings and history, clear cached data. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { StorageUsage } from '../../../lib/protocol';
import { sendMessage } from '../../../utils/messaging';
import { formatNewYork } from '../../../lib/format/time';
import type { Message, SettingsEditor } from '../useSettings';
import { Note } from './Note';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function DataSection({ editor }: { editor: SettingsEditor }) {
  const [note, setDataNote] = useState<Message>(null);
  const [usage, setUsage] = useState<StorageUsage | null>(null);
  const settings = editor.settings;
  const loadUsage = () => sendMessage('getStorageUsage', undefined).then(setUsage, () => setUsage(null));
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => void loadUsage(), []);
  // The popup's "Import a file" opens options.html#import: the picker is one key press away.
  useEffect(() => {
    if (location.hash === '#import') fileInput.current?.focus();
  }, []);

  async function importFile(file: File) {
    setDataNote(null);
    try {
      const reply = await sendMessage('importChain', { text: await file.text(), name: file.name });
      const levels = reply.levels;
      const refused = reply.status.lastError?.kind === 'refused' ? reply.status.refused : null;
      if (refused) {
        setDataNote({
          kind: 'bad',
          text: `${file.name} was not used: ${refused.reason}. The last good ${reply.ticker} levels stay; the popup offers "Use this chain anyway".`,
        });
      } else
        setDataNote({
          kind: 'good',
          text: `${file.name}: ${reply.ticker} as of ${reply.source ? formatNewYork(reply.source.asOf, { year: true }) : '?'} — flip ${levels?.flip?.toFixed(1) ?? 'none'}, call wall ${levels?.callWall ?? '—'}, put wall ${levels?.putWall ?? '—'}. The popup now shows this file.`,
        });
      editor.adopt(await sendMessage('getSettings', undefined));
      void loadUsage();
    } catch (error) {
      setDataNote({ kind: 'bad', text: `${(error as Error).message} — nothing was replaced.` });
    }
  }

  async function exportData() {
    const history = await sendMessage('getHistory', {});
    const { keys: _keys, ...plainSettings } = settings;
    const blob = new Blob([JSON.stringify({ exportedAt: new Date().toISOString(), settings: plainSettings, history }, null, 2)], {
      type: 'application/json',
    });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `gexmap-${settings.ticker}-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 5000);
  }

  return (
    <section aria-labelledby="data-heading" id="import">
      <h2 id="data-heading">Data</h2>
      <label>
        Import a chain file (CBOE delayed-quotes JSON or the quote-table CSV from cboe.com):{' '}
        <input
          ref={fileInput}
          type="file"
          accept=".csv,.json,text/csv,application/json"
          data-testid="import-file"
          onChange={(event) => {
            const file = (event.target as HTMLInputElement).files?.[0];
            if (file) void importFile(file);
          }}
        />
      </label>
      <Note message={note} testId="import-message" />
      <p>
        <button type="button" onClick={() => void exportData()}>
          Export settings and history (JSON)
        </button>{' '}
        <button
          type="button"
          onClick={() => {
            if (!confirm('Clear cached levels, history and stored chains? Settings and keys stay.')) return;
            sendMessage('clearData', undefined).then(
              () => {
                setDataNote({ kind: 'good', text: 'Cached data cleared.' });
                void loadUsage();
              },
              (error: Error) => setDataNote({ kind: 'bad', text: `Clearing failed: ${error.message}` }),
            );
          }}
        >
          Clear cached data
        </button>
      </p>
      {usage && (
        <p data-testid="storage-usage">
          Stored: {usage.feeds.length} chain{usage.feeds.length === 1 ? '' : 's'} (
          {usage.feeds.map((feed) => feed.ticker).join(', ') || 'none'}), {megabytes(usage.chainBytes)} of a {megabytes(usage.budgetBytes)}{' '}
          budget; session history for {usage.historyTickers.length} ticker{usage.historyTickers.length === 1 ? '' : 's'}. Tickers not viewed
          for a week are dropped (their history stays); past the budget, the least recently viewed go first.
        </p>
      )}
      <p class="muted">
        Keys stay in gexmap's own database in this browser, which web pages and their scripts cannot reach; only gexmap's background uses
        them. No number leaves your browser.
      </p>
    </section>
  );
}
