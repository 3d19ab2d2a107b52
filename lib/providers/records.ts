/** Shared by the JSON providers: one vendor record -> a normalized contract or a rejection reason. */
import type { OptionContract } from '../chain/model';
import { parseOcc } from '../chain/occ';
import { buildContract, numberOrNull, type ContractFields } from '../chain/contract';
import type { ValueTally } from '../chain/contract-values';

/** The contract, or why not; values that cannot be real are read as missing and counted in `tally`. */
export function contractFromRecord(symbol: unknown, fields: ContractFields, asOf: number, tally: ValueTally): OptionContract | string {
  if (typeof symbol !== 'string') return 'no option symbol';
  const occ = parseOcc(symbol);
  if (typeof occ === 'string') return `bad option symbol: ${occ}`;
  return buildContract(occ, fields, asOf, tally);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Tradier returns one item as an object and several as an array. */
export function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === null || value === undefined ? [] : [value];
}

export { numberOrNull };
