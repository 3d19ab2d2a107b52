/**
 * How much the flip depends on its assumptions: the flip nearest spot under a fixed, named set of
 * models (DESIGN.md "Flip models"), and the band [low, high] of those that exist.
 *
 * Every model is a linear combination of the same contracts' re-priced gamma with its own signs and
 * quantities, so one prepared chain serves all: contracts are split into groups (call/put x nearest
 * expiry x current session, plus the session's volume), the search grid is summed once per group in a
 * single pass, and each model combines the group sums with its own coefficients. Only the Brent
 * refinement of each model's brackets evaluates the chain again.
 */
import type { PreparedChain, RepricingSet } from './prepared-chain';
import { addGaussiansOnLogGrid, D1_CUTOFF } from './profile';
import { flipSearchGrid, flipsOnGrid, rememberedFlips, rememberFlips } from './flip';
import { dealerSign } from './sign-model';
import { INV_SQRT_2PI } from './black-scholes';

export type FlipModelName = 'classic' | 'ex-0dte' | 'ex-next' | 'oi+volume-0dte' | 'short-all';

export interface FlipModelInfo {
  model: FlipModelName;
  description: string;
}

export const FLIP_MODELS: readonly FlipModelInfo[] = [
  { model: 'classic', description: 'open interest; dealers long calls, short puts' },
  { model: 'ex-0dte', description: 'classic without the contracts settling in the current session' },
  { model: 'ex-next', description: 'classic without the nearest expiry' },
  { model: 'oi+volume-0dte', description: "classic, with the session's volume added to 0DTE open interest as new positions" },
  { model: 'short-all', description: 'open interest; dealers short calls and puts' },
];

interface FlipModelResult {
  model: FlipModelName;
  /** The crossing nearest spot, or null. */
  flip: number | null;
  /** Every crossing in the search range, ascending. */
  flips: number[];
  /** With no crossing: the sign total GEX holds over the search range. */
  noCrossingSide: 'positive' | 'negative' | 'zero' | null;
}

export interface FlipModels {
  models: FlipModelResult[];
  /** [min, max] of the models' flips that exist; null when none has one. */
  band: { low: number; high: number } | null;
  searchRange: [number, number];
}

// Groups: bit 0 call, bit 1 nearest expiry, bit 2 settles in the current session; 8 + call for the
// session's volume (added quantities).
const CALL = 1;
const NEXT = 2;
const SESSION = 4;
const VOLUME = 8;
const GROUPS = 10;

function coefficients(model: FlipModelName): Float64Array {
  const c = new Float64Array(GROUPS);
  for (let g = 0; g < VOLUME; g++) {
    const classic = g & CALL ? 1 : -1;
    switch (model) {
      case 'classic':
      case 'oi+volume-0dte':
        c[g] = classic;
        break;
      case 'ex-0dte':
        c[g] = g & SESSION ? 0 : classic;
        break;
      case 'ex-next':
        c[g] = g & NEXT ? 0 : classic;
        break;
      case 'short-all':
        c[g] = -1;
        break;
    }
  }
  if (model === 'oi+volume-0dte') {
    c[VOLUME + CALL] = 1;
    c[VOLUME] = -1;
  }
  return c;
}

/** The chain's contracts as unsigned re-pricing weights with their group, plus the session's volume. */
function groupedSet(chain: PreparedChain): RepricingSet & { group: Uint8Array } {
  const volumeOnly = chain.sessionVolumeOnly;
  let withVolume = 0;
  for (let i = 0; i < chain.count; i++) if (chain.sessionVolumeUnits[i] > 0) withVolume++;
  const size = chain.count + withVolume + volumeOnly.count;
  const invStdDev = new Float64Array(size);
  const offset = new Float64Array(size);
  const weight = new Float64Array(size);
  const group = new Uint8Array(size);
  let k = 0;
  let extra = chain.count;
  for (let i = 0; i < chain.count; i++, k++) {
    const call = chain.isCall[i] ? CALL : 0;
    const e = chain.expiryIndex[i];
    invStdDev[k] = chain.invStdDev[i];
    offset[k] = chain.offset[i];
    weight[k] = chain.positionUnits[i] * chain.unitWeight[i];
    // The nearest date is expiries[0]; the session test is per date, as for the levels' 0DTE share.
    group[k] = call | (e === 0 ? NEXT : 0) | (chain.settlementOfExpiry[e] <= chain.sessionClose ? SESSION : 0);
    const volume = chain.sessionVolumeUnits[i];
    if (volume > 0) {
      invStdDev[extra] = chain.invStdDev[i];
      offset[extra] = chain.offset[i];
      weight[extra] = volume * chain.unitWeight[i];
      group[extra] = VOLUME + call;
      extra++;
    }
  }
  for (let v = 0; v < volumeOnly.count; v++, extra++) {
    invStdDev[extra] = volumeOnly.invStdDev[v];
    offset[extra] = volumeOnly.offset[v];
    weight[extra] = volumeOnly.volumeUnits[v] * volumeOnly.unitWeight[v];
    group[extra] = VOLUME + (volumeOnly.isCall[v] ? CALL : 0);
  }
  return { spot: chain.spot, count: size, invStdDev, offset, weight, group };
}

/** Total GEX of one model at one spot, summed directly (the function Brent refines on). */
function modelGexAt(set: RepricingSet & { group: Uint8Array }, coefficient: Float64Array, spot: number): number {
  const logSpot = Math.log(spot);
  const { invStdDev, offset, weight, group, count } = set;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const c = coefficient[group[i]];
    if (c === 0) continue;
    const d = logSpot * invStdDev[i] - offset[i];
    if (d > D1_CUTOFF || d < -D1_CUTOFF) continue;
    sum += c * weight[i] * Math.exp(-0.5 * d * d);
  }
  return 0.01 * spot * INV_SQRT_2PI * sum;
}

/** The flip nearest spot under every model of FLIP_MODELS, from one prepared chain, and their band. */
export function flipModels(chain: PreparedChain): FlipModels {
  const set = groupedSet(chain);
  const grid = flipSearchGrid(chain.spot);
  const sumsByGroup = Array.from({ length: GROUPS }, () => new Float64Array(grid.points));
  addGaussiansOnLogGrid(set, grid.x0, grid.dx, sumsByGroup, set.group);
  // When the chain itself carries classic signs, its own flip search is the classic model's.
  const chainIsClassic = dealerSign(chain.signModel, 'C') === 1 && dealerSign(chain.signModel, 'P') === -1;
  const known = chainIsClassic ? rememberedFlips(chain) : undefined;
  const models = FLIP_MODELS.map(({ model }): FlipModelResult => {
    if (model === 'classic' && known) return { model, flip: known.nearest, flips: known.flips, noCrossingSide: known.noCrossingSide };
    const coefficient = coefficients(model);
    const sums = new Float64Array(grid.points);
    for (let g = 0; g < GROUPS; g++) {
      const c = coefficient[g];
      if (c === 0) continue;
      const groupSums = sumsByGroup[g];
      for (let j = 0; j < grid.points; j++) sums[j] += c * groupSums[j];
    }
    const result = flipsOnGrid(chain.spot, grid, sums, (spot) => modelGexAt(set, coefficient, spot));
    if (model === 'classic' && chainIsClassic) rememberFlips(chain, result);
    return { model, flip: result.nearest, flips: result.flips, noCrossingSide: result.noCrossingSide };
  });
  const existing = models.map((result) => result.flip).filter((flip): flip is number => flip !== null);
  const band = existing.length > 0 ? { low: Math.min(...existing), high: Math.max(...existing) } : null;
  return { models, band, searchRange: [grid.low, grid.high] };
}

/**
 * One line for the popup: "Flip 4734.7 (4712.5–4736.8 across 4 of 5 models)". `flip` is the flip of the
 * model in use (the levels' flip).
 */
export function describeFlipBand(flip: number | null, result: FlipModels): string {
  const withFlip = result.models.filter((model) => model.flip !== null).length;
  const total = result.models.length;
  const across = withFlip === total ? `across ${total} models` : `across ${withFlip} of ${total} models`;
  const head = flip === null ? 'No flip' : `Flip ${flip.toFixed(1)}`;
  if (result.band === null) return `${head} (none under any of the ${total} models)`;
  return `${head} (${result.band.low.toFixed(1)}–${result.band.high.toFixed(1)} ${across})`;
}
