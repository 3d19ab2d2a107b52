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

const expiryByNumber = new Map<number, string>();
/** The last few roots met, to recognise a root in a symbol without cutting it out. */
const recentRoots: string[] = [];

function rootOf(input: string, length: number): string {
  for (const root of recentRoots) if (root.length === length && input.startsWith(root)) return root;
  const root = sharedRoot(input.slice(0, length));
  recentRoots.unshift(root);
  if (recentRoots.length > 4) recentRoots.pop();
  return root;
}

/**
 * The common case read character by character: an upper-case compact symbol (every row of a chain file).
 * Null when the input is anything else, which the general path below then reads or explains.
 */
function parseCompact(input: string): OccSymbol | null {
  const length = input.length;
  if (length < 16 || length > 21) return null;
  const rootLength = length - 15;
  let letters = 0;
  for (let index = 0; index < rootLength; index++) {
    const code = input.charCodeAt(index);
    if (code >= 65 && code <= 90) letters++;
    else if (!((code >= 48 && code <= 57) || code === 46)) return null;
  }
  if (letters === 0) return null;
  let yymmdd = 0;
  for (let index = rootLength; index < rootLength + 6; index++) {
    const digit = input.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return null;
    yymmdd = yymmdd * 10 + digit;
  }
  const typeCode = input.charCodeAt(rootLength + 6);
  if (typeCode !== 67 && typeCode !== 80) return null;
  let thousandths = 0;
  for (let index = rootLength + 7; index < length; index++) {
    const digit = input.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return null;
    thousandths = thousandths * 10 + digit;
  }
  if (thousandths === 0) return null;
  let expiry = expiryByNumber.get(yymmdd);
  if (expiry === undefined) {
    expiry = expiryOf(input.slice(rootLength, rootLength + 6));
    if (expiryByNumber.size > 10000) expiryByNumber.clear();
    expiryByNumber.set(yymmdd, expiry);
  }
  if (expiry === '') return null;
  // toUpperCase also makes an independent copy: a symbol cut out of a file's text would otherwise keep the
  // whole text alive for as long as the contract lives.
  return {
    root: rootOf(input, rootLength),
    expiry,
    type: typeCode === 67 ? 'C' : 'P',
    strike: thousandths / 1000,
    symbol: input.toUpperCase(),
  };
}

/** Parses an OCC symbol, or returns a reason string when it is not one. */
export function parseOcc(input: string): OccSymbol | string {
  if (typeof input !== 'string') return 'symbol is not text';
  const compactSymbol = parseCompact(input);
  if (compactSymbol !== null) return compactSymbol;
  if (input.length > 40) return `"${input.slice(0, 40)}..." is too long for an OCC symbol`;
  const compact = input.trim().toUpperCase().replace(/^O:/, '').replace(/\s+/g, '');
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
