/**
 * A chain made ready for exposure math: the contracts that count (live at the evaluation instant, with
 * open interest and a gamma), held in typed arrays with every per-contract constant hoisted, so the
 * profile and the flip search re-price thousands of contracts at many spots cheaply.
 */
import type { ChainSnapshot, OptionContract } from '../chain/model';
import { bsGamma, YEAR_MS } from './black-scholes';
import { dealerSign, type SignModel, CLASSIC } from './sign-model';
import { ALL_EXPIRIES, selectExpiries, type ExpiryFilter } from './expiry-filter';
import { estimateSpotFromParity } from './spot';

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
      throw new EngineInputError('the chain gives no underlying price, and none can be estimated from call/put parity (no two-sided quotes)');
    }
    spot = estimate.spot;
    warnings.push(`the chain gives no underlying price; spot ${estimate.spot.toFixed(2)} was estimated from call/put parity on ${estimate.expiry}`);
  }

  const settlementByExpiry = new Map<string, number>();
  for (const contract of snapshot.contracts) {
    if (contract.settlement > evaluatedAt && !contract.adjusted) {
      const known = settlementByExpiry.get(contract.expiry);
      // Two roots on one date (SPX AM and SPXW PM): the later settlement stands for the date.
      if (known === undefined || contract.settlement > known) settlementByExpiry.set(contract.expiry, contract.settlement);
    }
  }
  const liveExpiries = [...settlementByExpiry.keys()].sort();
  const kept = selectExpiries(expiryFilter, liveExpiries, evaluatedAt, (expiry) => settlementByExpiry.get(expiry) ?? 0);

  const skipped: SkippedCounts = { expired: 0, noOpenInterest: 0, noGamma: 0, adjusted: 0, filteredOut: 0 };
  const used: OptionContract[] = [];
  for (const contract of snapshot.contracts) {
    if (contract.settlement <= evaluatedAt) skipped.expired++;
    else if (contract.adjusted) skipped.adjusted++;
    else if (kept !== null && !kept.has(contract.expiry)) skipped.filteredOut++;
    else if (!(contract.openInterest > 0)) skipped.noOpenInterest++;
    else if (contract.iv === null && !(contract.gamma !== null && contract.gamma > 0)) skipped.noGamma++;
    else used.push(contract);
  }

  const count = used.length;
  const expiries = [...new Set(used.map((contract) => contract.expiry))].sort();
  const expiryPosition = new Map(expiries.map((expiry, index) => [expiry, index]));
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
    strike: new Float64Array(count),
    time: new Float64Array(count),
    isCall: new Uint8Array(count),
    signedUnits: new Float64Array(count),
    expiryIndex: new Uint16Array(count),
    expiries,
    settlementOfExpiry: expiries.map((expiry) => settlementByExpiry.get(expiry) ?? 0),
    gamma: new Float64Array(count),
    providerGamma: new Float64Array(count),
    gex: new Float64Array(count),
    fromIv: new Uint8Array(count),
    invStdDev: new Float64Array(count),
    offset: new Float64Array(count),
    weight: new Float64Array(count),
    fixedDollarGammaUnits: 0,
    skipped,
    warnings,
  };
  const callSign = dealerSign(signModel, 'C');
  const putSign = dealerSign(signModel, 'P');
  const dollarsPerGammaUnit = spot * spot * 0.01;
  let providerGammaUsed = 0;
  for (let i = 0; i < count; i++) {
    const contract = used[i];
    const time = (contract.settlement - evaluatedAt) / YEAR_MS;
    const units = (contract.type === 'C' ? callSign : putSign) * contract.openInterest * contract.multiplier;
    prepared.strike[i] = contract.strike;
    prepared.time[i] = time;
    prepared.isCall[i] = contract.type === 'C' ? 1 : 0;
    prepared.signedUnits[i] = units;
    prepared.expiryIndex[i] = expiryPosition.get(contract.expiry) ?? 0;
    prepared.providerGamma[i] = contract.gamma ?? Number.NaN;
    let gamma: number;
    if (contract.iv !== null) {
      const vol = contract.iv;
      const stdDev = vol * Math.sqrt(time);
      gamma = bsGamma(spot, contract.strike, time, vol, rate, dividend);
      prepared.fromIv[i] = 1;
      prepared.invStdDev[i] = 1 / stdDev;
      prepared.offset[i] = (Math.log(contract.strike) - (rate - dividend + 0.5 * vol * vol) * time) / stdDev;
      prepared.weight[i] = (units * Math.exp(-dividend * time)) / stdDev;
    } else {
      gamma = contract.gamma as number;
      providerGammaUsed++;
      prepared.fixedDollarGammaUnits += units * gamma;
    }
    prepared.gamma[i] = gamma;
    prepared.gex[i] = units * gamma * dollarsPerGammaUnit;
  }
  if (providerGammaUsed > 0) {
    warnings.push(`${providerGammaUsed} contracts have no IV: the provider's gamma is used for them, held fixed in the profile`);
  }
  if (count === 0) warnings.push('no contract has open interest and a gamma within the chosen expiries: every exposure is zero');
  return prepared;
}
