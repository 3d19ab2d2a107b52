/** Data: import a chain file, export settings and history, clear cached data. */
import { useState } from 'preact/hooks';
import { sendMessage } from '../../../utils/messaging';
import type { Message, SettingsEditor } from '../useSettings';
import { Note } from './Note';

export function DataSection({ editor }: { editor: SettingsEditor }) {
  const [note, setDataNote] = useState<Message>(null);
  const settings = editor.settings;

  async function importFile(file: File) {
    setDataNote(null);
    try {
      const reply = await sendMessage('importChain', { text: await file.text(), name: file.name });
      const levels = reply.levels;
      setDataNote({ kind: 'good', text: `${file.name}: ${reply.ticker} as of ${reply.source ? new Date(reply.source.asOf).toISOString().slice(0, 16) : '?'} — flip ${levels?.flip?.toFixed(1) ?? 'none'}, call wall ${levels?.callWall ?? '—'}, put wall ${levels?.putWall ?? '—'}. The popup now shows this file.` });
      editor.adopt(await sendMessage('getSettings', undefined));
    } catch (error) {
      setDataNote({ kind: 'bad', text: `${(error as Error).message} — nothing was replaced.` });
    }
  }

  async function exportData() {
    const history = await sendMessage('getHistory', {});
    const { keys: _keys, ...plainSettings } = settings;
    const blob = new Blob([JSON.stringify({ exportedAt: new Date().toISOString(), settings: plainSettings, history }, null, 2)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `gexmap-${settings.ticker}-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 5000);
  }

  return (
  <section aria-labelledby="data-heading">
    <h2 id="data-heading">Data</h2>
    <label>
      Import a chain file (CBOE delayed-quotes JSON or the quote-table CSV from cboe.com):{' '}
      <input type="file" accept=".csv,.json,text/csv,application/json" data-testid="import-file" onChange={(event) => { const file = (event.target as HTMLInputElement).files?.[0]; if (file) void importFile(file); }} />
    </label>
    <Note message={note} testId="import-message" />
    <p>
      <button type="button" onClick={() => void exportData()}>Export settings and history (JSON)</button>{' '}
      <button type="button" onClick={async () => { if (confirm('Clear cached levels, history and stored chains? Settings and keys stay.')) { await sendMessage('clearData', undefined); setDataNote({ kind: 'good', text: 'Cached data cleared.' }); } }}>Clear cached data</button>
    </p>
    <p class="muted">Keys stay in this browser's extension storage and are used only by gexmap's background worker; no number leaves your browser.</p>
  </section>
  );
}
