/**
 * CBOE delayed quotes (free, no key, about 15 minutes delayed):
 * https://cdn.cboe.com/api/global/delayed_quotes/options/{SYM}.json, index symbols with a leading
 * underscore (_SPX, _NDX, ...), falling back to the bare symbol.
 */
import { parseCboeJson } from '../chain/cboe-json';
import { ChainFormatError } from '../chain/errors';
import { getText } from './http';
import { providerError, type ProviderContext, type ProviderResult } from './types';

export const CBOE_BASE_URL = 'https://cdn.cboe.com/api/global/delayed_quotes/options/';

/** Index underlyings CBOE files under an underscore. */
const CBOE_INDEXES = new Set(['SPX', 'NDX', 'RUT', 'VIX', 'XSP', 'DJX', 'OEX', 'XEO', 'MRUT', 'SPXW', 'NDXP', 'RUTW', 'VIXW']);

export function cboeSymbols(ticker: string): string[] {
  const symbol = ticker.toUpperCase().replace(/^[_^$]/, '');
  return CBOE_INDEXES.has(symbol) ? [`_${symbol}`, symbol] : [symbol, `_${symbol}`];
}

export async function fetchCboe(ticker: string, context: ProviderContext, baseUrl = CBOE_BASE_URL): Promise<ProviderResult> {
  let lastStatus = 0;
  for (const symbol of cboeSymbols(ticker)) {
    const url = `${baseUrl}${encodeURIComponent(symbol)}.json`;
    const response = await getText(context, url, { Accept: 'application/json' });
    if (!response.ok) {
      // CBOE answers 403 (S3) or 404 for symbols it does not have: try the other spelling.
      if (response.error.kind === 'http' && (response.error.status === 403 || response.error.status === 404)) {
        lastStatus = response.error.status;
        continue;
      }
      return { ok: false, error: response.error };
    }
    try {
      const snapshot = parseCboeJson(response.text, { fetchedAt: context.now(), provider: 'cboe', delayed: true });
      return { ok: true, snapshot };
    } catch (error) {
      if (error instanceof ChainFormatError) return providerError('not-a-chain', `CBOE ${symbol}: ${error.message}`);
      throw error;
    }
  }
  return providerError(
    'unknown-ticker',
    `CBOE has no option chain for ${ticker.toUpperCase()} (answered ${lastStatus} for ${cboeSymbols(ticker).join(' and ')})`,
    {
      status: lastStatus,
    },
  );
}
