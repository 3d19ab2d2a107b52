/**
 * Talks to the background the way the popup does: @webext-core/messaging's wire format
 * ({id, type, data, timestamp} -> {res} | {err}) over chrome.runtime.sendMessage, evaluated in an
 * extension page. Works on Playwright and Puppeteer pages alike.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';

/** Longer than any background request takes, even on a busy machine. */
const NO_REPLY_AFTER_MS = 30000;

export async function ask<T = unknown>(page: PlaywrightPage | PuppeteerPage, type: string, data?: unknown): Promise<T> {
  // Both libraries take (function, argument) and return the function's awaited result.
  const reply = await (page as PlaywrightPage).evaluate(
    ({ type, data, noReplyMs }) =>
      new Promise<{ res?: unknown; err?: { message?: string } }>((resolve) => {
        const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown, cb: (r: unknown) => void): void } } })
          .chrome.runtime;
        // A background that never answers is named as such, not left to a caller's overall timeout.
        setTimeout(() => resolve({ err: { message: `no reply in ${noReplyMs / 1000} s` } }), noReplyMs);
        runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() }, (response) =>
          resolve(response ?? { err: { message: 'no response' } }),
        );
      }),
    { type, data, noReplyMs: NO_REPLY_AFTER_MS },
  );
  if (reply.err) throw new Error(`${type}: ${reply.err.message ?? JSON.stringify(reply.err)}`);
  return reply.res as T;
}
