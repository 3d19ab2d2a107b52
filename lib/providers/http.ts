/** One GET with a timeout, mapped onto typed provider errors. */
import type { FetchLike, ProviderContext, ProviderError } from './types';

export type TextResult = { ok: true; text: string; status: number } | { ok: false; error: ProviderError };

/** Parses Retry-After (seconds or an HTTP date) into ms from now. */
function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export async function getText(context: ProviderContext, url: string, headers: Record<string, string> = {}): Promise<TextResult> {
  const timeoutMs = context.timeoutMs ?? 20000;
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      resolve('timeout'); // settles the race first; the abort then only frees the connection
      controller?.abort();
    }, timeoutMs);
  });
  const fetchImpl: FetchLike = context.fetch;
  try {
    const response = await Promise.race([fetchImpl(url, { headers, signal: controller?.signal }), timeout]);
    if (response === 'timeout') {
      return { ok: false, error: { kind: 'timeout', message: `no answer from ${hostOf(url)} within ${duration(timeoutMs)}` } };
    }
    if (response.status === 429) {
      return {
        ok: false,
        error: {
          kind: 'rate-limited',
          message: `${hostOf(url)} answered 429 Too Many Requests`,
          status: 429,
          retryAfterMs: retryAfterMs(response.headers.get('retry-after'), context.now()),
        },
      };
    }
    if (!response.ok) {
      return {
        ok: false,
        error: {
          kind: 'http',
          message: `${hostOf(url)} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
          status: response.status,
        },
      };
    }
    const text = await Promise.race([response.text(), timeout]);
    if (text === 'timeout') {
      return { ok: false, error: { kind: 'timeout', message: `${hostOf(url)} stopped sending within ${duration(timeoutMs)}` } };
    }
    return { ok: true, text, status: response.status };
  } catch (error) {
    if (controller?.signal.aborted) {
      return { ok: false, error: { kind: 'timeout', message: `no answer from ${hostOf(url)} within ${duration(timeoutMs)}` } };
    }
    const message = (error as Error)?.message ?? String(error);
    return { ok: false, error: { kind: 'network', message: `cannot reach ${hostOf(url)}: ${message}` } };
  } finally {
    clearTimeout(timer);
  }
}

function duration(milliseconds: number): string {
  return milliseconds >= 1000 ? `${Math.round(milliseconds / 1000)} s` : `${milliseconds} ms`;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
