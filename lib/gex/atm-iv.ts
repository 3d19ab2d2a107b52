/**
 * At-the-money implied volatility: the mean IV of the call and put struck nearest spot on the first
 * expiry that settles after the current session (0DTE IV swings too much to compare across hours).
 */
import type { ChainSnapshot } from '../chain/model';
import { currentOrNextSession } from '../market/sessions';

export interface AtmIv {
  iv: number;
  expiry: string;
  strike: number;
}

export function atmIv(snapshot: ChainSnapshot, now = snapshot.asOf, spot = snapshot.spot): AtmIv | null {
  if (spot === null) return null;
  const sessionClose = currentOrNextSession(now).close;
  let expiry: string | null = null;
  for (const contract of snapshot.contracts) {
    if (contract.settlement > sessionClose && contract.iv !== null && (expiry === null || contract.expiry < expiry))
      expiry = contract.expiry;
  }
  if (expiry === null) return null;
  let strike = Number.NaN;
  for (const contract of snapshot.contracts) {
    if (contract.expiry === expiry && contract.iv !== null && !(Math.abs(contract.strike - spot) >= Math.abs(strike - spot)))
      strike = contract.strike;
  }
  const ivs = snapshot.contracts
    .filter(
      (contract) => contract.expiry === expiry && contract.strike === strike && contract.iv !== null && contract.settlement > sessionClose,
    )
    .map((contract) => contract.iv as number);
  return { iv: ivs.reduce((sum, iv) => sum + iv, 0) / ivs.length, expiry, strike };
}
