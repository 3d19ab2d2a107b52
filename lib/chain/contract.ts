/** Builds a normalized contract from a parsed OCC symbol and a source's numbers. */
import type { ChainSnapshot, OptionContract, RejectedRow } from './model';
import { normalizeIv } from './model';
import type { OccSymbol } from './occ';
import { isAdjustedRoot, settlementInstant, settlementStyle, underlyingOfRoot, type SettlementStyle } from '../market/settlement';

export interface ContractFields {
  bid?: number | null;
  ask?: number | null;
  last?: number | null;
  volume?: number | null;
  openInterest?: number | null;
  iv?: number | null;
  delta?: number | null;
  gamma?: number | null;
  vega?: number | null;
  theta?: number | null;
  quoteTime?: number | null;
  multiplier?: number | null;
}

/** A finite number, or null (for nulls, blanks, NaN, strings that are not numbers). */
export function numberOrNull(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value === '') return null;
  const parsed = +value; // fast path: plain numerals (Number('  ') is 0, so blanks are checked below)
  if (Number.isFinite(parsed) && value.trim() !== '') return parsed;
  if (!value.includes(',')) return null;
  const withoutSeparators = +value.replace(/,/g, '');
  return Number.isFinite(withoutSeparators) ? withoutSeparators : null;
}

interface RootFacts {
  underlying: string;
  style: SettlementStyle;
  adjusted: boolean;
  settlements: Map<string, number>;
}

// Facts that depend only on the root (and settlement on root + date), computed once per root.
const rootFacts = new Map<string, RootFacts>();

function factsOf(root: string): RootFacts {
  let facts = rootFacts.get(root);
  if (!facts) {
    facts = { underlying: underlyingOfRoot(root), style: settlementStyle(root), adjusted: isAdjustedRoot(root), settlements: new Map() };
    if (rootFacts.size > 1000) rootFacts.clear();
    rootFacts.set(root, facts);
  }
  return facts;
}

export function buildContract(occ: OccSymbol, fields: ContractFields, asOf: number): OptionContract {
  const facts = factsOf(occ.root);
  let settlement = facts.settlements.get(occ.expiry);
  if (settlement === undefined) {
    settlement = settlementInstant(occ.root, occ.expiry);
    facts.settlements.set(occ.expiry, settlement);
  }
  const adjusted = facts.adjusted;
  return {
    underlying: facts.underlying,
    root: occ.root,
    occ: occ.symbol,
    type: occ.type,
    strike: occ.strike,
    expiry: occ.expiry,
    settlement,
    settlementStyle: facts.style,
    multiplier: fields.multiplier && fields.multiplier > 0 ? fields.multiplier : 100,
    bid: fields.bid ?? null,
    ask: fields.ask ?? null,
    last: fields.last ?? null,
    // Counts arrive as floats (2834.0) or nulls; negative counts are nonsense and read as zero.
    volume: Math.max(0, fields.volume ?? 0),
    openInterest: Math.max(0, fields.openInterest ?? 0),
    iv: normalizeIv(fields.iv),
    delta: fields.delta ?? null,
    gamma: fields.gamma ?? null,
    vega: fields.vega ?? null,
    theta: fields.theta ?? null,
    quoteTime: fields.quoteTime ?? null,
    expired: settlement <= asOf,
    adjusted,
  };
}

/** The most common underlying among contracts (the chain's subject), or the fallback. */
export function dominantUnderlying(contracts: readonly OptionContract[], fallback: string): string {
  const counts = new Map<string, number>();
  for (const contract of contracts) counts.set(contract.underlying, (counts.get(contract.underlying) ?? 0) + 1);
  let best = fallback;
  let bestCount = 0;
  for (const [underlying, count] of counts) {
    if (count > bestCount) {
      best = underlying;
      bestCount = count;
    }
  }
  return best;
}

/** Warnings every parser adds once the contracts are known. */
export function standardWarnings(contracts: readonly OptionContract[], asOf: number): string[] {
  const warnings: string[] = [];
  let expired = 0;
  let adjusted = 0;
  let missingIv = 0;
  for (const contract of contracts) {
    if (contract.expired) expired++;
    else if (contract.iv === null) missingIv++;
    if (contract.adjusted) adjusted++;
  }
  if (expired > 0) {
    warnings.push(
      `${expired} contract${expired === 1 ? '' : 's'} had already settled at as-of ${new Date(asOf).toISOString()} and are left out of exposures`,
    );
  }
  if (missingIv > 0) warnings.push(`${missingIv} live contracts have no implied volatility (0 or missing in the source)`);
  if (adjusted > 0) warnings.push(`${adjusted} contracts are on adjusted roots (non-standard deliverable)`);
  return warnings;
}

/** The snapshot a file parser returns, with the warnings every parser adds. */
export function finishSnapshot(parts: {
  defaultProvider: string;
  options: { provider?: string; fetchedAt?: number; delayed?: boolean };
  underlying: string;
  spot: number | null;
  asOf: number;
  asOfInferred: boolean;
  contracts: OptionContract[];
  rejected: RejectedRow[];
  warnings: string[];
  rejectedWhat: string;
}): ChainSnapshot {
  const { options, contracts, rejected, asOf } = parts;
  const warnings = [...parts.warnings, ...standardWarnings(contracts, asOf)];
  if (rejected.length > 0) warnings.push(`${rejected.length} ${parts.rejectedWhat} were rejected (see rejected rows)`);
  return {
    provider: options.provider ?? parts.defaultProvider,
    underlying: parts.underlying,
    spot: parts.spot,
    asOf,
    asOfInferred: parts.asOfInferred,
    fetchedAt: options.fetchedAt ?? asOf,
    delayed: options.delayed ?? true,
    contracts,
    warnings,
    rejected,
  };
}
