/**
 * Settlement instants. PM-settled contracts (SPXW, NDXP, SPY, equities, ...) settle at the close of the
 * expiry date's session (16:00 New York, 13:00 on early-close days); AM-settled roots (the monthly SPX,
 * NDX, RUT, VIX, ... series) settle on the opening prints, 09:30 New York.
 */
import { sessionOn } from './sessions';
import { newYorkToUtc } from './ny-time';

export type SettlementStyle = 'AM' | 'PM';

/** Roots whose series are AM-settled. Their weekly/PM siblings (SPXW, NDXP, RUTW, VIXW, ...) are not listed. */
const AM_SETTLED_ROOTS = new Set(['SPX', 'NDX', 'RUT', 'VIX', 'DJX', 'MXEA', 'MXEF', 'OEX2', 'XND2']);

/** Weekly/PM roots that trade on another underlying's symbol. */
const ROOT_UNDERLYING: Record<string, string> = {
  SPXW: 'SPX',
  SPXQ: 'SPX',
  NDXP: 'NDX',
  NDXQ: 'NDX',
  RUTW: 'RUT',
  RUTQ: 'RUT',
  VIXW: 'VIX',
  XSPW: 'XSP',
  DJXW: 'DJX',
  MRUT: 'MRUT',
};

export function settlementStyle(root: string): SettlementStyle {
  return AM_SETTLED_ROOTS.has(root.toUpperCase()) ? 'AM' : 'PM';
}

/** The underlying a root's options are written on: SPXW -> SPX, TSLA1 (adjusted) -> TSLA, SPY -> SPY. */
export function underlyingOfRoot(root: string): string {
  const upper = root.toUpperCase();
  if (ROOT_UNDERLYING[upper]) return ROOT_UNDERLYING[upper];
  const adjusted = /^([A-Z]+)\d$/.exec(upper);
  return adjusted ? adjusted[1] : upper;
}

/** Adjusted roots (a digit appended after a corporate action) carry a non-standard deliverable. */
export function isAdjustedRoot(root: string): boolean {
  return /^[A-Z]+\d$/.test(root.toUpperCase()) || /^\d[A-Z]+$/.test(root.toUpperCase());
}

const settlementCache = new Map<string, number>();

/** UTC instant at which a contract of this root expiring on this date settles. */
export function settlementInstant(root: string, expiry: string): number {
  const style = settlementStyle(root);
  const key = `${style}:${expiry}`;
  const cached = settlementCache.get(key);
  if (cached !== undefined) return cached;
  let instant: number;
  if (style === 'AM') {
    instant = newYorkToUtc(expiry, 9, 30);
  } else {
    // An expiry on a listed date that is not a session (rare, e.g. a closure announced after listing)
    // still settles at that date's usual close.
    const session = sessionOn(expiry);
    instant = session ? session.close : newYorkToUtc(expiry, 16, 0);
  }
  settlementCache.set(key, instant);
  return instant;
}
