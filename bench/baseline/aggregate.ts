// Frozen copy of lib/gex/aggregate.ts at 76f6628 (before issue 14: provider gamma held fixed, one flip model), kept
// only so bench/run.ts can time today's levels against that version in the same run. Not used elsewhere.
/** Exposures summed by strike, by expiry and by (strike, expiry), each split call / put / net. */
import type { PreparedChain } from './prepared-chain';

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
  /** Sum of |GEX| of the expiry's contracts. */
  absolute: number;
}

/** Adds contract i's GEX and open interest to a call/put/net accumulator. */
function accumulate(
  target: { call: number; put: number; net: number; callOpenInterest: number; putOpenInterest: number },
  chain: PreparedChain,
  i: number,
): void {
  const gex = chain.gex[i];
  if (chain.isCall[i]) {
    target.call += gex;
    target.callOpenInterest += chain.contracts[i].openInterest;
  } else {
    target.put += gex;
    target.putOpenInterest += chain.contracts[i].openInterest;
  }
  target.net += gex;
}

/** By strike, ascending. */
export function exposureByStrike(chain: PreparedChain): StrikeExposure[] {
  const rows = new Map<number, StrikeExposure>();
  for (let i = 0; i < chain.count; i++) {
    const strike = chain.strike[i];
    let row = rows.get(strike);
    if (!row) rows.set(strike, (row = { strike, call: 0, put: 0, net: 0, callOpenInterest: 0, putOpenInterest: 0 }));
    accumulate(row, chain, i);
  }
  return [...rows.values()].sort((a, b) => a.strike - b.strike);
}

/** By expiry, ascending by date. */
export function exposureByExpiry(chain: PreparedChain): ExpiryExposure[] {
  const rows: ExpiryExposure[] = chain.expiries.map((expiry) => ({ expiry, call: 0, put: 0, net: 0, absolute: 0 }));
  for (let i = 0; i < chain.count; i++) {
    const row = rows[chain.expiryIndex[i]];
    const gex = chain.gex[i];
    if (chain.isCall[i]) row.call += gex;
    else row.put += gex;
    row.net += gex;
    row.absolute += Math.abs(gex);
  }
  return rows;
}

export interface GridCell {
  call: number;
  put: number;
  net: number;
  callOpenInterest: number;
  putOpenInterest: number;
}

/** By (strike, expiry): cells[strikeIndex][expiryIndex], for the strikes and expiries asked for. */
export function exposureGrid(chain: PreparedChain, strikes: readonly number[], expiries: readonly string[]): GridCell[][] {
  const strikeRow = new Map(strikes.map((strike, index) => [strike, index]));
  const expiryColumn = new Map(expiries.map((expiry, index) => [expiry, index]));
  const cells = strikes.map(() => expiries.map(() => ({ call: 0, put: 0, net: 0, callOpenInterest: 0, putOpenInterest: 0 })));
  for (let i = 0; i < chain.count; i++) {
    const row = strikeRow.get(chain.strike[i]);
    const column = expiryColumn.get(chain.expiries[chain.expiryIndex[i]]);
    if (row === undefined || column === undefined) continue;
    accumulate(cells[row][column], chain, i);
  }
  return cells;
}
