/**
 * Polygon / Massive (key): GET /v3/snapshot/options/{underlying}?limit=250, following `next_url`
 * pages; indices as I:SPX. The key travels as `Authorization: Bearer` (never in a logged URL).
 */
import type { ChainSnapshot, OptionContract, RejectedRow } from '../chain/model';
import { standardWarnings } from '../chain/contract';
import { newValueTally, tallyWarnings } from '../chain/contract-values';
import { getText, hostOf } from './http';

function sameOrigin(url: string, base: string): boolean {
  try {
    return new URL(url).origin === new URL(base).origin;
  } catch {
    return false;
  }
}
import { contractFromRecord, isRecord, numberOrNull } from './records';
import { providerError, type ProviderContext, type ProviderResult } from './types';

export const POLYGON_BASE_URL = 'https://api.polygon.io';
const POLYGON_INDEXES = new Set(['SPX', 'NDX', 'RUT', 'VIX', 'XSP', 'DJX', 'OEX']);
/** A guard against a server that never stops paging. */
const MAX_PAGES = 400;

export function polygonUnderlying(ticker: string): string {
  const symbol = ticker.toUpperCase().replace(/^I:/, '');
  return POLYGON_INDEXES.has(symbol) ? `I:${symbol}` : symbol;
}

export async function fetchPolygon(
  ticker: string,
  context: ProviderContext,
  options: { key: string; baseUrl?: string },
): Promise<ProviderResult> {
  if (!options.key) return providerError('missing-key', 'set a Polygon/Massive API key in the options page');
  const base = options.baseUrl ?? POLYGON_BASE_URL;
  let url: string | null = `${base}/v3/snapshot/options/${encodeURIComponent(polygonUnderlying(ticker))}?limit=250`;
  const asOf = context.now();
  const contracts: OptionContract[] = [];
  const rejected: RejectedRow[] = [];
  // Prices, IVs and greeks that cannot be real are read as missing; the counts become warnings.
  const tally = newValueTally();
  let spot: number | null = null;
  let newestQuote = 0;
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const response = await getText(context, url, { Authorization: `Bearer ${options.key}`, Accept: 'application/json' });
    if (!response.ok) {
      if (response.error.status === 401 || response.error.status === 403) {
        return providerError('missing-key', `Polygon rejected the API key (${response.error.status})`, { status: response.error.status });
      }
      return { ok: false, error: response.error };
    }
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      return providerError('not-a-chain', `Polygon did not answer JSON (starts ${JSON.stringify(response.text.slice(0, 40))})`);
    }
    if (!isRecord(body) || !Array.isArray(body.results)) {
      const message = isRecord(body) && typeof body.error === 'string' ? body.error : 'no "results" array';
      return providerError('not-a-chain', `Polygon: ${message}`);
    }
    body.results.forEach((record, index) => {
      const where = `page ${page + 1} results[${index}]`;
      if (!isRecord(record) || !isRecord(record.details)) return void rejected.push({ where, reason: 'no "details" object' });
      const greeks = isRecord(record.greeks) ? record.greeks : {};
      const quote = isRecord(record.last_quote) ? record.last_quote : {};
      const day = isRecord(record.day) ? record.day : {};
      const underlying = isRecord(record.underlying_asset) ? record.underlying_asset : {};
      spot ??= numberOrNull(underlying.price) ?? numberOrNull(underlying.value);
      const updated = numberOrNull(quote.last_updated);
      if (updated !== null) newestQuote = Math.max(newestQuote, updated / 1e6); // nanoseconds
      const contract = contractFromRecord(
        record.details.ticker,
        {
          bid: numberOrNull(quote.bid),
          ask: numberOrNull(quote.ask),
          last: numberOrNull(day.close),
          volume: numberOrNull(day.volume),
          openInterest: numberOrNull(record.open_interest),
          multiplier: numberOrNull(record.details.shares_per_contract),
          iv: numberOrNull(record.implied_volatility),
          delta: numberOrNull(greeks.delta),
          gamma: numberOrNull(greeks.gamma),
          vega: numberOrNull(greeks.vega),
          theta: numberOrNull(greeks.theta),
          quoteTime: updated === null ? null : Math.round(updated / 1e6),
        },
        asOf,
        tally,
      );
      if (typeof contract === 'string') rejected.push({ where, reason: contract });
      else contracts.push(contract);
    });
    url = typeof body.next_url === 'string' && body.next_url ? body.next_url : null;
    // The key goes with every page: only ever to Polygon's own host, whatever a page says.
    if (url !== null && !sameOrigin(url, base)) {
      return providerError(
        'not-a-chain',
        `Polygon's next page points at ${hostOf(url)}, not ${hostOf(base)}: not followed (the API key is sent to Polygon only)`,
      );
    }
  }
  if (contracts.length === 0 && rejected.length === 0)
    return providerError('unknown-ticker', `Polygon has no options for ${polygonUnderlying(ticker)}`);
  if (contracts.length === 0)
    return providerError('not-a-chain', `Polygon returned no readable contracts for ${polygonUnderlying(ticker)}`);
  const warnings = [...standardWarnings(contracts, asOf), ...tallyWarnings(tally)];
  if (url) warnings.push(`stopped after ${MAX_PAGES} pages; the chain may be incomplete`);
  if (rejected.length) warnings.push(`${rejected.length} Polygon records were rejected (see rejected rows)`);
  if (newestQuote > 0 && asOf - newestQuote > 3600000)
    warnings.push(`the newest option quote is from ${new Date(newestQuote).toISOString()}`);
  const snapshot: ChainSnapshot = {
    provider: 'polygon',
    underlying: ticker.toUpperCase().replace(/^I:/, ''),
    spot,
    asOf,
    asOfInferred: false,
    fetchedAt: asOf,
    delayed: true,
    contracts,
    warnings,
    rejected,
  };
  return { ok: true, snapshot };
}
