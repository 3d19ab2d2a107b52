/** Levels turn stale (or old) by the clock, counted in market time, so a chart can say so while idle. */
import { describe, expect, it } from 'vitest';
import { afterMarketTime, freshness } from '../../../lib/service/freshness';
import type { FeedStatus, SourceInfo } from '../../../lib/protocol';

const MINUTE = 60000;
const status: FeedStatus = {
  key: 'cboe:SPX',
  provider: 'cboe',
  ticker: 'SPX',
  lastAttemptAt: 0,
  lastSuccessAt: 0,
  failures: 0,
  lastError: null,
  nextDueAt: null,
};
const source = (fetchedAt: number, provider: SourceInfo['provider'] = 'cboe'): SourceInfo => ({
  provider,
  label: '',
  underlying: 'SPX',
  asOf: fetchedAt - 15 * MINUTE,
  fetchedAt,
  delayed: true,
  sample: false,
  asOfInferred: false,
});

describe('freshness', () => {
  it('counts market time: a fetch at 10:00 is stale at 10:15 with 5-minute refreshes', () => {
    const fetched = Date.parse('2024-01-08T15:00:00Z'); // Mon 10:00 EST
    expect(afterMarketTime(fetched, 15 * MINUTE)).toBe(Date.parse('2024-01-08T15:15:00Z'));
    expect(freshness(source(fetched), status, true, 5, fetched + 14 * MINUTE)).toMatchObject({
      stale: false,
      staleAfter: Date.parse('2024-01-08T15:15:00Z'),
    });
    expect(freshness(source(fetched), status, true, 5, fetched + 16 * MINUTE).stale).toBe(true);
  });

  it('carries the rest of the span over the close, the weekend and a holiday', () => {
    // Fri 2024-01-12 15:55 EST: 5 minutes left that day, then Mon 2024-01-15 is Martin Luther King Jr. Day.
    expect(afterMarketTime(Date.parse('2024-01-12T20:55:00Z'), 15 * MINUTE)).toBe(Date.parse('2024-01-16T14:40:00Z'));
    // Fetched on a Sunday: the span starts at Monday's open.
    expect(afterMarketTime(Date.parse('2024-01-07T17:00:00Z'), 15 * MINUTE)).toBe(Date.parse('2024-01-08T14:45:00Z'));
  });

  it('is stale at once after a failed refresh', () => {
    const fetched = Date.parse('2024-01-08T15:00:00Z');
    const failed = { ...status, failures: 1, lastError: { kind: 'network' as const, message: 'offline', at: fetched + MINUTE } };
    expect(freshness(source(fetched), failed, true, 5, fetched + 2 * MINUTE).stale).toBe(true);
  });

  it('says a file is old once a later session has opened than the one it belongs to', () => {
    // The sample: saved Sun 2024-01-07, the Friday 2024-01-05 session's data: old from Mon 09:30 EST.
    const sample = { ...source(Date.parse('2024-01-07T15:52:00Z'), 'sample'), asOf: Date.parse('2024-01-07T15:52:00Z') };
    expect(freshness(sample, status, false, 5, Date.parse('2024-01-08T12:00:00Z'))).toEqual({
      stale: false,
      staleAfter: null,
      oldAfter: Date.parse('2024-01-08T14:30:00Z'),
    });
  });
});
