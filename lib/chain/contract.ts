/** Builds a normalized contract from a parsed OCC symbol and a source's numbers, checking every value. */
import type { ChainIntegrity, ChainSnapshot, OptionContract, RejectedRow } from './model';
import type { OccSymbol } from './occ';
import { isAdjustedRoot, settlementInstant, settlementStyle, underlyingOfRoot, type SettlementStyle } from '../market/settlement';
import { expiryRangeProblem, isSupportedInstant } from './date-parts';
import {
  MAX_ABS_DELTA,
  MAX_ABS_GREEK,
  MAX_GAMMA,
  MAX_MULTIPLIER,
  countOrReason,
  greekOrNull,
  ivOrNull,
  newValueTally,
  priceOrNull,
  tallyWarnings,
  type ValueTally,
} from './contract-values';
import { MAX_LISTED_REJECTIONS } from './rejection-log';

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

/**
 * A ContractFields with every field null, for a parser to fill again for each contract. Reusing one such
 * object (rather than a fresh literal per contract) keeps the numbers it carries as they are: a literal
 * that only ever held numbers would copy each into a new 16-byte box, undoing the sharing of
 * NumberCache and widenNumberFields.
 */
export function emptyContractFields(): Required<ContractFields> {
  return {
    bid: null,
    ask: null,
    last: null,
    volume: null,
    openInterest: null,
    iv: null,
    delta: null,
    gamma: null,
    vega: null,
    theta: null,
    quoteTime: null,
    multiplier: null,
  };
}

/** A finite number, or null (for nulls, blanks, NaN, strings that are not numbers). */
export function numberOrNull(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value === '') return null;
  const parsed = +value; // fast path: plain numerals (Number('  ') is 0, so blanks are checked below)
  if (Number.isFinite(parsed) && value.trim() !== '') return parsed;
  if (!value.includes(',') || value.length > 40) return null;
  const withoutSeparators = +value.replace(/,/g, '');
  return Number.isFinite(withoutSeparators) ? withoutSeparators : null;
}

/** Whether a source value is simply absent (null, undefined, blank text), as opposed to unreadable. */
export function isAbsent(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

interface RootFacts {
  underlying: string;
  style: SettlementStyle;
  adjusted: boolean;
  /** Settlement instant by expiry date. */
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

/**
 * The contract, or why it cannot be one (an expiry beyond any listing, a negative or impossible count).
 * Prices, IVs and greeks that cannot be real are read as missing and counted in `tally`.
 */
export function buildContract(
  occ: OccSymbol,
  fields: ContractFields,
  asOf: number,
  tally: ValueTally = newValueTally(),
): OptionContract | string {
  const facts = factsOf(occ.root);
  let settlement = facts.settlements.get(occ.expiry);
  if (settlement === undefined) {
    settlement = settlementInstant(occ.root, occ.expiry);
    if (facts.settlements.size > 5000) facts.settlements.clear();
    facts.settlements.set(occ.expiry, settlement);
    // Read back the stored number: every contract of the expiry then shares one (see widenNumberFields).
    settlement = facts.settlements.get(occ.expiry) ?? settlement;
  }
  const tooFar = expiryRangeProblem(settlement, asOf);
  if (tooFar) return `expiry ${occ.expiry} ${tooFar}`;
  // Counts arrive as floats (2834.0) or nulls; a negative count is not a position and rejects the contract.
  const openInterest = countOrReason(fields.openInterest, 'open interest');
  if (typeof openInterest === 'string') return openInterest;
  const volume = countOrReason(fields.volume, 'volume');
  if (typeof volume === 'string') return volume;
  const multiplier = fields.multiplier;
  let quoteTime = fields.quoteTime ?? null;
  if (quoteTime !== null && !isSupportedInstant(quoteTime)) {
    tally.implausible++;
    quoteTime = null;
  }
  // Keep this literal's keys in the order of widenNumberFields below (a unit test checks it).
  return {
    underlying: facts.underlying,
    root: occ.root,
    occ: occ.symbol,
    type: occ.type,
    strike: occ.strike,
    expiry: occ.expiry,
    settlement,
    settlementStyle: facts.style,
    multiplier: multiplier !== null && multiplier !== undefined && multiplier > 0 && multiplier <= MAX_MULTIPLIER ? multiplier : 100,
    bid: priceOrNull(fields.bid, tally),
    ask: priceOrNull(fields.ask, tally),
    last: priceOrNull(fields.last, tally),
    volume,
    openInterest,
    iv: ivOrNull(fields.iv, tally),
    delta: greekOrNull(fields.delta, -MAX_ABS_DELTA, MAX_ABS_DELTA, tally),
    gamma: greekOrNull(fields.gamma, 0, MAX_GAMMA, tally),
    vega: greekOrNull(fields.vega, -MAX_ABS_GREEK, MAX_ABS_GREEK, tally),
    theta: greekOrNull(fields.theta, -MAX_ABS_GREEK, MAX_ABS_GREEK, tally),
    quoteTime,
    expired: settlement <= asOf,
    adjusted: facts.adjusted,
  };
}

/**
 * Memory: V8 gives a field that has only ever held numbers a private 16-byte box in every object, even
 * for 0. One object of the contracts' shape whose number fields held null first makes V8 keep those
 * fields as plain references instead, so zeros and small integers cost nothing and numbers shared
 * between contracts (a settlement instant, a cached price) are stored once. On a 2-million-contract
 * chain this is about a quarter of the heap (bench/parse-scale.ts). It changes no value or type.
 */
export function widenNumberFields(): OptionContract {
  const none = null as unknown as number;
  return {
    underlying: '',
    root: '',
    occ: '',
    type: 'C',
    strike: none,
    expiry: '',
    settlement: none,
    settlementStyle: 'PM',
    multiplier: none,
    bid: null,
    ask: null,
    last: null,
    volume: none,
    openInterest: none,
    iv: null,
    delta: null,
    gamma: null,
    vega: null,
    theta: null,
    quoteTime: null,
    expired: false,
    adjusted: false,
  };
}
widenNumberFields();

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
  tally?: ValueTally;
  integrity?: ChainIntegrity;
}): ChainSnapshot {
  const { options, contracts, rejected, asOf, integrity } = parts;
  const warnings = [...parts.warnings, ...standardWarnings(contracts, asOf)];
  if (parts.tally) warnings.push(...tallyWarnings(parts.tally));
  const rejections = integrity?.rejections ?? rejected.length;
  if (rejections > 0) {
    const listed =
      rejections > rejected.length ? ` (the first ${MAX_LISTED_REJECTIONS.toLocaleString('en-US')} are listed)` : ' (see rejected rows)';
    warnings.push(`${rejections} ${parts.rejectedWhat} were rejected${listed}`);
  }
  if (integrity?.repeatedContracts)
    warnings.push(`${integrity.repeatedContracts} contracts appear more than once; only the first of each was kept`);
  if (integrity?.cutOff) warnings.push(`the data looks cut off: ${integrity.cutOff}`);
  if (integrity?.joined) warnings.push(`the data looks like two files joined: ${integrity.joined}`);
  const fetchedAt = options.fetchedAt !== undefined && Number.isFinite(options.fetchedAt) ? options.fetchedAt : asOf;
  const snapshot: ChainSnapshot = {
    provider: options.provider ?? parts.defaultProvider,
    underlying: parts.underlying,
    spot: parts.spot,
    asOf,
    asOfInferred: parts.asOfInferred,
    fetchedAt,
    delayed: options.delayed ?? true,
    contracts,
    warnings,
    rejected,
  };
  if (integrity) snapshot.integrity = integrity;
  return snapshot;
}
