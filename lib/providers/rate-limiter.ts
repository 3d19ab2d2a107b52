/** A sliding-window limit on requests (Tradier: 120 per minute), with time and sleep injected. */

export interface RateLimiter {
  /** Resolves when one more request may be sent. */
  acquire(): Promise<void>;
}

export function slidingWindowLimiter(
  limit: number,
  windowMs: number,
  now: () => number,
  sleep: (ms: number) => Promise<void>,
): RateLimiter {
  const sent: number[] = [];
  return {
    async acquire() {
      for (;;) {
        const time = now();
        while (sent.length > 0 && sent[0] <= time - windowMs) sent.shift();
        if (sent.length < limit) {
          sent.push(time);
          return;
        }
        await sleep(sent[0] + windowMs - time);
      }
    },
  };
}
