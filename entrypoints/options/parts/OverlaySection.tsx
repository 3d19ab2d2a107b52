/** The chart overlay: which lines and their colours, chart symbol rules with a futures basis, sites. */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../../utils/messaging';
import { LEVEL_KINDS } from '../../../lib/chart/levels';
import type { Message, SettingsEditor } from '../useSettings';
import { Note } from './Note';

/** The kinds with an on/off line choice (nodes have a count instead). */
const SWITCHABLE = LEVEL_KINDS.filter((info) => info.setting !== 'node');

export function OverlaySection({ editor }: { editor: SettingsEditor }) {
  const { draft, set } = editor;
  const [note, setNote] = useState<Message>(null);
  /** Turns the overlay off for a site and gives back its host permission. */
  async function turnOff(site: string) {
    try {
      await sendMessage('setSiteEnabled', { pattern: site, enabled: false });
      await browser.permissions.remove({ origins: [site] }).catch(() => false);
      editor.adopt(await sendMessage('getSettings', undefined));
    } catch (error) {
      setNote({ kind: 'bad', text: `Turning ${site.replace('/*', '')} off failed: ${(error as Error).message}` });
    }
  }
  return (
    <form
      noValidate
      aria-labelledby="overlay-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void editor.save(
          { lines: draft.lines, lineColours: draft.lineColours, symbolRules: draft.symbolRules, enabledSites: draft.enabledSites },
          setNote,
        );
      }}
    >
      <h2 id="overlay-heading">Chart overlay</h2>
      <fieldset>
        <legend>Lines and colours</legend>
        {SWITCHABLE.map(({ setting: key, label: name }) => (
          <label key={key}>
            <input
              type="checkbox"
              checked={draft.lines[key]}
              onChange={(event) => set({ lines: { ...draft.lines, [key]: (event.target as HTMLInputElement).checked } })}
            />{' '}
            {name}{' '}
            <input
              type="color"
              aria-label={`${name} colour`}
              value={draft.lineColours[key]}
              onInput={(event) => set({ lineColours: { ...draft.lineColours, [key]: (event.target as HTMLInputElement).value } })}
            />
          </label>
        ))}
        <label>
          Top net nodes:{' '}
          <input
            type="number"
            min={0}
            max={10}
            aria-label="How many top net nodes to draw"
            value={draft.lines.nodes}
            onInput={(event) => set({ lines: { ...draft.lines, nodes: Number((event.target as HTMLInputElement).value) } })}
          />{' '}
          <input
            type="color"
            aria-label="Node colour"
            value={draft.lineColours.node}
            onInput={(event) => set({ lineColours: { ...draft.lineColours, node: (event.target as HTMLInputElement).value } })}
          />
        </label>
        <label>
          <input
            type="checkbox"
            checked={draft.lines.previous}
            onChange={(event) => set({ lines: { ...draft.lines, previous: (event.target as HTMLInputElement).checked } })}
          />{' '}
          The previous session's flip and walls (faint dashed lines labelled “prev”)
        </label>
      </fieldset>
      <fieldset>
        <legend>
          Chart symbol → options underlying (futures: basis in points added to the levels; empty = the basis the chain's own forwards imply)
        </legend>
        <table>
          <thead>
            <tr>
              <th>Chart symbol</th>
              <th>Underlying</th>
              <th>Basis</th>
              <th>
                <span class="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.symbolRules.map((rule, index) => (
              <tr key={index}>
                <td>
                  <input
                    aria-label={`Chart symbol ${index + 1}`}
                    value={rule.chart}
                    size={14}
                    onInput={(event) =>
                      set({
                        symbolRules: draft.symbolRules.map((item, i) =>
                          i === index ? { ...item, chart: (event.target as HTMLInputElement).value } : item,
                        ),
                      })
                    }
                  />
                </td>
                <td>
                  <input
                    aria-label={`Underlying ${index + 1}`}
                    value={rule.underlying}
                    size={7}
                    onInput={(event) =>
                      set({
                        symbolRules: draft.symbolRules.map((item, i) =>
                          i === index ? { ...item, underlying: (event.target as HTMLInputElement).value } : item,
                        ),
                      })
                    }
                  />
                </td>
                <td>
                  <input
                    type="number"
                    step="any"
                    aria-label={`Basis ${index + 1}`}
                    placeholder="from forwards"
                    title="Points added to the levels on this chart. Empty: for futures, the basis implied by the chain's own forwards."
                    value={rule.basis ?? ''}
                    onInput={(event) => {
                      const text = (event.target as HTMLInputElement).value;
                      set({
                        symbolRules: draft.symbolRules.map((item, i) =>
                          i === index ? { ...item, basis: text.trim() === '' ? null : Number(text) } : item,
                        ),
                      });
                    }}
                  />
                </td>
                <td>
                  <button type="button" onClick={() => set({ symbolRules: draft.symbolRules.filter((_item, i) => i !== index) })}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={() => set({ symbolRules: [...draft.symbolRules, { chart: '', underlying: '', basis: null }] })}>
          Add a mapping
        </button>
      </fieldset>
      <fieldset>
        <legend>Sites with the overlay (besides TradingView)</legend>
        {draft.enabledSites.length === 0 && <p class="muted">None. Use "Show on this site" in the popup on a chart page.</p>}
        <ul>
          {draft.enabledSites.map((site) => (
            <li key={site}>
              {site.replace('/*', '')}{' '}
              <button type="button" onClick={() => void turnOff(site)}>
                Turn off
              </button>
            </li>
          ))}
        </ul>
      </fieldset>
      <button type="submit">Save overlay</button>
      <Note message={note} testId="overlay-message" />
    </form>
  );
}
