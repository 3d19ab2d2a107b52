/**
 * A stand-in for the data hosts we cannot reach from tests: each URL (or a prefix) gets a scripted
 * answer. Everything else about the request path (headers, statuses, bodies, timeouts) is real.
 */
import type { FetchLike } from '../../lib/providers/types';

type Answer = { status?: number; body: string; headers?: Record<string, string> } | { throws: string } | { hang: true };

export interface ScriptedFetch {
  fetch: FetchLike;
  calls: { url: string; headers: Record<string, string> }[];
  answer(match: string | RegExp, answer: Answer | ((url: string) => Answer)): void;
}

export function scriptedFetch(): ScriptedFetch {
  const routes: [string | RegExp, Answer | ((url: string) => Answer)][] = [];
  const calls: ScriptedFetch['calls'] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, headers: { ...(init?.headers ?? {}) } });
    const route = [...routes].reverse().find(([match]) => (typeof match === 'string' ? url.startsWith(match) : match.test(url)));
    if (!route) throw new TypeError(`Failed to fetch (no scripted answer for ${url})`);
    const answer = typeof route[1] === 'function' ? route[1](url) : route[1];
    if ('throws' in answer) throw new TypeError(answer.throws);
    if ('hang' in answer) {
      return new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    }
    return new Response(answer.body, { status: answer.status ?? 200, headers: answer.headers });
  };
  return { fetch, calls, answer: (match, answer) => void routes.push([match, answer]) };
}
