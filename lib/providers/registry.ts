/**
 * The one table of data providers: id, what the user reads, whether the schedule refreshes it, the
 * hosts it needs, and how it fetches. The service, the settings and the options page all read it.
 */
import type { ChainSnapshot } from '../chain/model';
import { parseChainText } from '../chain/parse';
import { ChainFormatError } from '../chain/errors';
import { fetchCboe, CBOE_BASE_URL } from './cboe';
import { fetchCustomUrl } from './custom-url';
import { fetchPolygon, POLYGON_BASE_URL } from './polygon';
import { fetchTradier, TRADIER_BASE_URL } from './tradier';
import { SAMPLE_SNAPSHOT } from './sample';
import type { RateLimiter } from './rate-limiter';
import { providerError, type ApiKeys, type ProviderContext, type ProviderId, type ProviderResult } from './types';

/** What a provider may use to fetch one ticker's chain. */
interface ProviderRequest {
  context: ProviderContext;
  keys: ApiKeys;
  customUrl: string;
  tradierLimiter: RateLimiter;
  /** The bundled sample's CSV text. */
  loadSample(): Promise<string>;
  /** The chain the user imported for this ticker, if any. */
  importedChain(ticker: string): Promise<ChainSnapshot | null>;
  /** Base URLs, overridable for tests. */
  urls?: { cboe?: string; tradier?: string; polygon?: string };
}

export interface ProviderSpec {
  id: ProviderId;
  /** The name in the options page. */
  label: string;
  /** What the UI prints beside numbers from this provider. */
  sourceLabel: string;
  /** Refreshed by the schedule (live feeds); files and the sample are not. */
  scheduled: boolean;
  /** The API key it needs, if any. */
  key: keyof ApiKeys | null;
  /** Host permissions it needs (match patterns), given the custom URL setting. */
  origins(customUrl: string): string[];
  fetchChain(ticker: string, request: ProviderRequest): Promise<ProviderResult>;
}

/** The origin match pattern of a URL ("https://host/*"), or null when it is not http(s). */
export function originPattern(url: string): string | null {
  try {
    const parsed = new URL(url.replace(/\{ticker\}/gi, 'SPX'));
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    return `${parsed.protocol}//${parsed.hostname}/*`;
  } catch {
    return null;
  }
}

export const PROVIDERS: readonly ProviderSpec[] = [
  {
    id: 'cboe',
    label: 'CBOE delayed quotes (free, ~15 min delayed)',
    sourceLabel: 'CBOE delayed quotes (~15 min)',
    scheduled: true,
    key: null,
    origins: () => [new URL(CBOE_BASE_URL).origin + '/*'],
    fetchChain: (ticker, request) => fetchCboe(ticker, request.context, request.urls?.cboe),
  },
  {
    id: 'tradier',
    label: 'Tradier (access token)',
    sourceLabel: 'Tradier',
    scheduled: true,
    key: 'tradier',
    origins: () => [`${TRADIER_BASE_URL}/*`],
    fetchChain: (ticker, request) =>
      fetchTradier(ticker, request.context, {
        token: request.keys.tradier ?? '',
        limiter: request.tradierLimiter,
        baseUrl: request.urls?.tradier,
      }),
  },
  {
    id: 'polygon',
    label: 'Polygon / Massive (API key)',
    sourceLabel: 'Polygon/Massive',
    scheduled: true,
    key: 'polygon',
    origins: () => [`${POLYGON_BASE_URL}/*`],
    fetchChain: (ticker, request) =>
      fetchPolygon(ticker, request.context, { key: request.keys.polygon ?? '', baseUrl: request.urls?.polygon }),
  },
  {
    id: 'custom',
    label: 'Custom URL (CBOE JSON or quote-table CSV)',
    sourceLabel: 'Custom URL',
    scheduled: true,
    key: null,
    origins: (customUrl) => [originPattern(customUrl)].filter((origin): origin is string => origin !== null),
    fetchChain: async (ticker, request) =>
      request.customUrl
        ? fetchCustomUrl(request.customUrl, ticker, request.context)
        : providerError('network', 'no custom URL is set (options page)'),
  },
  {
    id: 'sample',
    label: `Bundled sample (${SAMPLE_SNAPSHOT.underlying}, ${SAMPLE_SNAPSHOT.date})`,
    sourceLabel: SAMPLE_SNAPSHOT.label,
    scheduled: false,
    key: null,
    origins: () => [],
    fetchChain: async (ticker, request) => {
      if (ticker !== SAMPLE_SNAPSHOT.underlying)
        return providerError('unknown-ticker', `the bundled sample is ${SAMPLE_SNAPSHOT.underlying} only`);
      try {
        return { ok: true, snapshot: parseChainText(await request.loadSample(), { provider: 'sample', fetchedAt: request.context.now() }) };
      } catch (error) {
        return providerError(
          'not-a-chain',
          error instanceof ChainFormatError ? error.message : `cannot load the sample: ${(error as Error).message}`,
        );
      }
    },
  },
  {
    id: 'file',
    label: 'Imported file',
    sourceLabel: 'Imported file',
    scheduled: false,
    key: null,
    origins: () => [],
    fetchChain: async (ticker, request) => {
      const stored = await request.importedChain(ticker);
      return stored ? { ok: true, snapshot: stored } : providerError('unknown-ticker', `no imported file for ${ticker}`);
    },
  },
];

export const PROVIDER_IDS = PROVIDERS.map((provider) => provider.id);

export function providerSpec(id: ProviderId): ProviderSpec {
  const spec = PROVIDERS.find((provider) => provider.id === id);
  if (!spec) throw new RangeError(`unknown provider ${id}`);
  return spec;
}
