/**
 * Hysteresis: a state changes only once the price is clearly past the line, never on a price that
 * hovers at it. Each function takes the state it had and returns the state it has now; `band` is the
 * hysteresis width in price units (the caller turns the setting's fraction of price into points).
 */

export type Side = 'above' | 'below';

/**
 * The side of `level` the price is on. Without a previous side it is read plainly (at the level counts
 * as above); after that it changes only when the price is beyond the level by more than `band`.
 */
export function sideOfLevel(price: number, level: number, band: number, previous: Side | null): Side {
  if (previous === null) return price >= level ? 'above' : 'below';
  if (previous === 'above') return price < level - band ? 'below' : 'above';
  return price > level + band ? 'above' : 'below';
}

/**
 * Within `distance` of a level: entered at `distance` or closer, left only beyond `distance + band`
 * (a price wobbling at the edge of the zone stays in it).
 */
export function withinDistance(price: number, level: number, distance: number, band: number, wasWithin: boolean): boolean {
  const away = Math.abs(price - level);
  return wasWithin ? away <= distance + band : away <= distance;
}

/**
 * A level moved from where it started by more than `threshold`: entered beyond `threshold`, left only
 * once back within `threshold - band` (a level that sits at the threshold does not count twice).
 */
export function movedBeyond(change: number, threshold: number, band: number, wasMoved: boolean): boolean {
  const size = Math.abs(change);
  return wasMoved ? size >= Math.max(0, threshold - band) : size > threshold;
}
