/**
 * The implied-volatility smile of one settlement instant, used to price contracts the source gives no
 * usable IV for (DESIGN.md, Gamma_i). Built from the out-of-the-money quotes that have a usable IV —
 * puts struck below spot, calls struck at or above it, the side whose IV the market quotes most
 * reliably —, linear in strike between them, flat beyond the outermost.
 *
 * One smile per settlement instant, not per date: SPX (09:30) and SPXW (16:00) on the same date are
 * different options with different smiles.
 */
import type { OptionType } from '../chain/model';

/** Above this, a source's IV is a placeholder (CBOE prints 26.001 for 2600%), not a volatility. */
export const MAX_USABLE_IV = 5;
/** At or below this, a source's IV means "none" (see normalizeIv in lib/chain/model.ts). */
export const MIN_USABLE_IV = 1e-4;

export function isUsableIv(iv: number | null | undefined): iv is number {
  return typeof iv === 'number' && Number.isFinite(iv) && iv > MIN_USABLE_IV && iv <= MAX_USABLE_IV;
}

/** The side of the chain a smile takes its IV from at this strike: puts below spot, calls at or above. */
function isSmileQuote(type: OptionType, strike: number, spot: number): boolean {
  return type === 'P' ? strike < spot : strike >= spot;
}

export interface Smile {
  /** UTC ms of the settlement instant this smile belongs to. */
  settlement: number;
  /** Ascending, distinct. */
  strikes: Float64Array;
  /** IV (decimal) at each strike. */
  ivs: Float64Array;
}

/** IV at a strike: linear between the smile's points, flat beyond the outermost. */
export function smileIvAt(smile: Smile, strike: number): number {
  const { strikes, ivs } = smile;
  const last = strikes.length - 1;
  if (strike <= strikes[0]) return ivs[0];
  if (strike >= strikes[last]) return ivs[last];
  // Binary search for the segment [strikes[low], strikes[low + 1]] holding the strike.
  let low = 0;
  let high = last;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (strikes[middle] <= strike) low = middle;
    else high = middle;
  }
  const t = (strike - strikes[low]) / (strikes[high] - strikes[low]);
  return ivs[low] + t * (ivs[high] - ivs[low]);
}

interface SmilePoints {
  strikes: number[];
  ivs: number[];
  /** Where each ascending run of strikes starts (a chain may list calls, then puts: two runs). */
  runStarts: number[];
}

/** Collects smile quotes instant by instant, then builds the smiles. */
export class SmileBuilder {
  private readonly points = new Map<number, SmilePoints>();
  // Chains come grouped by expiry: most quotes belong to the previous quote's instant.
  private lastSettlement = Number.NaN;
  private last: SmilePoints | null = null;

  constructor(private readonly spot: number) {}

  /** Offers a quote; kept when it is on the smile's side of spot and has a usable IV. */
  offer(settlement: number, type: OptionType, strike: number, iv: number | null): void {
    if (!isUsableIv(iv) || !isSmileQuote(type, strike, this.spot)) return;
    let points = this.last;
    if (settlement !== this.lastSettlement || points === null) {
      points = this.points.get(settlement) ?? null;
      if (points === null) this.points.set(settlement, (points = { strikes: [], ivs: [], runStarts: [0] }));
      this.last = points;
      this.lastSettlement = settlement;
    }
    const count = points.strikes.length;
    if (count > 0 && strike < points.strikes[count - 1]) points.runStarts.push(count);
    points.strikes.push(strike);
    points.ivs.push(iv);
  }

  build(): Map<number, Smile> {
    const smiles = new Map<number, Smile>();
    for (const [settlement, points] of this.points) {
      const { strikes: outStrikes, ivs: outIvs } =
        points.runStarts.length === 1
          ? collapseSorted(points.strikes, points.ivs)
          : collapseSorted(...mergeRuns(points.strikes, points.ivs, points.runStarts));
      smiles.set(settlement, { settlement, strikes: outStrikes, ivs: outIvs });
    }
    return smiles;
  }
}

/** Ascending strikes, one IV each: quotes at one strike (two roots, one instant) are averaged. */
function collapseSorted(strikes: ArrayLike<number>, ivs: ArrayLike<number>): { strikes: Float64Array; ivs: Float64Array } {
  const outStrikes = new Float64Array(strikes.length);
  const outIvs = new Float64Array(strikes.length);
  let count = 0;
  let runCount = 0;
  for (let k = 0; k < strikes.length; k++) {
    const strike = strikes[k];
    if (count > 0 && outStrikes[count - 1] === strike) {
      runCount++;
      outIvs[count - 1] += (ivs[k] - outIvs[count - 1]) / runCount;
    } else {
      outStrikes[count] = strike;
      outIvs[count] = ivs[k];
      count++;
      runCount = 1;
    }
  }
  return { strikes: outStrikes.subarray(0, count), ivs: outIvs.subarray(0, count) };
}

/** Quotes in ascending runs, merged pairwise into one ascending sequence (strikes with their IVs). */
function mergeRuns(strikes: readonly number[], ivs: readonly number[], runStarts: readonly number[]): [Float64Array, Float64Array] {
  const n = strikes.length;
  let fromStrikes = Float64Array.from(strikes);
  let fromIvs = Float64Array.from(ivs);
  let toStrikes = new Float64Array(n);
  let toIvs = new Float64Array(n);
  let bounds = [...runStarts, n];
  while (bounds.length > 2) {
    const next: number[] = [0];
    for (let r = 0; r + 1 < bounds.length; r += 2) {
      const start = bounds[r];
      const middle = bounds[r + 1];
      const end = r + 2 < bounds.length ? bounds[r + 2] : middle;
      let a = start;
      let b = middle;
      let out = start;
      while (a < middle && b < end) {
        if (fromStrikes[b] < fromStrikes[a]) {
          toStrikes[out] = fromStrikes[b];
          toIvs[out++] = fromIvs[b++];
        } else {
          toStrikes[out] = fromStrikes[a];
          toIvs[out++] = fromIvs[a++];
        }
      }
      for (; a < middle; a++, out++) {
        toStrikes[out] = fromStrikes[a];
        toIvs[out] = fromIvs[a];
      }
      for (; b < end; b++, out++) {
        toStrikes[out] = fromStrikes[b];
        toIvs[out] = fromIvs[b];
      }
      next.push(end);
    }
    [fromStrikes, toStrikes] = [toStrikes, fromStrikes];
    [fromIvs, toIvs] = [toIvs, fromIvs];
    bounds = next;
  }
  return [fromStrikes, fromIvs];
}

/** The smiles of every settlement instant of a set of contracts, split at `spot`. */
export function buildSmiles(
  contracts: Iterable<{ settlement: number; type: OptionType; strike: number; iv: number | null }>,
  spot: number,
): Map<number, Smile> {
  const builder = new SmileBuilder(spot);
  for (const contract of contracts) builder.offer(contract.settlement, contract.type, contract.strike, contract.iv);
  return builder.build();
}
