/**
 * Ticker, expiry filter, and the favourite and recent tickers as one-click chips (a recent one can be
 * removed). A filter that needs a date says so until it has one, instead of showing other numbers
 * under its name.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PublicSettings } from '../../../lib/protocol';

const FILTERS: [string, string][] = [
  ['all', 'All expiries'],
  ['0dte', '0DTE'],
  ['next', 'Next expiry'],
  ['weekly', 'Next weekly'],
  ['monthly', 'Monthly OPEX'],
  ['date', 'One date…'],
  ['through', 'Through date…'],
];

/** The filter setting split into the select's kind and its date. */
function splitFilter(text: string): [string, string] {
  if (text.startsWith('through:')) return ['through', text.slice(8)];
  if (/^\d{4}-/.test(text)) return ['date', text];
  return [text, ''];
}

export function TickerBar(props: {
  settings: PublicSettings | null;
  shown: string | null;
  onTicker: (text: string) => void;
  onFilter: (text: string) => void;
  onForget: (ticker: string) => void;
  /** A filter that needs a date was chosen without one (its label), or null. */
  onAwaitDate: (label: string | null) => void;
}) {
  const { settings } = props;
  const [tickerText, setTickerText] = useState('');
  const [[kind, date], setFilter] = useState<[string, string]>(['all', '']);
  useEffect(() => {
    if (!settings) return;
    setTickerText(settings.ticker);
    setFilter(splitFilter(settings.expiryFilter));
  }, [settings?.ticker, settings?.expiryFilter]);

  const choose = (nextKind: string, nextDate: string) => {
    setFilter([nextKind, nextDate]);
    const needsDate = (nextKind === 'date' || nextKind === 'through') && !nextDate;
    props.onAwaitDate(needsDate ? FILTERS.find(([value]) => value === nextKind)![1] : null);
    if (needsDate) return; // wait for the date
    props.onFilter(nextKind === 'date' ? nextDate : nextKind === 'through' ? `through:${nextDate}` : nextKind);
  };
  const favorites = settings?.favorites ?? [];
  const chips = [...new Set([...favorites, ...(settings?.recents ?? [])])].slice(0, 10);
  return (
    <>
      <form
        class="row"
        style={{ marginTop: '8px' }}
        onSubmit={(event) => {
          event.preventDefault();
          props.onTicker(tickerText);
        }}
      >
        <label for="ticker">Ticker</label>
        <input
          id="ticker"
          name="ticker"
          value={tickerText}
          size={8}
          autocomplete="off"
          spellcheck={false}
          aria-describedby="ticker-help"
          onInput={(event) => setTickerText((event.target as HTMLInputElement).value)}
        />
        <button type="submit">Go</button>
        <label for="expiry" class="muted">
          Expiry
        </label>
        <select id="expiry" value={kind} onChange={(event) => choose((event.target as HTMLSelectElement).value, date)}>
          {FILTERS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        {(kind === 'date' || kind === 'through') && (
          <input
            type="date"
            aria-label="Expiry date"
            value={date}
            required
            onChange={(event) => choose(kind, (event.target as HTMLInputElement).value)}
          />
        )}
      </form>
      <div class="chips" id="ticker-help" aria-label="Favorites and recent tickers">
        {chips.map((ticker) => (
          <span class="chip-group" key={ticker}>
            <button type="button" class="chip" aria-pressed={ticker === props.shown} onClick={() => props.onTicker(ticker)}>
              {ticker}
            </button>
            {!favorites.includes(ticker) && (
              <button
                type="button"
                class="chip-remove"
                aria-label={`Remove ${ticker} from the recent tickers`}
                title={`Remove ${ticker}`}
                onClick={() => props.onForget(ticker)}
              >
                ×
              </button>
            )}
          </span>
        ))}
      </div>
    </>
  );
}
