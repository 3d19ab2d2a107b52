/** Expiry filters: all, 0DTE, next, next weekly, monthly OPEX, one date, or through a date (cumulative). */
import { classifyExpiries } from '../market/expiry-classes';
import { isIsoDate } from '../market/ny-time';

export type ExpiryFilter =
  | { kind: 'all' }
  | { kind: '0dte' }
  | { kind: 'next' }
  | { kind: 'weekly' }
  | { kind: 'monthly' }
  | { kind: 'date'; date: string }
  | { kind: 'through'; date: string };

export const ALL_EXPIRIES: ExpiryFilter = { kind: 'all' };

/** `all`, `0dte`, `next`, `weekly`, `monthly`, `YYYY-MM-DD`, `through:YYYY-MM-DD`; an error string otherwise. */
export function parseExpiryFilter(text: string): ExpiryFilter | string {
  const value = text.trim().toLowerCase();
  if (value === 'all' || value === '0dte' || value === 'next' || value === 'weekly' || value === 'monthly') return { kind: value };
  if (isIsoDate(value)) return { kind: 'date', date: value };
  const through = /^through:(.+)$/.exec(value);
  if (through && isIsoDate(through[1])) return { kind: 'through', date: through[1] };
  return `unknown expiry filter "${text}" (use all, 0dte, next, weekly, monthly, YYYY-MM-DD or through:YYYY-MM-DD)`;
}

export function describeExpiryFilter(filter: ExpiryFilter): string {
  switch (filter.kind) {
    case 'all':
      return 'all expiries';
    case '0dte':
      return '0DTE';
    case 'next':
      return 'next expiry';
    case 'weekly':
      return 'next weekly';
    case 'monthly':
      return 'monthly OPEX';
    case 'date':
      return filter.date;
    case 'through':
      return `through ${filter.date}`;
  }
}

/**
 * The expiry dates a filter keeps among the live ones (settling after `now`); null means "all".
 * `settles` gives an expiry's settlement instant.
 */
export function selectExpiries(
  filter: ExpiryFilter,
  expiries: readonly string[],
  nowMs: number,
  settles: (expiry: string) => number,
): Set<string> | null {
  if (filter.kind === 'all') return null;
  if (filter.kind === 'date') return new Set([filter.date]);
  if (filter.kind === 'through') return new Set(expiries.filter((expiry) => expiry <= filter.date));
  const classes = classifyExpiries(expiries, nowMs, settles);
  const pick = (date: string | null) => new Set(date ? [date] : []);
  switch (filter.kind) {
    case '0dte':
      return new Set(classes.zeroDte);
    case 'next':
      return pick(classes.next);
    case 'weekly':
      return pick(classes.nextWeekly);
    case 'monthly':
      return pick(classes.nextMonthly);
  }
}
