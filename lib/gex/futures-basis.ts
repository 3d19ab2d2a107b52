/**
 * The futures basis from the chain's own forwards (DESIGN.md "Futures basis"): the forward at the
 * options expiry on the futures contract's settlement date, minus spot. When the chain has no expiry on
 * that date, the forward is derived from its neighbours' implied carry, ln(F / S), taken as linear in
 * time between the two expiries around the date, or extended from the nearest expiry's carry rate
 * beyond the chain's range; the result then says so (exact: false). A basis the user sets wins over
 * this one (the caller's rule).
 */
import type { ExpiryForward } from './forward';
import { resolveFuturesContract, type FuturesContract } from '../market/futures';
import { YEAR_MS } from './black-scholes';

export interface FuturesBasis {
  /** Points to add to an option-derived level to place it on the futures chart. */
  basis: number;
  /** The forward at the futures settlement. */
  forward: number;
  /** The options expiry the forward comes from (the futures settlement date when derived). */
  expiry: string;
  /** True when an options expiry falls on the futures settlement date. */
  exact: boolean;
  /** "basis +39.3 from the SPX Mar-15 forward". */
  description: string;
  contract: FuturesContract;
  /** The forwards it was taken or derived from. */
  from: ExpiryForward[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dayLabel(date: string): string {
  return `${MONTHS[Number(date.slice(5, 7)) - 1]}-${date.slice(8, 10)}`;
}

function forwardLabel(forward: ExpiryForward): string {
  return `${forward.roots.join('/')} ${dayLabel(forward.expiry)}`;
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(1)}`;
}

/** The basis of a futures contract from the chain's forwards, or null when there are none. */
export function futuresBasis(
  contract: FuturesContract,
  forwards: readonly ExpiryForward[],
  spot: number,
  evaluatedAt: number,
): FuturesBasis | null {
  if (forwards.length === 0 || !(spot > 0) || contract.settlement <= evaluatedAt) return null;
  // On the date: the options settling at the futures' own instant (AM), else any on that date.
  const sameDate = forwards.filter((forward) => forward.expiry === contract.settlementDate);
  const exact = sameDate.find((forward) => forward.settlement === contract.settlement) ?? sameDate[0];
  if (exact) {
    const basis = exact.forward - spot;
    return {
      basis,
      forward: exact.forward,
      expiry: exact.expiry,
      exact: true,
      description: `basis ${signed(basis)} from the ${forwardLabel(exact)} forward`,
      contract,
      from: [exact],
    };
  }
  const years = (contract.settlement - evaluatedAt) / YEAR_MS;
  const carry = (forward: ExpiryForward) => Math.log(forward.forward / spot);
  const sorted = [...forwards].sort((a, b) => a.settlement - b.settlement);
  let before: ExpiryForward | null = null;
  let after: ExpiryForward | null = null;
  for (const forward of sorted) {
    if (forward.settlement < contract.settlement) before = forward;
    else if (after === null) after = forward;
  }
  let forward: number;
  let how: string;
  let from: ExpiryForward[];
  const missing = `no options expiry on ${dayLabel(contract.settlementDate)}`;
  if (before && after) {
    const t = (years - before.years) / (after.years - before.years);
    forward = spot * Math.exp(carry(before) + t * (carry(after) - carry(before)));
    how = `interpolated between the ${forwardLabel(before)} and ${forwardLabel(after)} forwards (${missing})`;
    from = [before, after];
  } else {
    // Beyond the chain's expiries: the nearest one's carry rate, extended in time.
    const nearest = (before ?? after) as ExpiryForward;
    forward = spot * Math.exp((carry(nearest) / nearest.years) * years);
    how = `extrapolated from the ${forwardLabel(nearest)} forward's carry (${missing})`;
    from = [nearest];
  }
  const basis = forward - spot;
  return { basis, forward, expiry: contract.settlementDate, exact: false, description: `basis ${signed(basis)} ${how}`, contract, from };
}

/** The basis for a chart symbol (ES1!, CME_MINI:ESH2024, ...) at an instant; null when it is no quarterly index future. */
export function futuresBasisForSymbol(
  chartSymbol: string,
  forwards: readonly ExpiryForward[],
  spot: number,
  evaluatedAt: number,
): FuturesBasis | null {
  const contract = resolveFuturesContract(chartSymbol, evaluatedAt);
  return contract ? futuresBasis(contract, forwards, spot, evaluatedAt) : null;
}
