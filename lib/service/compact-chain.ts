/**
 * Chains as kept in storage: only what the engine reads, column by column in typed arrays (about a
 * fifth of the whole snapshot: SPX's 21,000 contracts in under 2 MB instead of 7), with a fingerprint
 * so an unchanged chain is not written again. Everything derived from a contract's root (underlying,
 * settlement style, adjusted) and its OCC symbol is rebuilt on reading; the last trade, vega, theta and
 * quote times, which no level uses, are not kept.
 */
import type { ChainSnapshot, OptionContract } from '../chain/model';
import { formatOcc } from '../chain/occ';
import { isAdjustedRoot, settlementStyle, underlyingOfRoot } from '../market/settlement';

const COMPACT_CHAIN_VERSION = 1;
/** Rejected rows kept with a chain (the reasons to show; the count is in its warnings). */
const REJECTED_KEPT = 50;

export interface CompactChain {
  compact: typeof COMPACT_CHAIN_VERSION;
  /** The snapshot's own fields but its contracts (provider, spot, as-of, warnings, ...). */
  snapshot: Omit<ChainSnapshot, 'contracts'>;
  roots: string[];
  expiries: string[];
  root: Uint16Array;
  expiry: Uint16Array;
  /** 1 for calls. */
  call: Uint8Array;
  strike: Float64Array;
  settlement: Float64Array;
  multiplier: Float64Array;
  /** NaN where the source gave nothing. */
  bid: Float64Array;
  ask: Float64Array;
  iv: Float64Array;
  delta: Float64Array;
  gamma: Float64Array;
  volume: Float64Array;
  openInterest: Float64Array;
  fingerprint: string;
}

const orNaN = (value: number | null) => (value === null ? Number.NaN : value);
const orNull = (value: number) => (Number.isNaN(value) ? null : value);

/** FNV-1a over the columns' bytes and the as-of: equal fingerprints mean the same chain for the engine. */
function fingerprintOf(asOf: number, spot: number | null, columns: ArrayBufferView[]): string {
  let hash = 0x811c9dc5;
  const mix = (byte: number) => {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  };
  for (const value of new Uint8Array(new Float64Array([asOf, spot ?? Number.NaN]).buffer)) mix(value);
  let length = 0;
  for (const column of columns) {
    const bytes = new Uint8Array(column.buffer, column.byteOffset, column.byteLength);
    length += bytes.length;
    for (let i = 0; i < bytes.length; i++) mix(bytes[i]);
  }
  return `${hash.toString(16)}:${length}`;
}

export function compactChain(snapshot: ChainSnapshot): CompactChain {
  const { contracts, ...rest } = snapshot;
  const count = contracts.length;
  const rootIndex = new Map<string, number>();
  const expiryIndex = new Map<string, number>();
  const index = (table: Map<string, number>, key: string) => {
    let found = table.get(key);
    if (found === undefined) table.set(key, (found = table.size));
    return found;
  };
  const chain = {
    root: new Uint16Array(count),
    expiry: new Uint16Array(count),
    call: new Uint8Array(count),
    strike: new Float64Array(count),
    settlement: new Float64Array(count),
    multiplier: new Float64Array(count),
    bid: new Float64Array(count),
    ask: new Float64Array(count),
    iv: new Float64Array(count),
    delta: new Float64Array(count),
    gamma: new Float64Array(count),
    volume: new Float64Array(count),
    openInterest: new Float64Array(count),
  };
  contracts.forEach((contract, i) => {
    chain.root[i] = index(rootIndex, contract.root);
    chain.expiry[i] = index(expiryIndex, contract.expiry);
    chain.call[i] = contract.type === 'C' ? 1 : 0;
    chain.strike[i] = contract.strike;
    chain.settlement[i] = contract.settlement;
    chain.multiplier[i] = contract.multiplier;
    chain.bid[i] = orNaN(contract.bid);
    chain.ask[i] = orNaN(contract.ask);
    chain.iv[i] = orNaN(contract.iv);
    chain.delta[i] = orNaN(contract.delta);
    chain.gamma[i] = orNaN(contract.gamma);
    chain.volume[i] = contract.volume;
    chain.openInterest[i] = contract.openInterest;
  });
  return {
    compact: COMPACT_CHAIN_VERSION,
    snapshot: { ...rest, rejected: rest.rejected.slice(0, REJECTED_KEPT) },
    roots: [...rootIndex.keys()],
    expiries: [...expiryIndex.keys()],
    ...chain,
    fingerprint: fingerprintOf(snapshot.asOf, snapshot.spot, Object.values(chain)),
  };
}

export function expandChain(compact: CompactChain): ChainSnapshot {
  const roots = compact.roots.map((root) => ({
    root,
    underlying: underlyingOfRoot(root),
    style: settlementStyle(root),
    adjusted: isAdjustedRoot(root),
  }));
  const contracts = new Array<OptionContract>(compact.strike.length);
  for (let i = 0; i < contracts.length; i++) {
    const root = roots[compact.root[i]];
    const expiry = compact.expiries[compact.expiry[i]];
    const type = compact.call[i] ? 'C' : 'P';
    const settlement = compact.settlement[i];
    contracts[i] = {
      underlying: root.underlying,
      root: root.root,
      occ: formatOcc(root.root, expiry, type, compact.strike[i]),
      type,
      strike: compact.strike[i],
      expiry,
      settlement,
      settlementStyle: root.style,
      multiplier: compact.multiplier[i],
      bid: orNull(compact.bid[i]),
      ask: orNull(compact.ask[i]),
      last: null,
      volume: compact.volume[i],
      openInterest: compact.openInterest[i],
      iv: orNull(compact.iv[i]),
      delta: orNull(compact.delta[i]),
      gamma: orNull(compact.gamma[i]),
      vega: null,
      theta: null,
      quoteTime: null,
      expired: settlement <= compact.snapshot.asOf,
      adjusted: root.adjusted,
    };
  }
  return { ...compact.snapshot, contracts };
}

/** Bytes a compact chain takes in storage (its columns; the rest is small). */
export function compactBytes(compact: CompactChain): number {
  return [
    compact.root,
    compact.expiry,
    compact.call,
    compact.strike,
    compact.settlement,
    compact.multiplier,
    compact.bid,
    compact.ask,
    compact.iv,
    compact.delta,
    compact.gamma,
    compact.volume,
    compact.openInterest,
  ].reduce((sum, column) => sum + column.byteLength, 4096);
}

export function isCompactChain(value: unknown): value is CompactChain {
  return typeof value === 'object' && value !== null && (value as CompactChain).compact === COMPACT_CHAIN_VERSION;
}
