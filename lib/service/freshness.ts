/**
 * When data stops being fresh, by the clock — so an open chart can turn its lines stale while nothing
 * else happens. A live feed's levels turn stale once three refresh intervals of market time have passed
 * without a new chain (a failed refresh makes them stale at once); an imported file or the bundled
 * sample is "old" once a later session has begun than the one it belongs to.
 */
import { currentOrNextSession, sessionOn } from '../market/sessions';
import { sessionOfData } from '../gex/history';
import type { FeedStatus, SourceInfo } from '../protocol';

/** Refresh intervals of market time after which a live feed's levels are stale. */
const STALE_AFTER_INTERVALS = 3;

export interface Freshness {
  /** Stale now: the last refresh failed, or the data is older than the schedule allows. */
  stale: boolean;
  /** UTC ms at which the levels turn stale by the clock (live feeds), or null. */
  staleAfter: number | null;
  /** UTC ms from which the data is from a past session (files, the sample), or null. */
  oldAfter: number | null;
}

/** The first instant at or after `instant` when the market is open (the instant itself if it is). */
function marketTimeFrom(instant: number): { at: number; close: number } {
  const session = currentOrNextSession(instant);
  return { at: Math.max(instant, session.open), close: session.close };
}

/** When data fetched at `fetchedAt` has been `span` old in market time (a session's end carries over). */
export function afterMarketTime(fetchedAt: number, span: number): number {
  const start = marketTimeFrom(fetchedAt);
  if (start.at + span <= start.close) return start.at + span;
  // The span runs past this session's close: what is left of it counts from the next open.
  const left = span - Math.max(0, start.close - start.at);
  return afterMarketTime(start.close + 1, left);
}

export function freshness(
  source: SourceInfo | null,
  status: FeedStatus,
  scheduled: boolean,
  refreshMinutes: number,
  now: number,
): Freshness {
  if (!source) return { stale: true, staleAfter: null, oldAfter: null };
  const failed = status.lastError !== null && (status.lastSuccessAt === null || status.lastError.at >= status.lastSuccessAt);
  if (scheduled) {
    const staleAfter = afterMarketTime(source.fetchedAt, STALE_AFTER_INTERVALS * refreshMinutes * 60000);
    return { stale: failed || now >= staleAfter, staleAfter, oldAfter: null };
  }
  // A file stands for its session: it is old once the next session opens.
  const session = sessionOfData(source.asOf);
  const next = currentOrNextSession((sessionOn(session)?.close ?? source.asOf) + 1);
  return { stale: failed, staleAfter: null, oldAfter: next.open };
}
