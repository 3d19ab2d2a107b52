/** What every provider returns: a normalized snapshot, or a typed error saying what failed. */
import type { ChainSnapshot } from '../chain/model';

export type ProviderId = 'cboe' | 'tradier' | 'polygon' | 'custom' | 'file' | 'sample';

/** Keys for the keyed providers: kept by the background, never sent to any page. */
export interface ApiKeys {
  tradier?: string;
  polygon?: string;
}

export type ProviderErrorKind =
  | 'network' // no answer: offline, DNS, refused, CORS/permission
  | 'timeout'
  | 'http' // an HTTP error status
  | 'rate-limited' // 429 or the provider's own budget
  | 'not-a-chain' // an answer that is not option data (the parser's reason)
  | 'unknown-ticker'
  | 'missing-key'
  | 'permission' // the host permission for the URL is not granted
  | 'refused' // a chain that parsed but failed the checks against the last good one (cut off, wrong ticker, ...)
  | 'internal'; // gexmap itself failed (storage full, a bug): the message says what

export interface ProviderError {
  kind: ProviderErrorKind;
  message: string;
  status?: number;
  /** Where the provider asked us to wait (Retry-After), in ms. */
  retryAfterMs?: number;
}

export type ProviderResult = { ok: true; snapshot: ChainSnapshot } | { ok: false; error: ProviderError };

/** The `fetch` a provider is handed: the global one in the worker, a scripted one in tests. */
export type FetchLike = (
  input: string,
  init?: { headers?: Record<string, string>; signal?: AbortSignal },
) => Promise<{
  ok: boolean;
  status: number;
  statusText?: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

export interface ProviderContext {
  fetch: FetchLike;
  /** UTC ms. */
  now: () => number;
  /** Abort a request after this long (default 20 s). */
  timeoutMs?: number;
}

export function providerError(kind: ProviderErrorKind, message: string, extra: Partial<ProviderError> = {}): ProviderResult {
  return { ok: false, error: { kind, message, ...extra } };
}

export function describeProviderError(error: ProviderError): string {
  const labels: Record<ProviderErrorKind, string> = {
    network: 'Network error',
    timeout: 'Timed out',
    http: 'HTTP error',
    'rate-limited': 'Rate limited',
    'not-a-chain': 'Not option data',
    'unknown-ticker': 'Unknown ticker',
    'missing-key': 'API key missing',
    permission: 'Permission needed',
    refused: 'Chain refused',
    internal: 'gexmap error',
  };
  return `${labels[error.kind]}: ${error.message}`;
}
