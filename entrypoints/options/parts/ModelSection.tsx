/** The model: dealer sign model, rate and dividend yield per ticker, transition band, IV-shift flag. */
import { useState } from 'preact/hooks';
import type { Message, SettingsEditor } from '../useSettings';
import { Note } from './Note';

export function ModelSection({ editor }: { editor: SettingsEditor }) {
  const { draft, set } = editor;
  const [note, setNote] = useState<Message>(null);
  const perTicker = Object.entries(draft.rates.perTicker);
  return (
    <form
      noValidate
      aria-labelledby="model-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void editor.save(
          {
            signModel: draft.signModel,
            rates: draft.rates,
            transitionBand: draft.transitionBand,
            ivShiftThreshold: draft.ivShiftThreshold,
          },
          setNote,
        );
      }}
    >
      <h2 id="model-heading">Model</h2>
      <fieldset>
        <legend>Dealer sign model (an assumption, shown next to every number)</legend>
        <label>
          <input
            type="radio"
            name="sign"
            checked={draft.signModel.kind === 'classic'}
            onChange={() => set({ signModel: { kind: 'classic' } })}
          />{' '}
          Classic: dealers long calls, short puts
        </label>
        <label>
          <input
            type="radio"
            name="sign"
            checked={draft.signModel.kind === 'short-all'}
            onChange={() => set({ signModel: { kind: 'short-all' } })}
          />{' '}
          Dealers short all options
        </label>
        <label>
          <input
            type="radio"
            name="sign"
            checked={draft.signModel.kind === 'custom'}
            onChange={() => set({ signModel: { kind: 'custom', call: 1, put: -1 } })}
          />{' '}
          Custom: calls{' '}
          <input
            type="number"
            step="any"
            min={-1}
            max={1}
            aria-label="Dealer sign for calls"
            disabled={draft.signModel.kind !== 'custom'}
            value={draft.signModel.kind === 'custom' ? draft.signModel.call : 1}
            onInput={(event) =>
              draft.signModel.kind === 'custom' &&
              set({ signModel: { ...draft.signModel, call: Number((event.target as HTMLInputElement).value) } })
            }
          />{' '}
          puts{' '}
          <input
            type="number"
            step="any"
            min={-1}
            max={1}
            aria-label="Dealer sign for puts"
            disabled={draft.signModel.kind !== 'custom'}
            value={draft.signModel.kind === 'custom' ? draft.signModel.put : -1}
            onInput={(event) =>
              draft.signModel.kind === 'custom' &&
              set({ signModel: { ...draft.signModel, put: Number((event.target as HTMLInputElement).value) } })
            }
          />
        </label>
      </fieldset>
      <fieldset>
        <legend>Rate and dividend yield (decimals: 0.04 = 4%)</legend>
        <table>
          <thead>
            <tr>
              <th>Ticker</th>
              <th>Rate</th>
              <th>Dividend</th>
              <th>
                <span class="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>default</td>
              <td>
                <input
                  type="number"
                  step="any"
                  aria-label="Default rate"
                  value={draft.rates.default.rate}
                  onInput={(event) =>
                    set({
                      rates: {
                        ...draft.rates,
                        default: { ...draft.rates.default, rate: Number((event.target as HTMLInputElement).value) },
                      },
                    })
                  }
                />
              </td>
              <td>
                <input
                  type="number"
                  step="any"
                  aria-label="Default dividend"
                  value={draft.rates.default.dividend}
                  onInput={(event) =>
                    set({
                      rates: {
                        ...draft.rates,
                        default: { ...draft.rates.default, dividend: Number((event.target as HTMLInputElement).value) },
                      },
                    })
                  }
                />
              </td>
              <td />
            </tr>
            {perTicker.map(([ticker, rate]) => (
              <tr key={ticker}>
                <td>{ticker}</td>
                <td>
                  <input
                    type="number"
                    step="any"
                    aria-label={`${ticker} rate`}
                    value={rate.rate}
                    onInput={(event) =>
                      set({
                        rates: {
                          ...draft.rates,
                          perTicker: {
                            ...draft.rates.perTicker,
                            [ticker]: { ...rate, rate: Number((event.target as HTMLInputElement).value) },
                          },
                        },
                      })
                    }
                  />
                </td>
                <td>
                  <input
                    type="number"
                    step="any"
                    aria-label={`${ticker} dividend`}
                    value={rate.dividend}
                    onInput={(event) =>
                      set({
                        rates: {
                          ...draft.rates,
                          perTicker: {
                            ...draft.rates.perTicker,
                            [ticker]: { ...rate, dividend: Number((event.target as HTMLInputElement).value) },
                          },
                        },
                      })
                    }
                  />
                </td>
                <td>
                  <button
                    type="button"
                    onClick={() => {
                      const perTickerRest = { ...draft.rates.perTicker };
                      delete perTickerRest[ticker];
                      set({ rates: { ...draft.rates, perTicker: perTickerRest } });
                    }}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          type="button"
          onClick={() => {
            const ticker = prompt('Ticker for its own rate and dividend (e.g. QQQ)')?.trim().toUpperCase();
            if (ticker) set({ rates: { ...draft.rates, perTicker: { ...draft.rates.perTicker, [ticker]: { ...draft.rates.default } } } });
          }}
        >
          Add a ticker
        </button>
      </fieldset>
      <label>
        Transition band around the flip: ±{' '}
        <input
          type="number"
          step="any"
          min={0}
          max={5}
          aria-label="Transition band in percent of spot"
          value={+(draft.transitionBand * 100).toFixed(3)}
          onInput={(event) => set({ transitionBand: Number((event.target as HTMLInputElement).value) / 100 })}
        />{' '}
        % of spot
      </label>
      <label>
        Flag an ATM IV move larger than{' '}
        <input
          type="number"
          step="any"
          min={0.1}
          max={100}
          aria-label="IV shift threshold in vol points"
          value={+(draft.ivShiftThreshold * 100).toFixed(2)}
          onInput={(event) => set({ ivShiftThreshold: Number((event.target as HTMLInputElement).value) / 100 })}
        />{' '}
        vol points since the session's levels were computed
      </label>
      <button type="submit">Save model</button>
      <Note message={note} testId="model-message" />
    </form>
  );
}
