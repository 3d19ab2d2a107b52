/**
 * Exposures summed by strike, by expiry and by (strike, expiry), each split call / put / net, for a
 * chosen greek (gamma by default: GEX; see greek-exposure.ts for the others and their units).
 */
import type { PreparedChain } from './prepared-chain';
import { contractExposures, type Greek } from './greek-exposure';

export interface StrikeExposure {
  strike: number;
  call: number;
  put: number;
  net: number;
  callOpenInterest: number;
  putOpenInterest: number;
}

export interface ExpiryExposure {
  expiry: string;
  call: number;
  put: number;
  net: number;
  /** Sum of |exposure| of the expiry's contracts. */
  absolute: number;
}

export interface ExposureTotals {
  greek: Greek;
  call: number;
  put: number;
  net: number;
  /** Sum of |exposure| over contracts. */
  absolute: number;
}

/** Adds contract i's exposure and open interest to a call/put/net accumulator. */
function accumulate(
  target: { call: number; put: number; net: number; callOpenInterest: number; putOpenInterest: number },
  chain: PreparedChain,
  values: Float64Array,
  i: number,
): void {
  const value = values[i];
  if (chain.isCall[i]) {
    target.call += value;
    target.callOpenInterest += chain.contracts[i].openInterest;
  } else {
    target.put += value;
    target.putOpenInterest += chain.contracts[i].openInterest;
  }
  target.net += value;
}

/** By strike, ascending. */
export function exposureByStrike(chain: PreparedChain, greek: Greek = 'gamma'): StrikeExposure[] {
  const values = contractExposures(chain, greek);
  const rows = new Map<number, StrikeExposure>();
  for (let i = 0; i < chain.count; i++) {
    const strike = chain.strike[i];
    let row = rows.get(strike);
    if (!row) rows.set(strike, (row = { strike, call: 0, put: 0, net: 0, callOpenInterest: 0, putOpenInterest: 0 }));
    accumulate(row, chain, values, i);
  }
  return [...rows.values()].sort((a, b) => a.strike - b.strike);
}

/** By expiry, ascending by date. */
export function exposureByExpiry(chain: PreparedChain, greek: Greek = 'gamma'): ExpiryExposure[] {
  const values = contractExposures(chain, greek);
  const rows: ExpiryExposure[] = chain.expiries.map((expiry) => ({ expiry, call: 0, put: 0, net: 0, absolute: 0 }));
  for (let i = 0; i < chain.count; i++) {
    const row = rows[chain.expiryIndex[i]];
    const value = values[i];
    if (chain.isCall[i]) row.call += value;
    else row.put += value;
    row.net += value;
    row.absolute += Math.abs(value);
  }
  return rows;
}

/** The whole chain's exposure to a greek, split call / put / net. */
export function exposureTotals(chain: PreparedChain, greek: Greek = 'gamma'): ExposureTotals {
  const values = contractExposures(chain, greek);
  const totals: ExposureTotals = { greek, call: 0, put: 0, net: 0, absolute: 0 };
  for (let i = 0; i < chain.count; i++) {
    const value = values[i];
    if (chain.isCall[i]) totals.call += value;
    else totals.put += value;
    totals.absolute += Math.abs(value);
  }
  totals.net = totals.call + totals.put;
  return totals;
}

export interface GridCell {
  call: number;
  put: number;
  net: number;
  callOpenInterest: number;
  putOpenInterest: number;
}

/** By (strike, expiry): cells[strikeIndex][expiryIndex], for the strikes and expiries asked for. */
export function exposureGrid(
  chain: PreparedChain,
  strikes: readonly number[],
  expiries: readonly string[],
  greek: Greek = 'gamma',
): GridCell[][] {
  const values = contractExposures(chain, greek);
  const strikeRow = new Map(strikes.map((strike, index) => [strike, index]));
  const expiryColumn = new Map(expiries.map((expiry, index) => [expiry, index]));
  const cells = strikes.map(() => expiries.map(() => ({ call: 0, put: 0, net: 0, callOpenInterest: 0, putOpenInterest: 0 })));
  for (let i = 0; i < chain.count; i++) {
    const row = strikeRow.get(chain.strike[i]);
    const column = expiryColumn.get(chain.expiries[chain.expiryIndex[i]]);
    if (row === undefined || column === undefined) continue;
    accumulate(cells[row][column], chain, values, i);
  }
  return cells;
}
