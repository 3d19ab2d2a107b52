/**
 * The gate as the service uses it (lib/chain/gate.ts holds the checks): where a refused chain is kept
 * aside (one per feed, beside the feed's own chain in the chain table), what the feed's status says
 * about it, and the last check on a chain that passed the gate — every number of its levels finite.
 */
import type { ChainRefusalCode, ChainSummary } from '../chain/gate';
import { describeNonFinite } from '../chain/non-finite';
import type { RefusedChain } from '../protocol';
import type { CachedLevels, StoredChain } from './storage-port';

const REFUSED_SUFFIX = '#refused';

/** The chain-table key of a feed's refused chain ("custom:SPX#refused"). */
export function refusedChainKey(feed: string): string {
  return `${feed}${REFUSED_SUFFIX}`;
}

/** The feed a chain-table key belongs to, and whether it holds the feed's refused chain. */
export function chainKeyOwner(key: string): { feed: string; refused: boolean } {
  return key.endsWith(REFUSED_SUFFIX) ? { feed: key.slice(0, -REFUSED_SUFFIX.length), refused: true } : { feed: key, refused: false };
}

/** Why a cache entry cannot be shown (a number in its levels, profile or heatmap is NaN or infinite), or null. */
export function nonFiniteIn(entry: Pick<CachedLevels, 'levels' | 'profile' | 'heatmap'>): string | null {
  return (
    describeNonFinite(entry.levels, 'levels') ?? describeNonFinite(entry.profile, 'profile') ?? describeNonFinite(entry.heatmap, 'heatmap')
  );
}

/** What the feed's status keeps about a refused chain. */
export function refusedChain(parts: {
  code: ChainRefusalCode | 'not-finite';
  reason: string;
  at: number;
  label: string;
  summary: ChainSummary;
  stored: StoredChain | null;
}): RefusedChain {
  const { summary, stored } = parts;
  return {
    code: parts.code,
    reason: parts.reason,
    at: parts.at,
    label: parts.label,
    underlying: summary.underlying,
    asOf: summary.asOf,
    spot: summary.spot ?? summary.paritySpot,
    contracts: summary.contracts,
    acceptable: stored !== null,
    stored: stored && { fingerprint: stored.fingerprint, bytes: stored.bytes },
  };
}

/** The snapshot's warnings with the gate's own (a spot move since the last good chain, ...) added once. */
export function withGateWarnings(warnings: readonly string[], gateWarnings: readonly string[]): string[] {
  return [...warnings, ...gateWarnings.filter((warning) => !warnings.includes(warning))];
}
