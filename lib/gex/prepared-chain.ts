/**
 * A chain made ready for exposure math: the contracts that count (live at the evaluation instant, with
 * open interest and an IV — their own, or their settlement instant's smile at their strike), held in
 * typed arrays with every per-contract constant hoisted, so the profile and the flip search re-price
 * thousands of contracts at many spots cheaply. Every contract is priced from an IV: no gamma is held
 * fixed across re-priced spots.
 */
import type { ChainSnapshot, OptionContract } from '../chain/model';
import { INV_SQRT_2PI, YEAR_MS } from './black-scholes';
import { dealerSign, type SignModel, CLASSIC } from './sign-model';
import { ALL_EXPIRIES, selectExpiries, type ExpiryFilter } from './expiry-filter';
import { estimateSpotFromParity } from './spot';
import { MAX_USABLE_IV, MIN_USABLE_IV, SmileBuilder, isUsableIv, smileIvAt, type Smile } from './smile';
import { currentOrNextSession } from '../market/sessions';
import { newYorkWallClock } from '../market/ny-time';

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
  /** No usable IV of their own and no smile on their settlement instant to take one from. */
  noGamma: number;
  adjusted: number;
  filteredOut: number;
}

/** The re-pricing constants the profile and the flip search need (a PreparedChain is one). */
export interface RepricingSet {
  spot: number;
  count: number;
  // d1(S') = ln(S') * invStdDev - offset; GEX(S') = 0.01 S' sum_i weight_i phi(d1_i(S')).
  invStdDev: Float64Array;
  offset: Float64Array;
  weight: Float64Array;
}

/**
 * Contracts settling in the current session with no open interest but volume: they count for no
 * level, only for the flip model that adds today's volume to 0DTE open interest (flip-models.ts).
 */
interface SessionVolumeOnly {
  count: number;
  contracts: OptionContract[];
  strike: Float64Array;
  time: Float64Array;
  isCall: Uint8Array;
  iv: Float64Array;
  invStdDev: Float64Array;
  offset: Float64Array;
  /** e^(-qT) / (sigma sqrt T): the re-pricing weight per unit of position. */
  unitWeight: Float64Array;
  /** Volume times multiplier. */
  volumeUnits: Float64Array;
}

export interface PreparedChain extends RepricingSet {
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
  /** Open interest times multiplier, unsigned (the flip models apply their own signs). */
  positionUnits: Float64Array;
  /** Volume times multiplier for contracts settling in the current session; 0 for the others. */
  sessionVolumeUnits: Float64Array;
  /** Index into `expiries`. */
  expiryIndex: Uint16Array;
  expiries: string[];
  settlementOfExpiry: number[];
  /** Close of the session in progress at the evaluation instant, or of the next one (the 0DTE session). */
  sessionClose: number;
  /** The IV each contract is priced with (its own, or its smile's). */
  iv: Float64Array;
  /** 1 where the IV came from the contract's smile, 0 where it is the contract's own. */
  ivFromSmile: Uint8Array;
  /** How many contracts were priced from their smile. */
  smileFilled: number;
  /** The smile of each settlement instant (UTC ms), built from out-of-the-money quotes at `spot`. */
  smiles: Map<number, Smile>;
  /** Black-Scholes gamma at spot from `iv`. */
  gamma: Float64Array;
  /** The provider's gamma (NaN when absent), kept beside ours for cross-checks only. */
  providerGamma: Float64Array;
  /** GEX at spot, dollars per 1% move, signed by the model. */
  gex: Float64Array;
  /** e^(-qT) / (sigma sqrt T): weight = signedUnits * unitWeight. */
  unitWeight: Float64Array;
  sessionVolumeOnly: SessionVolumeOnly;
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

/** Parallel arrays grown contract by contract (sized for the worst case, trimmed at the end). */
class Columns {
  readonly strike: Float64Array;
  readonly time: Float64Array;
  readonly isCall: Uint8Array;
  readonly units: Float64Array;
  readonly volumeUnits: Float64Array;
  readonly expiryIndex: Uint16Array;
  readonly iv: Float64Array;
  readonly fromSmile: Uint8Array;
  readonly providerGamma: Float64Array;
  readonly contracts: OptionContract[] = [];
  count = 0;

  constructor(size: number) {
    this.strike = new Float64Array(size);
    this.time = new Float64Array(size);
    this.isCall = new Uint8Array(size);
    this.units = new Float64Array(size);
    this.volumeUnits = new Float64Array(size);
    this.expiryIndex = new Uint16Array(size);
    this.iv = new Float64Array(size);
    this.fromSmile = new Uint8Array(size);
    this.providerGamma = new Float64Array(size);
  }

  /** Drops the rows where keep[i] is 0, preserving order. */
  compact(keep: Uint8Array): void {
    let to = 0;
    for (let from = 0; from < this.count; from++) {
      if (!keep[from]) continue;
      this.strike[to] = this.strike[from];
      this.time[to] = this.time[from];
      this.isCall[to] = this.isCall[from];
      this.units[to] = this.units[from];
      this.volumeUnits[to] = this.volumeUnits[from];
      this.expiryIndex[to] = this.expiryIndex[from];
      this.iv[to] = this.iv[from];
      this.fromSmile[to] = this.fromSmile[from];
      this.providerGamma[to] = this.providerGamma[from];
      this.contracts[to] = this.contracts[from];
      to++;
    }
    this.contracts.length = to;
    this.count = to;
  }
}

/** Where a contract without a usable IV of its own found none in its smile either. */
interface Unpriced {
  count: number;
  /** "SPXW 2024-01-08 16:00" -> contracts. */
  byInstant: Map<string, number>;
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
  const sessionClose = currentOrNextSession(evaluatedAt).close;

  // One pass over the contract objects (they are large and scattered in memory; touching them once
  // keeps the cost linear in chain size): the smile quotes, and what the math needs, copied out.
  const skipped: SkippedCounts = { expired: 0, noOpenInterest: 0, noGamma: 0, adjusted: 0, filteredOut: 0 };
  const total = snapshot.contracts.length;
  const main = new Columns(total);
  const volumeOnly: OptionContract[] = [];
  const smileBuilder = new SmileBuilder(spot);
  // Two roots on one date (SPX AM and SPXW PM): the later settlement stands for the date.
  const settlementByExpiry = new Map<string, number>();
  const firstSeenExpiries: string[] = [];
  let lastExpiry = '';
  let lastPosition = 0;
  let missingIv = 0;
  // Locals, not property loads, in the hot loop.
  const { strike, time, isCall, units, volumeUnits, providerGamma, expiryIndex, iv: ivs, contracts: used } = main;
  const yearMs = YEAR_MS;
  const minIv = MIN_USABLE_IV;
  const maxIv = MAX_USABLE_IV;
  let count = 0;
  for (const contract of snapshot.contracts) {
    const settlement = contract.settlement;
    if (settlement <= evaluatedAt) {
      skipped.expired++;
      continue;
    }
    if (contract.adjusted) {
      skipped.adjusted++;
      continue;
    }
    if (kept !== null && !kept.has(contract.expiry)) {
      skipped.filteredOut++;
      continue;
    }
    const iv = contract.iv;
    const usable = iv !== null && iv > minIv && iv <= maxIv; // isUsableIv, inlined for the hot loop
    // Every live quote with an IV shapes its smile, whatever its open interest.
    if (usable) smileBuilder.offer(settlement, contract.type, contract.strike, iv);
    const openInterest = contract.openInterest;
    if (!(openInterest > 0)) {
      if (contract.volume > 0 && settlement <= sessionClose) volumeOnly.push(contract);
      skipped.noOpenInterest++;
      continue;
    }
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
    const multiplier = contract.multiplier;
    const volume = contract.volume;
    strike[i] = contract.strike;
    time[i] = (settlement - evaluatedAt) / yearMs;
    isCall[i] = contract.type === 'C' ? 1 : 0;
    units[i] = openInterest * multiplier;
    volumeUnits[i] = settlement <= sessionClose && volume > 0 ? volume * multiplier : 0;
    providerGamma[i] = contract.gamma ?? Number.NaN;
    expiryIndex[i] = lastPosition; // first-seen order for now; re-mapped to date order below
    if (usable) {
      ivs[i] = iv;
    } else {
      ivs[i] = Number.NaN;
      missingIv++;
    }
  }
  main.count = count;

  // Contracts without a usable IV of their own take their settlement instant's smile at their strike.
  const smiles = smileBuilder.build();
  const unpriced: Unpriced = { count: 0, byInstant: new Map() };
  let smileFilled = 0;
  if (missingIv > 0) {
    const keep = new Uint8Array(main.count).fill(1);
    for (let i = 0; i < main.count; i++) {
      if (!Number.isNaN(main.iv[i])) continue;
      const smile = smiles.get(main.contracts[i].settlement);
      if (smile) {
        main.iv[i] = smileIvAt(smile, main.strike[i]);
        main.fromSmile[i] = 1;
        smileFilled++;
      } else {
        keep[i] = 0;
        noteUnpriced(unpriced, main.contracts[i]);
      }
    }
    if (unpriced.count > 0) {
      main.compact(keep);
      skipped.noGamma += unpriced.count;
      // An expiry may have lost all its contracts: rebuild the first-seen list from those kept.
      settlementByExpiry.clear();
      firstSeenExpiries.length = 0;
      const position = new Map<string, number>();
      for (let i = 0; i < main.count; i++) {
        const contract = main.contracts[i];
        const known = settlementByExpiry.get(contract.expiry);
        if (known === undefined) {
          position.set(contract.expiry, firstSeenExpiries.length);
          firstSeenExpiries.push(contract.expiry);
        }
        if (known === undefined || contract.settlement > known) settlementByExpiry.set(contract.expiry, contract.settlement);
        main.expiryIndex[i] = position.get(contract.expiry) as number;
      }
    }
  }
  count = main.count;
  const expiries = [...firstSeenExpiries].sort();
  const dateOrder = firstSeenExpiries.map((expiry) => expiries.indexOf(expiry));
  for (let i = 0; i < count; i++) main.expiryIndex[i] = dateOrder[main.expiryIndex[i]];

  // Pricing on the typed arrays only. Black-Scholes gamma from hoisted constants:
  // d1 = ln(S) / (sigma sqrt T) - offset, gamma = e^(-qT) phi(d1) / (S sigma sqrt T).
  const invStdDev = new Float64Array(count);
  const offset = new Float64Array(count);
  const unitWeight = new Float64Array(count);
  const weight = new Float64Array(count);
  const signedUnits = new Float64Array(count);
  const gamma = new Float64Array(count);
  const gex = new Float64Array(count);
  const callSign = dealerSign(signModel, 'C');
  const putSign = dealerSign(signModel, 'P');
  const dollarsPerGammaUnit = spot * spot * 0.01;
  const logSpot = Math.log(spot);
  const drift = rate - dividend;
  const invSqrt2Pi = INV_SQRT_2PI;
  for (let i = 0; i < count; i++) {
    const years = time[i];
    const iv = ivs[i];
    const inv = 1 / (iv * Math.sqrt(years));
    const center = (Math.log(strike[i]) - (drift + 0.5 * iv * iv) * years) * inv;
    const perUnit = (dividend === 0 ? 1 : Math.exp(-dividend * years)) * inv;
    const signed = (isCall[i] ? callSign : putSign) * units[i];
    const d1 = logSpot * inv - center;
    const g = (perUnit * invSqrt2Pi * Math.exp(-0.5 * d1 * d1)) / spot;
    invStdDev[i] = inv;
    offset[i] = center;
    unitWeight[i] = perUnit;
    weight[i] = signed * perUnit;
    signedUnits[i] = signed;
    gamma[i] = g;
    gex[i] = signed * g * dollarsPerGammaUnit;
  }

  const sessionVolumeOnly = prepareVolumeOnly(volumeOnly, smiles, evaluatedAt, drift, dividend);
  const prepared: PreparedChain = {
    underlying: snapshot.underlying,
    spot,
    asOf: snapshot.asOf,
    evaluatedAt,
    rate,
    dividend,
    signModel,
    expiryFilter,
    contracts: main.contracts,
    count,
    strike: main.strike.subarray(0, count),
    time: main.time.subarray(0, count),
    isCall: main.isCall.subarray(0, count),
    signedUnits,
    positionUnits: main.units.subarray(0, count),
    sessionVolumeUnits: main.volumeUnits.subarray(0, count),
    expiryIndex: main.expiryIndex.subarray(0, count),
    expiries,
    settlementOfExpiry: expiries.map((expiry) => settlementByExpiry.get(expiry) ?? 0),
    sessionClose,
    iv: main.iv.subarray(0, count),
    ivFromSmile: main.fromSmile.subarray(0, count),
    smileFilled,
    smiles,
    gamma,
    providerGamma: main.providerGamma.subarray(0, count),
    gex,
    invStdDev,
    offset,
    unitWeight,
    weight,
    sessionVolumeOnly,
    skipped,
    warnings,
  };
  if (smileFilled > 0) warnings.push(`${smileFilled} contracts had no usable IV and were priced from their expiry's smile`);
  if (unpriced.count > 0) warnings.push(describeUnpriced(unpriced));
  if (count === 0) warnings.push('no contract has open interest and a gamma within the chosen expiries: every exposure is zero');
  return prepared;
}

function instantLabel(contract: OptionContract): string {
  const wall = newYorkWallClock(contract.settlement);
  return `${contract.root} ${contract.expiry} ${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')} New York`;
}

function noteUnpriced(unpriced: Unpriced, contract: OptionContract): void {
  unpriced.count++;
  const label = instantLabel(contract);
  unpriced.byInstant.set(label, (unpriced.byInstant.get(label) ?? 0) + 1);
}

function describeUnpriced(unpriced: Unpriced): string {
  const listed = [...unpriced.byInstant].slice(0, 5).map(([label, count]) => `${label} (${count})`);
  const more = unpriced.byInstant.size > 5 ? ` and ${unpriced.byInstant.size - 5} more` : '';
  return (
    `${unpriced.count} contracts had no usable IV and no smile to take one from (no out-of-the-money quote with an IV ` +
    `settles with them) and are left out: ${listed.join(', ')}${more}`
  );
}

/** The session's volume-only contracts, priced like the others (their own IV, else their smile's). */
function prepareVolumeOnly(
  contracts: OptionContract[],
  smiles: Map<number, Smile>,
  evaluatedAt: number,
  drift: number,
  dividend: number,
): SessionVolumeOnly {
  const priced: OptionContract[] = [];
  const ivs: number[] = [];
  for (const contract of contracts) {
    if (isUsableIv(contract.iv)) {
      priced.push(contract);
      ivs.push(contract.iv);
      continue;
    }
    const smile = smiles.get(contract.settlement);
    if (smile) {
      priced.push(contract);
      ivs.push(smileIvAt(smile, contract.strike));
    }
  }
  const count = priced.length;
  const set: SessionVolumeOnly = {
    count,
    contracts: priced,
    strike: new Float64Array(count),
    time: new Float64Array(count),
    isCall: new Uint8Array(count),
    iv: Float64Array.from(ivs),
    invStdDev: new Float64Array(count),
    offset: new Float64Array(count),
    unitWeight: new Float64Array(count),
    volumeUnits: new Float64Array(count),
  };
  priced.forEach((contract, i) => {
    const time = (contract.settlement - evaluatedAt) / YEAR_MS;
    const iv = ivs[i];
    const inv = 1 / (iv * Math.sqrt(time));
    set.strike[i] = contract.strike;
    set.time[i] = time;
    set.isCall[i] = contract.type === 'C' ? 1 : 0;
    set.invStdDev[i] = inv;
    set.offset[i] = (Math.log(contract.strike) - (drift + 0.5 * iv * iv) * time) * inv;
    set.unitWeight[i] = Math.exp(-dividend * time) * inv;
    set.volumeUnits[i] = contract.volume * contract.multiplier;
  });
  return set;
}
