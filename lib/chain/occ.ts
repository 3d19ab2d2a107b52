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

/** Parses an OCC symbol, or returns a reason string when it is not one. */
export function parseOcc(input: string): OccSymbol | string {
  if (typeof input !== 'string') return 'symbol is not text';
  const compact = input.trim().toUpperCase().replace(/^O:/, '').replace(/\s+/g, '');
  if (compact.length < 16) return `"${input}" is too short for an OCC symbol`;
  const root = compact.slice(0, -15);
  const tail = TAIL.exec(compact.slice(-15));
  if (!tail) return `"${input}" does not end in YYMMDD + C/P + 8-digit strike`;
  if (!ROOT.test(root) || !/[A-Z]/.test(root)) return `"${input}" has no valid root`;
  const [, yy, mm, dd, type, strikeDigits] = tail;
  const expiry = formatDate(2000 + Number(yy), Number(mm), Number(dd));
  if (!isIsoDate(expiry)) return `"${input}" has an impossible expiry date ${yy}${mm}${dd}`;
  const strike = Number(strikeDigits) / 1000;
  if (!(strike > 0)) return `"${input}" has a zero strike`;
  return { root, expiry, type: type as OptionType, strike, symbol: compact };
}

/** Builds the compact OCC symbol. */
export function formatOcc(root: string, expiry: string, type: OptionType, strike: number): string {
  const yymmdd = expiry.slice(2, 4) + expiry.slice(5, 7) + expiry.slice(8, 10);
  return `${root.toUpperCase()}${yymmdd}${type}${String(Math.round(strike * 1000)).padStart(8, '0')}`;
}
