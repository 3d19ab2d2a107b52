/** A CBOE JSON or quote-table CSV at a URL the user sets (also how tests reach a local server). */
import { parseChainText } from '../chain/parse';
import { ChainFormatError } from '../chain/errors';
import { getText } from './http';
import { providerError, type ProviderContext, type ProviderResult } from './types';

/** The URL with {ticker} (or {TICKER}) replaced, so one setting serves every ticker. */
export function customUrlFor(template: string, ticker: string): string {
  return template.replace(/\{ticker\}/gi, encodeURIComponent(ticker.toUpperCase()));
}

export async function fetchCustomUrl(template: string, ticker: string, context: ProviderContext): Promise<ProviderResult> {
  let url: URL;
  try {
    url = new URL(customUrlFor(template, ticker));
  } catch {
    return providerError('network', `the custom URL "${template}" is not a valid URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return providerError('network', `the custom URL must be http(s), not ${url.protocol}`);
  const response = await getText(context, url.href);
  if (!response.ok) return { ok: false, error: response.error };
  try {
    return { ok: true, snapshot: parseChainText(response.text, { fetchedAt: context.now(), provider: 'custom', delayed: true }) };
  } catch (error) {
    if (error instanceof ChainFormatError) return providerError('not-a-chain', `${url.host}${url.pathname}: ${error.message}`);
    throw error;
  }
}

/** Text the user handed over (file import from the popup or options page). */
export function importChainText(text: string, name: string, now: number): ProviderResult {
  try {
    return { ok: true, snapshot: parseChainText(text, { fetchedAt: now, provider: 'file', delayed: true }) };
  } catch (error) {
    if (error instanceof ChainFormatError) return providerError('not-a-chain', `${name}: ${error.message}`);
    throw error;
  }
}
