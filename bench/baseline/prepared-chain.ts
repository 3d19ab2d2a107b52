// Frozen copy of lib/gex/prepared-chain.ts at 76f6628 (before issue 14: provider gamma held fixed, one flip model), kept
// only so bench/run.ts can time today's levels against that version in the same run. Not used elsewhere.
/**
 * A chain made ready for exposure math: the contracts that count (live at the evaluation instant, with
 * open interest and a gamma), held in typed arrays with every per-contract constant hoisted, so the
 * profile and the flip search re-price thousands of contracts at many spots cheaply.
 */
import type { ChainSnapshot, OptionContract } from '../../lib/chain/model';
import { INV_SQRT_2PI, YEAR_MS } from '../../lib/gex/black-scholes';
import { dealerSign, type SignModel, CLASSIC } from '../../lib/gex/sign-model';
import { ALL_EXPIRIES, selectExpiries, type ExpiryFilter } from '../../lib/gex/expiry-filter';
import { estimateSpotFromParity } from '../../lib/gex/spot';

export interface EngineSettings {
  /** Risk-free rate, decimal (CLI --rate). */
  rate?: number;
  /** Dividend yield, decimal (CLI --div). */
  dividend?: number;
  signModel?: SignModel;
  /** UTC ms the exposures are evaluated at; defaults to the snapshot's as-of. */
  evaluatedAt?: number;
  expiryFilter?: ExpiryFilter;
  /** Overrides the snapshot's spot. */
  spot?: number;
}

export interface SkippedCounts {
  expired: number;
  noOpenInterest: number;
  noGamma: number;
  adjusted: number;
  filteredOut: number;
}

export interface PreparedChain {
  underlying: string;
  spot: number;
  asOf: number;
  evaluatedAt: number;
  rate: number;
  dividend: number;
  signModel: SignModel;
  expiryFilter: ExpiryFilter;
  /** The contracts that count, parallel to the arrays below. */
  contracts: OptionContract[];
  count: number;
  strike: Float64Array;
  /** Years from the evaluation instant to settlement. */
  time: Float64Array;
  isCall: Uint8Array;
  /** Dealer sign times open interest times multiplier. */
  signedUnits: Float64Array;
  /** Index into `expiries`. */
  expiryIndex: Uint16Array;
  expiries: string[];
  settlementOfExpiry: number[];
  /** Gamma at spot used for exposures (ours from IV, else the provider's). */
  gamma: Float64Array;
  /** The provider's gamma (NaN when absent), kept beside ours for cross-checks. */
  providerGamma: Float64Array;
  /** GEX at spot, dollars per 1% move, signed by the model. */
  gex: Float64Array;
  /** 1 where gamma came from IV (re-priceable), 0 where it is the provider's fixed number. */
  fromIv: Uint8Array;
  // Re-pricing constants for d1(S') = ln(S') * invStdDev - offset, GEX(S') = 0.01 S' w phi(d1).
  invStdDev: Float64Array;
  offset: Float64Array;
  weight: Float64Array;
  /** Sum of sign*OI*mult*gamma over provider-gamma contracts: held fixed under re-pricing. */
  fixedDollarGammaUnits: number;
  skipped: SkippedCounts;
  warnings: string[];
}

/** Thrown when the chain cannot give exposures at all (no spot), with the reason. */
export class EngineInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineInputError';
  }
}

export function prepareChain(snapshot: ChainSnapshot, settings: EngineSettings = {}): PreparedChain {
  const rate = settings.rate ?? 0;
  const dividend = settings.dividend ?? 0;
  const signModel = settings.signModel ?? CLASSIC;
  const expiryFilter = settings.expiryFilter ?? ALL_EXPIRIES;
  const evaluatedAt = settings.evaluatedAt ?? snapshot.asOf;
  const warnings: string[] = [];

  let spot = settings.spot ?? snapshot.spot;
  if (!(spot !== null && spot > 0)) {
    const estimate = estimateSpotFromParity(snapshot.contracts, evaluatedAt);
    if (estimate === null) {
      throw new EngineInputError(
        'the chain gives no underlying price, and none can be estimated from call/put parity (no two-sided quotes)',
      );
    }
    spot = estimate.spot;
    warnings.push(
      `the chain gives no underlying price; spot ${estimate.spot.toFixed(2)} was estimated from call/put parity on ${estimate.expiry}`,
    );
  }

  // Selection by expiry needs every live expiry's settlement first; "all" (the common case) does not.
  let kept: Set<string> | null = null;
  if (expiryFilter.kind !== 'all') {
    const liveSettlements = new Map<string, number>();
    for (const contract of snapshot.contracts) {
      if (contract.settlement > evaluatedAt && !contract.adjusted) {
        const known = liveSettlements.get(contract.expiry);
        if (known === undefined || contract.settlement > known) liveSettlements.set(contract.expiry, contract.settlement);
      }
    }
    kept = selectExpiries(expiryFilter, [...liveSettlements.keys()].sort(), evaluatedAt, (expiry) => liveSettlements.get(expiry) ?? 0);
  }

  // One pass over the contract objects (they are large and scattered in memory; touching them once
  // keeps the cost linear in chain size), then typed arrays only.
  const skipped: SkippedCounts = { expired: 0, noOpenInterest: 0, noGamma: 0, adjusted: 0, filteredOut: 0 };
  const total = snapshot.contracts.length;
  const used: OptionContract[] = [];
  // What the math needs, copied out in the same pass (sized for the worst case, trimmed below).
  const strikes = new Float64Array(total);
  const times = new Float64Array(total);
  const isCall = new Uint8Array(total);
  const signedUnits = new Float64Array(total);
  const expiryIndex = new Uint16Array(total);
  const gammas = new Float64Array(total);
  const providerGamma = new Float64Array(total);
  const gex = new Float64Array(total);
  const fromIv = new Uint8Array(total);
  const invStdDevs = new Float64Array(total);
  const offsets = new Float64Array(total);
  const weights = new Float64Array(total);
  const callSign = dealerSign(signModel, 'C');
  const putSign = dealerSign(signModel, 'P');
  const dollarsPerGammaUnit = spot * spot * 0.01;
  const logSpot = Math.log(spot);
  const drift = rate - dividend;
  let fixedDollarGammaUnits = 0;
  let providerGammaUsed = 0;
  // Two roots on one date (SPX AM and SPXW PM): the later settlement stands for the date.
  const settlementByExpiry = new Map<string, number>();
  const firstSeenExpiries: string[] = [];
  let lastExpiry = '';
  let lastPosition = 0;
  let count = 0;
  for (const contract of snapshot.contracts) {
    const settlement = contract.settlement;
    if (settlement <= evaluatedAt) skipped.expired++;
    else if (contract.adjusted) skipped.adjusted++;
    else if (kept !== null && !kept.has(contract.expiry)) skipped.filteredOut++;
    else if (!(contract.openInterest > 0)) skipped.noOpenInterest++;
    else if (contract.iv === null && !(contract.gamma !== null && contract.gamma > 0)) skipped.noGamma++;
    else {
      const i = count++;
      used.push(contract);
      // Chains come grouped by expiry: most contracts repeat the previous one's date.
      if (contract.expiry !== lastExpiry) {
        lastExpiry = contract.expiry;
        if (!settlementByExpiry.has(lastExpiry)) firstSeenExpiries.push(lastExpiry);
        lastPosition = firstSeenExpiries.indexOf(lastExpiry);
      }
      const known = settlementByExpiry.get(lastExpiry);
      if (known === undefined || settlement > known) settlementByExpiry.set(lastExpiry, settlement);
      const time = (settlement - evaluatedAt) / YEAR_MS;
      const call = contract.type === 'C';
      const units = (call ? callSign : putSign) * contract.openInterest * contract.multiplier;
      const strike = contract.strike;
      const iv = contract.iv;
      const providerValue = contract.gamma;
      strikes[i] = strike;
      times[i] = time;
      isCall[i] = call ? 1 : 0;
      signedUnits[i] = units;
      expiryIndex[i] = lastPosition; // first-seen order for now; re-mapped to date order below
      providerGamma[i] = providerValue ?? Number.NaN;
      let gamma: number;
      if (iv !== null) {
        // Black-Scholes gamma from the hoisted constants: d1 = ln(S) / (sigma sqrt T) - offset,
        // gamma = e^(-qT) phi(d1) / (S sigma sqrt T) (the same formula as bsGamma, computed once).
        const invStdDev = 1 / (iv * Math.sqrt(time));
        const offset = (Math.log(strike) - (drift + 0.5 * iv * iv) * time) * invStdDev;
        const carry = dividend === 0 ? 1 : Math.exp(-dividend * time);
        const d1 = logSpot * invStdDev - offset;
        gamma = (carry * invStdDev * INV_SQRT_2PI * Math.exp(-0.5 * d1 * d1)) / spot;
        fromIv[i] = 1;
        invStdDevs[i] = invStdDev;
        offsets[i] = offset;
        weights[i] = units * carry * invStdDev;
      } else {
        gamma = providerValue as number;
        providerGammaUsed++;
        fixedDollarGammaUnits += units * gamma;
      }
      gammas[i] = gamma;
      gex[i] = units * gamma * dollarsPerGammaUnit;
    }
  }
  const expiries = [...firstSeenExpiries].sort();
  const dateOrder = firstSeenExpiries.map((expiry) => expiries.indexOf(expiry));
  for (let i = 0; i < count; i++) expiryIndex[i] = dateOrder[expiryIndex[i]];
  const prepared: PreparedChain = {
    underlying: snapshot.underlying,
    spot,
    asOf: snapshot.asOf,
    evaluatedAt,
    rate,
    dividend,
    signModel,
    expiryFilter,
    contracts: used,
    count,
    strike: strikes.subarray(0, count),
    time: times.subarray(0, count),
    isCall: isCall.subarray(0, count),
    signedUnits: signedUnits.subarray(0, count),
    expiryIndex: expiryIndex.subarray(0, count),
    expiries,
    settlementOfExpiry: expiries.map((expiry) => settlementByExpiry.get(expiry) ?? 0),
    gamma: gammas.subarray(0, count),
    providerGamma: providerGamma.subarray(0, count),
    gex: gex.subarray(0, count),
    fromIv: fromIv.subarray(0, count),
    invStdDev: invStdDevs.subarray(0, count),
    offset: offsets.subarray(0, count),
    weight: weights.subarray(0, count),
    fixedDollarGammaUnits,
    skipped,
    warnings,
  };
  if (providerGammaUsed > 0) {
    warnings.push(`${providerGammaUsed} contracts have no IV: the provider's gamma is used for them, held fixed in the profile`);
  }
  if (count === 0) warnings.push('no contract has open interest and a gamma within the chosen expiries: every exposure is zero');
  return prepared;
}
