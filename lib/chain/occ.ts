/**
 * OCC option symbols: root (1-6 characters, digits allowed for adjusted roots) + YYMMDD + C/P + strike
 * times 1000 in 8 digits. Accepts the compact form (SPXW240108C04700000), the 21-character padded form
 * (`SPXW  240108C04700000`) and a vendor prefix such as Polygon's `O:`.
 */
import type { OptionType } from './model';
import { formatDate, isIsoDate } from '../market/ny-time';

export interface OccSymbol {
  root: string;
  expiry: string;
  type: OptionType;
  strike: number;
  /** Compact canonical form. */
  symbol: string;
}

const TAIL = /^(\d{2})(\d{2})(\d{2})([CP])(\d{8})$/;
const ROOT = /^[A-Z0-9.]{1,6}$/;

const COMPACT = /^[A-Z0-9.]{1,6}\d{6}[CP]\d{8}$/;
/** YYMMDD -> ISO date, or '' when impossible; chains repeat a few dozen dates thousands of times. */
const expiryCache = new Map<string, string>();

function expiryOf(yymmdd: string): string {
  let expiry = expiryCache.get(yymmdd);
  if (expiry === undefined) {
    const date = formatDate(2000 + Number(yymmdd.slice(0, 2)), Number(yymmdd.slice(2, 4)), Number(yymmdd.slice(4, 6)));
    expiry = isIsoDate(date) ? date : '';
    if (expiryCache.size > 10000) expiryCache.clear();
    expiryCache.set(yymmdd, expiry);
  }
  return expiry;
}

/** Roots, one string each: a chain repeats a handful of roots across millions of contracts. */
const roots = new Map<string, string>();

function sharedRoot(root: string): string {
  let shared = roots.get(root);
  if (shared === undefined) {
    if (roots.size > 1000) roots.clear();
    roots.set(root, root);
    shared = root;
  }
  return shared;
}

/** Parses an OCC symbol, or returns a reason string when it is not one. */
export function parseOcc(input: string): OccSymbol | string {
  if (typeof input !== 'string') return 'symbol is not text';
  if (input.length > 40) return `"${input.slice(0, 40)}..." is too long for an OCC symbol`;
  // toUpperCase also makes an independent copy: a symbol cut out of a file's text would otherwise keep the
  // whole text alive for as long as the contract lives.
  const compact = COMPACT.test(input) ? input.toUpperCase() : input.trim().toUpperCase().replace(/^O:/, '').replace(/\s+/g, '');
  if (compact.length < 16) return `"${input}" is too short for an OCC symbol`;
  const root = compact.slice(0, -15);
  const tail = compact.slice(-15);
  if (!TAIL.test(tail)) return `"${input}" does not end in YYMMDD + C/P + 8-digit strike`;
  if (!ROOT.test(root) || !/[A-Z]/.test(root)) return `"${input}" has no valid root`;
  const expiry = expiryOf(tail.slice(0, 6));
  if (expiry === '') return `"${input}" has an impossible expiry date ${tail.slice(0, 6)}`;
  const strike = Number(tail.slice(7)) / 1000;
  if (!(strike > 0)) return `"${input}" has a zero strike`;
  return { root: sharedRoot(root), expiry, type: tail[6] === 'C' ? 'C' : 'P', strike, symbol: compact };
}

/** Builds the compact OCC symbol. */
export function formatOcc(root: string, expiry: string, type: OptionType, strike: number): string {
  const yymmdd = expiry.slice(2, 4) + expiry.slice(5, 7) + expiry.slice(8, 10);
  return `${root.toUpperCase()}${yymmdd}${type}${String(Math.round(strike * 1000)).padStart(8, '0')}`;
}
