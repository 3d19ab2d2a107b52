/** The normalized option-chain model every source is parsed into (DESIGN.md "Data sources"). */
import type { SettlementStyle } from '../market/settlement';

export type OptionType = 'C' | 'P';

export interface OptionContract {
  underlying: string;
  root: string;
  /** Compact OCC symbol: root + YYMMDD + C/P + strike*1000 in 8 digits. */
  occ: string;
  type: OptionType;
  strike: number;
  /** Expiry date, YYYY-MM-DD. */
  expiry: string;
  /** UTC ms at which the contract settles. */
  settlement: number;
  settlementStyle: SettlementStyle;
  multiplier: number;
  bid: number | null;
  ask: number | null;
  last: number | null;
  volume: number;
  openInterest: number;
  /** Implied volatility as a decimal; null when the source gives 0, <= 1e-4, or nothing. */
  iv: number | null;
  delta: number | null;
  gamma: number | null;
  vega: number | null;
  theta: number | null;
  /** UTC ms of the last quote or trade, when the source gives one. */
  quoteTime: number | null;
  /** Settled at or before the snapshot's as-of: kept for the record, left out of every exposure. */
  expired: boolean;
  /** Adjusted (non-standard deliverable) root, e.g. after a split. */
  adjusted: boolean;
}

/** A row or record the parser could not use, with where it was and why. */
export interface RejectedRow {
  /** 'line 57' for text formats, 'options[12]' for JSON. */
  where: string;
  reason: string;
}

/**
 * What the source itself says about its completeness, for the gate (lib/chain/gate.ts) and the UI.
 * File parsers fill it; a snapshot without it (older stored chains, API providers) simply lacks the facts.
 */
export interface ChainIntegrity {
  /** Option rows (CSV lines after the header, blank lines aside) or records (JSON) the source held. */
  sourceRows: number;
  /** Rows, records or row sides rejected, all of them (`ChainSnapshot.rejected` lists the first 1,000). */
  rejections: number;
  /**
   * Contracts whose OCC symbol the source had already given (a file joined with itself doubles every
   * exposure): the first is kept, each repeat rejected with where the first was. Included in `rejections`.
   */
  repeatedContracts: number;
  /** Why the source looks cut off (a last row without its newline or short of fields, ...), or null. */
  cutOff: string | null;
  /** Where a second header or preamble starts inside the source (two exports joined), or null. */
  joined: string | null;
}

export interface ChainSnapshot {
  provider: string;
  underlying: string;
  /** Underlying price at as-of; null when the source gives none. */
  spot: number | null;
  /** UTC ms the data is as of. */
  asOf: number;
  /** True when as-of was not in the data and had to be inferred or supplied (see warnings). */
  asOfInferred: boolean;
  fetchedAt: number;
  delayed: boolean;
  contracts: OptionContract[];
  warnings: string[];
  rejected: RejectedRow[];
  /** Completeness facts from file parsers; see ChainIntegrity. */
  integrity?: ChainIntegrity;
}

/** Values at or below this are the sources' "no IV" placeholders. */
export const MIN_MEANINGFUL_IV = 1e-4;
