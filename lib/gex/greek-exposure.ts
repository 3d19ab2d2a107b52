/**
 * Dealer exposures beyond gamma (DESIGN.md "Other exposures"), per contract of a prepared chain, each
 * in dollars of the underlying so they add across strikes and expiries:
 *
 *   gamma (GEX): s Gamma OI m S^2 0.01   dollars of dealer delta change per 1% move of the underlying
 *   delta (DEX): s Delta OI m S          dollars of underlying the dealers' options are worth in delta
 *   vanna (VEX): s Vanna OI m S 0.01     dollars of dealer delta change per 1 vol-point rise in IV
 *   charm (CEX): s Charm OI m S / 365    dollars of dealer delta change per calendar day that passes
 *
 * with s the dealer sign, m the multiplier, Black-Scholes greeks from the IV each contract is priced
 * with (its own or its smile's; see prepared-chain.ts), Vanna = dDelta/dsigma (per 1.00 of vol) and
 * Charm = -dDelta/dT (per year, time passing). Shares: divide any of them by S.
 */
import type { PreparedChain } from './prepared-chain';
import { bsGreeks } from './black-scholes';

export type Greek = 'gamma' | 'delta' | 'vanna' | 'charm';

export const GREEKS: readonly Greek[] = ['gamma', 'delta', 'vanna', 'charm'];

export interface GreekExposureInfo {
  greek: Greek;
  /** Short label: GEX, DEX, VEX, CEX. */
  short: string;
  name: string;
  /** The unit, as the UI and the CLI print it. */
  unit: string;
  /** One sentence for help texts. */
  description: string;
}

export const GREEK_EXPOSURE_INFO: Readonly<Record<Greek, GreekExposureInfo>> = {
  gamma: {
    greek: 'gamma',
    short: 'GEX',
    name: 'gamma exposure',
    unit: '$ of dealer delta per 1% move',
    description:
      'How much dealer delta changes when the underlying moves 1%: the dollars dealers trade to stay hedged (sell into rallies when positive, buy when negative).',
  },
  delta: {
    greek: 'delta',
    short: 'DEX',
    name: 'delta exposure',
    unit: '$ of underlying (delta x OI x multiplier x spot)',
    description:
      "The dealers' option position as an equivalent holding of the underlying, in dollars; the hedge they hold against it is the opposite.",
  },
  vanna: {
    greek: 'vanna',
    short: 'VEX',
    name: 'vanna exposure',
    unit: '$ of dealer delta per 1 vol-point rise in IV',
    description:
      'How much dealer delta changes when implied volatility rises by one point (0.01), in dollars of the underlying; an IV drop moves it the other way.',
  },
  charm: {
    greek: 'charm',
    short: 'CEX',
    name: 'charm exposure',
    unit: '$ of dealer delta per calendar day',
    description: 'How much dealer delta changes as one calendar day passes with spot and IV unchanged, in dollars of the underlying.',
  },
};

/** Reads a greek as the CLI and settings spell it; null when unknown. */
export function parseGreek(text: string): Greek | null {
  const value = text.trim().toLowerCase();
  return (GREEKS as readonly string[]).includes(value) ? (value as Greek) : null;
}

const cache = new WeakMap<PreparedChain, Partial<Record<Greek, Float64Array>>>();

/**
 * Each contract's exposure to a greek at the chain's spot, parallel to the chain's arrays, signed by
 * the chain's dealer sign model. For gamma this is the chain's own `gex` array (identical numbers).
 */
export function contractExposures(chain: PreparedChain, greek: Greek): Float64Array {
  if (greek === 'gamma') return chain.gex;
  let known = cache.get(chain);
  if (!known) cache.set(chain, (known = {}));
  const cached = known[greek];
  if (cached) return cached;
  const values = new Float64Array(chain.count);
  const spot = chain.spot;
  // Per contract: signedUnits x greek x the dollars that turn it into the stated unit.
  const scale = greek === 'delta' ? spot : greek === 'vanna' ? spot * 0.01 : spot / 365;
  for (let i = 0; i < chain.count; i++) {
    const greeks = bsGreeks({
      spot,
      strike: chain.strike[i],
      time: chain.time[i],
      vol: chain.iv[i],
      rate: chain.rate,
      dividend: chain.dividend,
      type: chain.isCall[i] ? 'C' : 'P',
    });
    values[i] = chain.signedUnits[i] * greeks[greek] * scale;
  }
  known[greek] = values;
  return values;
}
