/**
 * The gate between a newly parsed chain and the last good levels: pure checks that say, in words a
 * trader can read, why a chain must not replace the last good one (it is someone else's chain, cut off,
 * joined with itself, without usable contracts, or its spot does not belong to it). The caller keeps a
 * ChainSummary of each chain it accepts, beside its levels, and passes it back as `previous` for the next
 * chain of the same feed.
 *
 * Thresholds, and why:
 * - spot must lie within the live strikes (those of live contracts with open interest);
 * - spot may differ from the chain's call/put-parity price by up to a factor SPOT_PARITY_FACTOR (1.25):
 *   the fixtures sit within 0.5%, and after-hours moves on earnings reach about 15%; a price from another
 *   underlying is off by far more (SPY is a tenth of SPX);
 * - against the previous good spot of the same underlying, a move up to a factor SPOT_MOVE_FACTOR (1.5:
 *   +50% or -33%) passes, so a 20% market move passes either way (a 2:1 split does not: accept it once);
 * - the chain looks cut off when, on the expiries both chains should list (those of the previous chain
 *   still open at the new as-of), it has fewer than COLLAPSE_SHARE (half) the previous contracts, or its
 *   lacks an expiry the previous chain listed that is still open, or its last expiry lists fewer
 *   contracts and stops at a lower strike than the same expiry did before (listed expiries and strikes
 *   are only added until expiry), or its strikes span less than half of the previous span.
 *   These compare like with like: pass the same feed's previous summary (an export filtered to a few
 *   expiries or to strikes near the money is refused against an unfiltered one; accept it once).
 */
import type { ChainSnapshot, OptionContract } from './model';
import { underlyingOfRoot } from '../market/settlement';
import { paritySpot } from './parity-spot';

const SPOT_PARITY_FACTOR = 1.25;
const SPOT_MOVE_FACTOR = 1.5;
const COLLAPSE_SHARE = 0.5;
/** Below this many contracts on the common expiries, a previous chain is too small to compare with. */
const MIN_COMPARABLE_CONTRACTS = 20;

/** One live expiry of a chain: how many contracts it lists and over which strikes. */
interface ExpiryExtent {
  expiry: string;
  /** UTC ms of the expiry's last settlement (AM and PM roots may share a date). */
  settlement: number;
  contracts: number;
  lowestStrike: number;
  highestStrike: number;
}

/** What to keep beside a chain's levels to judge the next chain of the same feed (small: no contracts). */
export interface ChainSummary {
  provider: string;
  /** The underlying the contracts are written on: the most common among live contracts (SPXW counts as SPX). */
  underlying: string;
  /** UTC ms the chain is as of. */
  asOf: number;
  /** The source's underlying price, or null when it gave no usable one. */
  spot: number | null;
  /** The underlying price implied by call/put parity on the nearest expiries, or null. */
  paritySpot: number | null;
  /** Every contract read. */
  contracts: number;
  /** Contracts not settled at as-of, on standard roots, with open interest: the ones exposures count. */
  liveContracts: number;
  /** Of those, the ones with an IV or a gamma (the rest can only borrow a smile). */
  pricedContracts: number;
  /** Strike range of the live contracts, or null when there are none. */
  lowestStrike: number | null;
  highestStrike: number | null;
  /** Contracts the source gave more than once (from the parser's integrity facts, else counted here). */
  repeatedContracts: number;
  /** Every expiry not settled at as-of, in date order. */
  expiries: ExpiryExtent[];
}

export type ChainRefusalCode =
  'wrong-underlying' | 'repeated-contracts' | 'joined' | 'cut-off' | 'no-usable-contracts' | 'no-spot' | 'spot-mismatch';

export type ChainCheck =
  { ok: true; warnings: string[]; summary: ChainSummary } | { ok: false; code: ChainRefusalCode; reason: string; summary: ChainSummary };

export interface ChainCheckOptions {
  /** The ticker the chain was asked for (SPX, ^SPX, _SPX, SPXW, BRK.B ...). */
  ticker?: string;
  /** The summary of the last chain of this feed that passed, or null. */
  previous?: ChainSummary | null;
}

/** A ticker or root as the underlying it stands for: "_SPX", "^spx", "SPXW" -> "SPX"; "BRK.B" -> "BRKB". */
export function underlyingOfTicker(ticker: string): string {
  const bare = ticker
    .trim()
    .toUpperCase()
    .replace(/^I:/, '')
    .replace(/^[_^$]+/, '')
    .replace(/[./\-\s]/g, '');
  return underlyingOfRoot(bare);
}

export function summarizeChain(snapshot: ChainSnapshot): ChainSummary {
  const { asOf } = snapshot;
  const underlyingCounts = new Map<string, number>();
  const extents = new Map<string, ExpiryExtent>();
  let liveContracts = 0;
  let pricedContracts = 0;
  let lowestStrike = Infinity;
  let highestStrike = -Infinity;
  for (const contract of snapshot.contracts) {
    if (contract.settlement <= asOf) continue;
    let extent = extents.get(contract.expiry);
    if (!extent) {
      extent = {
        expiry: contract.expiry,
        settlement: contract.settlement,
        contracts: 0,
        lowestStrike: contract.strike,
        highestStrike: contract.strike,
      };
      extents.set(contract.expiry, extent);
    }
    extent.contracts++;
    extent.settlement = Math.max(extent.settlement, contract.settlement);
    extent.lowestStrike = Math.min(extent.lowestStrike, contract.strike);
    extent.highestStrike = Math.max(extent.highestStrike, contract.strike);
    if (contract.adjusted || !(contract.openInterest > 0)) continue;
    liveContracts++;
    if (contract.iv !== null || (contract.gamma !== null && contract.gamma > 0)) pricedContracts++;
    underlyingCounts.set(contract.underlying, (underlyingCounts.get(contract.underlying) ?? 0) + 1);
    if (contract.strike < lowestStrike) lowestStrike = contract.strike;
    if (contract.strike > highestStrike) highestStrike = contract.strike;
  }
  return {
    provider: snapshot.provider,
    underlying: mostCommon(underlyingCounts) ?? mostCommonUnderlying(snapshot.contracts) ?? snapshot.underlying,
    asOf,
    spot: snapshot.spot !== null && Number.isFinite(snapshot.spot) && snapshot.spot > 0 ? snapshot.spot : null,
    paritySpot: paritySpot(snapshot.contracts, asOf),
    contracts: snapshot.contracts.length,
    liveContracts,
    pricedContracts,
    lowestStrike: liveContracts > 0 ? lowestStrike : null,
    highestStrike: liveContracts > 0 ? highestStrike : null,
    repeatedContracts: snapshot.integrity ? snapshot.integrity.repeatedContracts : countRepeats(snapshot.contracts),
    expiries: [...extents.values()].sort((a, b) => (a.expiry < b.expiry ? -1 : a.expiry > b.expiry ? 1 : 0)),
  };
}

export function checkChain(snapshot: ChainSnapshot, options: ChainCheckOptions = {}): ChainCheck {
  const summary = summarizeChain(snapshot);
  const refuse = (code: ChainRefusalCode, reason: string): ChainCheck => ({ ok: false, code, reason, summary });
  const warnings: string[] = [];
  const integrity = snapshot.integrity;
  const previous = options.previous ?? null;

  // Whose chain is it?
  if (options.ticker !== undefined && options.ticker.trim() !== '' && summary.contracts > 0) {
    const wanted = underlyingOfTicker(options.ticker);
    if (wanted !== summary.underlying) {
      return refuse('wrong-underlying', `this is a ${summary.underlying} option chain, not ${wanted}: ${describeSpot(summary)}`);
    }
  }
  if (previous && summary.contracts > 0 && previous.underlying !== summary.underlying) {
    return refuse(
      'wrong-underlying',
      `this is a ${summary.underlying} option chain, but the last good chain of this feed was ${previous.underlying}`,
    );
  }
  const label = snapshot.underlying ? underlyingOfTicker(snapshot.underlying) : '';
  if (label !== '' && summary.contracts > 0 && label !== summary.underlying) {
    return refuse('wrong-underlying', `the data says ${label} but its options are on ${summary.underlying}`);
  }

  // Is it whole?
  if (summary.repeatedContracts > 0) {
    const example = snapshot.rejected.find((row) => row.reason.includes('repeats '));
    return refuse(
      'repeated-contracts',
      `the same contracts appear more than once (${count(summary.repeatedContracts)} repeats${example ? `, e.g. ${example.where}: ${example.reason}` : ''}); the file looks joined with itself`,
    );
  }
  if (integrity?.joined) return refuse('joined', `the file looks like two files joined: ${integrity.joined}`);
  if (integrity?.cutOff) return refuse('cut-off', `looks cut off: ${integrity.cutOff}`);
  if (previous) {
    const collapse = collapseAgainst(summary, previous);
    if (collapse) return refuse('cut-off', `looks cut off: ${collapse}`);
  }

  // Can exposures be computed at all?
  if (summary.liveContracts === 0) {
    return refuse(
      'no-usable-contracts',
      `no usable contracts: none of the ${count(summary.contracts)} contracts is open at as-of with open interest`,
    );
  }
  if (summary.pricedContracts === 0) {
    return refuse(
      'no-usable-contracts',
      `no usable contracts: none of the ${count(summary.liveContracts)} open contracts has an implied volatility or a gamma`,
    );
  }

  // Does the spot belong to this chain?
  const spot = summary.spot ?? summary.paritySpot;
  if (spot === null) return refuse('no-spot', 'the chain gives no usable underlying price, and none can be estimated from call/put parity');
  const low = summary.lowestStrike as number;
  const high = summary.highestStrike as number;
  if (spot < low || spot > high) {
    return refuse(
      'spot-mismatch',
      `spot ${price(spot)} lies outside the chain's strikes (${price(low)} to ${price(high)}): the price does not belong to this chain`,
    );
  }
  if (summary.spot !== null && summary.paritySpot !== null && farApart(summary.spot, summary.paritySpot, SPOT_PARITY_FACTOR)) {
    return refuse(
      'spot-mismatch',
      `spot ${price(summary.spot)} does not fit the chain's own prices: call/put parity puts ${summary.underlying} near ${price(summary.paritySpot)}`,
    );
  }
  if (previous?.spot != null) {
    const before = previous.spot;
    if (farApart(spot, before, SPOT_MOVE_FACTOR)) {
      return refuse(
        'spot-mismatch',
        `spot ${price(spot)} is ${movePercent(spot, before)} the last good chain's ${price(before)} (${isoMinute(previous.asOf)}): not the same market`,
      );
    }
    if (farApart(spot, before, 1.1))
      warnings.push(`spot moved ${moveWords(spot, before)} since the last good chain (${price(before)}, ${isoMinute(previous.asOf)})`);
  }
  if (previous && summary.asOf < previous.asOf) {
    warnings.push(`this chain (as of ${isoMinute(summary.asOf)}) is older than the last good one (${isoMinute(previous.asOf)})`);
  }
  if (summary.spot === null) warnings.push(`the chain gives no usable underlying price; parity puts it near ${price(spot)}`);
  return { ok: true, warnings, summary };
}

/** Why the chain has collapsed against the previous one on the expiries both should list, or null. */
function collapseAgainst(summary: ChainSummary, previous: ChainSummary): string | null {
  const stillOpen = previous.expiries.filter((extent) => extent.settlement > summary.asOf);
  const before = stillOpen.reduce((total, extent) => total + extent.contracts, 0);
  if (before < MIN_COMPARABLE_CONTRACTS) return null;
  const now = new Map(summary.expiries.map((extent) => [extent.expiry, extent]));
  let after = 0;
  for (const extent of stillOpen) after += now.get(extent.expiry)?.contracts ?? 0;
  if (after < COLLAPSE_SHARE * before) {
    return `${count(after)} contracts against ${count(before)} in the last good chain (${isoMinute(previous.asOf)}) on the expiries both should list`;
  }
  // Listed expiries and strikes are only ever added until expiry, so against an earlier chain a cut shows
  // as expiries gone missing, or as a last expiry listing fewer strikes and stopping lower than before.
  const later = summary.asOf >= previous.asOf;
  const missing = later ? stillOpen.filter((extent) => !now.has(extent.expiry)) : [];
  if (missing.length > 0) {
    const named = missing
      .slice(0, 3)
      .map((extent) => extent.expiry)
      .join(', ');
    return `it lacks ${missing.length} expir${missing.length === 1 ? 'y' : 'ies'} the last good chain (${isoMinute(previous.asOf)}) listed and that are still open (${named}${missing.length > 3 ? ', ...' : ''})`;
  }
  const lastNow = summary.expiries[summary.expiries.length - 1];
  const lastBefore = lastNow && stillOpen.find((extent) => extent.expiry === lastNow.expiry);
  if (later && lastNow && lastBefore && lastNow.contracts < lastBefore.contracts && lastNow.highestStrike < lastBefore.highestStrike) {
    return `its last expiry, ${lastNow.expiry}, lists ${count(lastNow.contracts)} contracts up to strike ${price(lastNow.highestStrike)}, against ${count(lastBefore.contracts)} up to ${price(lastBefore.highestStrike)} in the last good chain (${isoMinute(previous.asOf)})`;
  }
  const span = (extents: ExpiryExtent[]) =>
    extents.length === 0
      ? 0
      : Math.max(...extents.map((extent) => extent.highestStrike)) - Math.min(...extents.map((extent) => extent.lowestStrike));
  const spanBefore = span(stillOpen);
  const spanNow = span(summary.expiries);
  if (spanBefore > 0 && spanNow < COLLAPSE_SHARE * spanBefore) {
    return `its strikes span ${price(spanNow)} points against ${price(spanBefore)} in the last good chain (${isoMinute(previous.asOf)})`;
  }
  return null;
}

function farApart(a: number, b: number, factor: number): boolean {
  return Math.abs(Math.log(a / b)) > Math.log(factor);
}

function movePercent(now: number, before: number): string {
  const change = (now / before - 1) * 100;
  return `${Math.abs(change).toFixed(0)}% ${change < 0 ? 'below' : 'above'}`;
}

function moveWords(now: number, before: number): string {
  const change = (now / before - 1) * 100;
  return `${change < 0 ? 'down' : 'up'} ${Math.abs(change).toFixed(0)}%`;
}

function describeSpot(summary: ChainSummary): string {
  const spot = summary.spot ?? summary.paritySpot;
  return spot === null ? `${count(summary.contracts)} contracts` : `${count(summary.contracts)} contracts around ${price(spot)}`;
}

function mostCommon(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [key, value] of counts) {
    if (value > bestCount) {
      best = key;
      bestCount = value;
    }
  }
  return best;
}

function mostCommonUnderlying(contracts: readonly OptionContract[]): string | null {
  const counts = new Map<string, number>();
  for (const contract of contracts) counts.set(contract.underlying, (counts.get(contract.underlying) ?? 0) + 1);
  return mostCommon(counts);
}

function countRepeats(contracts: readonly OptionContract[]): number {
  const seen = new Set<string>();
  let repeats = 0;
  for (const contract of contracts) {
    if (seen.has(contract.occ)) repeats++;
    else seen.add(contract.occ);
  }
  return repeats;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function price(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function isoMinute(instant: number): string {
  return Number.isFinite(instant) && Math.abs(instant) < 8.64e15
    ? `${new Date(instant).toISOString().slice(0, 16).replace('T', ' ')} UTC`
    : 'unknown time';
}
