/** Small hand-made chains for degenerate and worked cases (real fixtures cover the rest). */
import type { ChainSnapshot, OptionContract, OptionType } from '../../../lib/chain/model';
import { formatOcc } from '../../../lib/chain/occ';
import { settlementInstant } from '../../../lib/market/settlement';

export interface SyntheticContract {
  type: OptionType;
  strike: number;
  openInterest: number;
  iv: number | null;
  gamma?: number | null;
  delta?: number | null;
  expiry?: string;
  root?: string;
  bid?: number | null;
  ask?: number | null;
}

export const SYNTHETIC_AS_OF = Date.parse('2024-01-08T15:00:00Z'); // a Monday, 10:00 New York

export function syntheticSnapshot(options: { spot: number | null; contracts: SyntheticContract[]; asOf?: number }): ChainSnapshot {
  const asOf = options.asOf ?? SYNTHETIC_AS_OF;
  const contracts: OptionContract[] = options.contracts.map((contract) => {
    const root = contract.root ?? 'XYZ';
    const expiry = contract.expiry ?? '2024-02-16';
    const settlement = settlementInstant(root, expiry);
    return {
      underlying: 'XYZ',
      root,
      occ: formatOcc(root, expiry, contract.type, contract.strike),
      type: contract.type,
      strike: contract.strike,
      expiry,
      settlement,
      settlementStyle: 'PM',
      multiplier: 100,
      bid: contract.bid ?? null,
      ask: contract.ask ?? null,
      last: null,
      volume: 0,
      openInterest: contract.openInterest,
      iv: contract.iv,
      delta: contract.delta ?? null,
      gamma: contract.gamma ?? null,
      vega: null,
      theta: null,
      quoteTime: null,
      expired: settlement <= asOf,
      adjusted: false,
    };
  });
  return {
    provider: 'test',
    underlying: 'XYZ',
    spot: options.spot,
    asOf,
    asOfInferred: false,
    fetchedAt: asOf,
    delayed: false,
    contracts,
    warnings: [],
    rejected: [],
  };
}
