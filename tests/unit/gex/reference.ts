/**
 * An independent, deliberately plain implementation of the design card's definitions, written for the
 * tests only: per-contract loops over the parsed snapshot, textbook formulas, no shared code with lib/gex.
 */
import type { ChainSnapshot, OptionContract } from '../../../lib/chain/model';

const YEAR = 365 * 86400 * 1000;

function textbookD1(spot: number, strike: number, years: number, vol: number, rate: number, dividend: number): number {
  return (Math.log(spot / strike) + (rate - dividend + (vol * vol) / 2) * years) / (vol * Math.sqrt(years));
}

export function textbookGamma(spot: number, strike: number, years: number, vol: number, rate: number, dividend: number): number {
  const d1 = textbookD1(spot, strike, years, vol, rate, dividend);
  const density = Math.exp((-d1 * d1) / 2) / Math.sqrt(2 * Math.PI);
  return (Math.exp(-dividend * years) * density) / (spot * vol * Math.sqrt(years));
}

/** Standard normal CDF by Simpson's rule on the density from 0 (independent of lib's rational approximation). */
function textbookNormalCdf(x: number): number {
  const steps = 400; // Simpson's error ~ h^4: below 1e-10 for |x| <= 8
  const h = Math.abs(x) / steps;
  const f = (t: number) => Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI);
  let sum = f(0) + f(Math.abs(x));
  for (let k = 1; k < steps; k++) sum += (k % 2 === 1 ? 4 : 2) * f(k * h);
  const half = (sum * h) / 3;
  return x >= 0 ? 0.5 + half : 0.5 - half;
}

/** Black-Scholes-Merton delta with dividend yield: e^(-qT) N(d1) for calls, -e^(-qT) N(-d1) for puts. */
export function textbookDelta(
  type: 'C' | 'P',
  spot: number,
  strike: number,
  years: number,
  vol: number,
  rate: number,
  dividend: number,
): number {
  const d1 = textbookD1(spot, strike, years, vol, rate, dividend);
  const carry = Math.exp(-dividend * years);
  return type === 'C' ? carry * textbookNormalCdf(d1) : -carry * textbookNormalCdf(-d1);
}

/** A usable IV per the design card: present, above the "none" placeholder 1e-4, at most 500%. */
function usable(iv: number | null): iv is number {
  return iv !== null && iv > 1e-4 && iv <= 5;
}

/**
 * The IV a contract is priced with: its own when usable, else its settlement instant's smile at its
 * strike — straight-line between the nearest out-of-the-money quotes with a usable IV below and above
 * (puts struck under `spot`, calls at or over it), the outermost quote's IV beyond them — or null when
 * its instant has no such quote. Quotes at one strike (two roots, one instant) are averaged.
 */
export function referenceIv(snapshot: ChainSnapshot, contract: OptionContract, spot: number): number | null {
  if (usable(contract.iv)) return contract.iv;
  const quotes = new Map<number, number[]>();
  for (const other of snapshot.contracts) {
    if (other.settlement !== contract.settlement || other.adjusted || !usable(other.iv)) continue;
    const outOfTheMoney = other.type === 'P' ? other.strike < spot : other.strike >= spot;
    if (!outOfTheMoney) continue;
    quotes.set(other.strike, [...(quotes.get(other.strike) ?? []), other.iv]);
  }
  if (quotes.size === 0) return null;
  const points = [...quotes].map(([strike, ivs]) => ({ strike, iv: ivs.reduce((a, b) => a + b, 0) / ivs.length }));
  let below: { strike: number; iv: number } | null = null;
  let above: { strike: number; iv: number } | null = null;
  for (const point of points) {
    if (point.strike <= contract.strike && (below === null || point.strike > below.strike)) below = point;
    if (point.strike >= contract.strike && (above === null || point.strike < above.strike)) above = point;
  }
  if (below === null) return above!.iv;
  if (above === null) return below.iv;
  if (above.strike === below.strike) return below.iv;
  return below.iv + ((above.iv - below.iv) * (contract.strike - below.strike)) / (above.strike - below.strike);
}

export interface ReferenceOptions {
  at?: number;
  rate?: number;
  dividend?: number;
  callSign?: number;
  putSign?: number;
  /** Spot at which to price (the snapshot's by default). */
  priceAt?: number;
  /** The chain's spot, where the smiles split puts from calls (the snapshot's by default). */
  spot?: number;
  /** Leave a contract out (e.g. a flip model's exclusions). */
  include?: (contract: OptionContract) => boolean;
  /** The position counted, in contracts (open interest by default). */
  quantity?: (contract: OptionContract) => number;
}

const smileCache = new WeakMap<ChainSnapshot, Map<number, Map<string, number | null>>>();

/** One priced position of the book: what the textbook formula needs. */
export interface BookRow {
  contract: OptionContract;
  strike: number;
  years: number;
  iv: number;
  /** Dealer sign x quantity x multiplier. */
  signedUnits: number;
}

/** The positions that count, each with its IV (own or smile) and signed size. */
export function referenceBook(snapshot: ChainSnapshot, options: ReferenceOptions = {}): BookRow[] {
  const at = options.at ?? snapshot.asOf;
  const spot = options.spot ?? (snapshot.spot as number);
  const rows: BookRow[] = [];
  // Smiles are found per missing-IV contract; cache them per snapshot, spot, instant and strike.
  let bySpot = smileCache.get(snapshot);
  if (!bySpot) smileCache.set(snapshot, (bySpot = new Map()));
  let cache = bySpot.get(spot);
  if (!cache) bySpot.set(spot, (cache = new Map()));
  for (const contract of snapshot.contracts) {
    if (contract.settlement <= at || contract.adjusted) continue;
    if (options.include && !options.include(contract)) continue;
    const quantity = options.quantity ? options.quantity(contract) : contract.openInterest;
    if (!(quantity > 0)) continue;
    const key = `${contract.settlement}:${contract.strike}`;
    let iv: number | null;
    if (usable(contract.iv)) iv = contract.iv;
    else if (cache.has(key)) iv = cache.get(key)!;
    else cache.set(key, (iv = referenceIv(snapshot, contract, spot)));
    if (iv === null) continue;
    const sign = contract.type === 'C' ? (options.callSign ?? 1) : (options.putSign ?? -1);
    rows.push({
      contract,
      strike: contract.strike,
      years: (contract.settlement - at) / YEAR,
      iv,
      signedUnits: sign * quantity * contract.multiplier,
    });
  }
  return rows;
}

/** Total GEX of a book at a spot. */
function bookGexAt(book: readonly BookRow[], priceAt: number, rate = 0, dividend = 0): number {
  let total = 0;
  for (const row of book)
    total += row.signedUnits * textbookGamma(priceAt, row.strike, row.years, row.iv, rate, dividend) * priceAt * priceAt * 0.01;
  return total;
}

/** Sum of GEX (dollars per 1% move) per strike for calls and puts, plus the total. */
export function referenceExposures(snapshot: ChainSnapshot, options: ReferenceOptions = {}) {
  const priceAt = options.priceAt ?? (snapshot.spot as number);
  const calls = new Map<number, number>();
  const puts = new Map<number, number>();
  let total = 0;
  for (const row of referenceBook(snapshot, options)) {
    const gamma = textbookGamma(priceAt, row.strike, row.years, row.iv, options.rate ?? 0, options.dividend ?? 0);
    const gex = row.signedUnits * gamma * priceAt * priceAt * 0.01;
    const side = row.contract.type === 'C' ? calls : puts;
    side.set(row.strike, (side.get(row.strike) ?? 0) + gex);
    total += gex;
  }
  return { calls, puts, total };
}

/**
 * The flip nearest spot by brute force: total GEX stepped outward from spot in 0.05% steps, both ways,
 * over [0.7 S, 1.3 S]; the first sign change found (the nearer side on a tie) bisected to 1e-6 of spot.
 * null with the side GEX holds when there is none.
 */
export function referenceNearestFlip(
  book: readonly BookRow[],
  spot: number,
): { flip: number | null; side: 'positive' | 'negative' | null } {
  const step = spot * 0.0005;
  const at = (x: number) => bookGexAt(book, x);
  const bisect = (a: number, b: number) => {
    let fa = at(a);
    while (Math.abs(b - a) > spot * 1e-6) {
      const middle = (a + b) / 2;
      const fm = at(middle);
      if (Math.sign(fm) === Math.sign(fa)) {
        a = middle;
        fa = fm;
      } else b = middle;
    }
    return (a + b) / 2;
  };
  const atSpot = at(spot);
  let upPrevious = atSpot;
  let downPrevious = atSpot;
  for (let k = 1; spot + k * step <= 1.3 * spot || spot - k * step >= 0.7 * spot; k++) {
    const up = spot + k * step;
    const down = spot - k * step;
    const upValue = up <= 1.3 * spot ? at(up) : upPrevious;
    const downValue = down >= 0.7 * spot ? at(down) : downPrevious;
    const upFlip = Math.sign(upValue) !== Math.sign(upPrevious) ? bisect(up - step, up) : null;
    const downFlip = Math.sign(downValue) !== Math.sign(downPrevious) ? bisect(down + step, down) : null;
    if (upFlip !== null || downFlip !== null) {
      if (upFlip === null) return { flip: downFlip, side: null };
      if (downFlip === null) return { flip: upFlip, side: null };
      return { flip: Math.abs(upFlip - spot) <= Math.abs(downFlip - spot) ? upFlip : downFlip, side: null };
    }
    upPrevious = upValue;
    downPrevious = downValue;
  }
  return { flip: null, side: atSpot > 0 ? 'positive' : 'negative' };
}

/** The key with the largest |value|. */
export function argMaxAbs(values: Map<number, number>): number {
  let best = Number.NaN;
  let bestValue = -1;
  for (const [key, value] of values) {
    if (Math.abs(value) > bestValue) {
      best = key;
      bestValue = Math.abs(value);
    }
  }
  return best;
}
