/** The host permission a provider needs, to request at the moment the user turns it on. */
import type { ProviderId } from './types';
import { TRADIER_BASE_URL } from './tradier';
import { POLYGON_BASE_URL } from './polygon';

/** Hosts granted at install (manifest host_permissions): no prompt for these. */
export const BUILT_IN_ORIGINS = ['https://cdn.cboe.com/*', 'http://localhost/*', 'http://127.0.0.1/*'];

export function originPattern(url: string): string | null {
  try {
    const parsed = new URL(url.replace(/\{ticker\}/gi, 'SPX'));
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    return `${parsed.protocol}//${parsed.hostname}/*`;
  } catch {
    return null;
  }
}

/** Origins to request for a provider (empty when nothing beyond the built-in hosts is needed). */
export function originsFor(provider: ProviderId, customUrl: string): string[] {
  const wanted =
    provider === 'tradier' ? [`${TRADIER_BASE_URL}/*`] : provider === 'polygon' ? [`${POLYGON_BASE_URL}/*`] : provider === 'custom' ? [originPattern(customUrl)] : [];
  return wanted.filter((origin): origin is string => origin !== null && !BUILT_IN_ORIGINS.includes(origin));
}
