/**
 * Tradier (token): expirations with all roots, then one chain request per expiration with greeks
 * (ORATS, hourly), and the underlying's quote. `Authorization: Bearer`, `Accept: application/json`.
 * Limited to 120 requests per minute by the injected limiter.
 */
import type { ChainSnapshot, OptionContract, RejectedRow } from '../chain/model';
import { standardWarnings } from '../chain/contract';
import { newValueTally, tallyWarnings } from '../chain/contract-values';
import { getText } from './http';
import { asList, contractFromRecord, isRecord, numberOrNull } from './records';
import type { RateLimiter } from './rate-limiter';
import { providerError, type ProviderContext, type ProviderResult } from './types';

export const TRADIER_BASE_URL = 'https://api.tradier.com';

export interface TradierOptions {
  token: string;
  limiter: RateLimiter;
  baseUrl?: string;
}

async function getJson(
  context: ProviderContext,
  options: TradierOptions,
  path: string,
): Promise<{ ok: true; body: unknown } | { ok: false; result: ProviderResult }> {
  await options.limiter.acquire();
  const response = await getText(context, `${options.baseUrl ?? TRADIER_BASE_URL}${path}`, {
    Authorization: `Bearer ${options.token}`,
    Accept: 'application/json',
  });
  if (!response.ok) {
    if (response.error.status === 401)
      return { ok: false, result: providerError('missing-key', 'Tradier rejected the access token (401)', { status: 401 }) };
    return { ok: false, result: { ok: false, error: response.error } };
  }
  try {
    return { ok: true, body: JSON.parse(response.text) };
  } catch {
    return {
      ok: false,
      result: providerError(
        'not-a-chain',
        `Tradier ${path.split('?')[0]} did not answer JSON (starts ${JSON.stringify(response.text.slice(0, 40))})`,
      ),
    };
  }
}

export async function fetchTradier(ticker: string, context: ProviderContext, options: TradierOptions): Promise<ProviderResult> {
  if (!options.token) return providerError('missing-key', 'set a Tradier access token in the options page');
  const symbol = encodeURIComponent(ticker.toUpperCase());
  const quote = await getJson(context, options, `/v1/markets/quotes?symbols=${symbol}`);
  if (!quote.ok) return quote.result;
  const quoteRecord = isRecord(quote.body) && isRecord(quote.body.quotes) ? asList(quote.body.quotes.quote)[0] : undefined;
  if (!isRecord(quoteRecord)) return providerError('unknown-ticker', `Tradier has no quote for ${ticker.toUpperCase()}`);
  const spot = numberOrNull(quoteRecord.last) ?? numberOrNull(quoteRecord.close) ?? numberOrNull(quoteRecord.prevclose);

  const expirationsReply = await getJson(context, options, `/v1/markets/options/expirations?symbol=${symbol}&includeAllRoots=true`);
  if (!expirationsReply.ok) return expirationsReply.result;
  const body = expirationsReply.body;
  const dates =
    isRecord(body) && isRecord(body.expirations)
      ? asList(body.expirations.date).filter((date): date is string => typeof date === 'string')
      : [];
  if (dates.length === 0) return providerError('unknown-ticker', `Tradier lists no option expirations for ${ticker.toUpperCase()}`);

  const asOf = context.now();
  const contracts: OptionContract[] = [];
  const rejected: RejectedRow[] = [];
  // Prices, IVs and greeks that cannot be real are read as missing; the counts become warnings.
  const tally = newValueTally();
  let newestGreeks = 0;
  for (const date of dates) {
    const chain = await getJson(
      context,
      options,
      `/v1/markets/options/chains?symbol=${symbol}&expiration=${encodeURIComponent(date)}&greeks=true`,
    );
    if (!chain.ok) return chain.result;
    const options_ = isRecord(chain.body) && isRecord(chain.body.options) ? asList(chain.body.options.option) : [];
    options_.forEach((record, index) => {
      const where = `${date} option[${index}]`;
      if (!isRecord(record)) return void rejected.push({ where, reason: 'not an object' });
      const greeks = isRecord(record.greeks) ? record.greeks : {};
      const updated = typeof greeks.updated_at === 'string' ? Date.parse(`${greeks.updated_at.replace(' ', 'T')}Z`) : NaN;
      if (Number.isFinite(updated)) newestGreeks = Math.max(newestGreeks, updated);
      const contract = contractFromRecord(
        record.symbol,
        {
          bid: numberOrNull(record.bid),
          ask: numberOrNull(record.ask),
          last: numberOrNull(record.last),
          volume: numberOrNull(record.volume),
          openInterest: numberOrNull(record.open_interest),
          multiplier: numberOrNull(record.contract_size),
          // mid_iv is the market's; smv_vol is ORATS' smoothed surface (present when mid_iv is not).
          iv: numberOrNull(greeks.mid_iv) || numberOrNull(greeks.smv_vol),
          delta: numberOrNull(greeks.delta),
          gamma: numberOrNull(greeks.gamma),
          vega: numberOrNull(greeks.vega),
          theta: numberOrNull(greeks.theta),
        },
        asOf,
        tally,
      );
      if (typeof contract === 'string') rejected.push({ where, reason: contract });
      else contracts.push(contract);
    });
  }
  if (contracts.length === 0) return providerError('not-a-chain', `Tradier returned no readable contracts for ${ticker.toUpperCase()}`);
  const warnings = [...standardWarnings(contracts, asOf), ...tallyWarnings(tally)];
  if (newestGreeks > 0) warnings.push(`greeks (ORATS) last updated ${new Date(newestGreeks).toISOString()}`);
  if (rejected.length) warnings.push(`${rejected.length} Tradier records were rejected (see rejected rows)`);
  const snapshot: ChainSnapshot = {
    provider: 'tradier',
    underlying: ticker.toUpperCase(),
    spot,
    asOf,
    asOfInferred: false,
    fetchedAt: asOf,
    delayed: (options.baseUrl ?? TRADIER_BASE_URL).includes('sandbox'),
    contracts,
    warnings,
    rejected,
  };
  return { ok: true, snapshot };
}
