/**
 * DESIGN.md's worked check: a dealer short 100 calls of delta 0.50 and gamma 0.05 (multiplier 100)
 * holds -5,000 deltas; a $1 rise makes it -5,500, so 500 more shares must be bought; a $1 fall lets it
 * sell 500.
 */
import { describe, expect, it } from 'vitest';
import { prepareChain } from '../../../lib/gex/prepared-chain';
import { computeLevels } from '../../../lib/gex/levels';
import { hedgeSharesForMove } from '../../../lib/gex/hedge';
import { contractExposures } from '../../../lib/gex/greek-exposure';
import { syntheticSnapshot, SYNTHETIC_AS_OF } from './synthetic';
import { settlementInstant } from '../../../lib/market/settlement';

describe('the worked dealer example', () => {
  // Every contract is priced from an IV, so the example's call is given the IV and strike at which
  // Black-Scholes (r = q = 0) yields exactly delta 0.50 and gamma 0.05 at spot 50:
  //   delta = N(d1) = 0.5  <=>  d1 = 0  <=>  ln(S/K) + v^2/2 = 0  <=>  K = S e^(v^2/2), v = sigma sqrt(T);
  //   gamma = phi(0) / (S v) = 0.05  <=>  v = phi(0) / 2.5 = 0.1595769...
  const years = (settlementInstant('XYZ', '2024-02-16') - SYNTHETIC_AS_OF) / (365 * 86400000);
  const v = 1 / Math.sqrt(2 * Math.PI) / 2.5;
  const strike = 50 * Math.exp((v * v) / 2);
  const iv = v / Math.sqrt(years);
  const snapshot = syntheticSnapshot({ spot: 50, contracts: [{ type: 'C', strike, openInterest: 100, iv, delta: 0.5 }] });

  it('is priced at delta 0.50 and gamma 0.05', () => {
    const chain = prepareChain(snapshot, { signModel: { kind: 'short-all' } });
    expect(chain.gamma[0]).toBeCloseTo(0.05, 12);
    // DEX = s delta OI m S = -1 * 0.5 * 100 * 100 * 50 dollars = -5,000 deltas (shares) at $50.
    expect(contractExposures(chain, 'delta')[0]).toBeCloseTo(-250000, 6);
    expect(contractExposures(chain, 'delta')[0] / 50).toBeCloseTo(-5000, 8);
  });

  it('holds -5,000 deltas and must buy 500 shares on a $1 rise, sell 500 on a $1 fall', () => {
    const chain = prepareChain(snapshot, { signModel: { kind: 'short-all' } });
    const dealerDelta = -1 * 0.5 * 100 * 100;
    expect(dealerDelta).toBe(-5000);
    const gexPerPct = chain.gex[0];
    expect(hedgeSharesForMove(gexPerPct, 50, +1)).toBeCloseTo(500, 9);
    expect(hedgeSharesForMove(gexPerPct, 50, -1)).toBeCloseTo(-500, 9);
    // After the rise the position is -5,500 deltas: -5,000 + (-500).
    expect(dealerDelta - hedgeSharesForMove(gexPerPct, 50, +1)).toBeCloseTo(-5500, 9);
  });

  it('reports the same as hedge flow per 1% move, in dollars and shares', () => {
    const levels = computeLevels(snapshot, { signModel: { kind: 'short-all' } });
    // GEX = -1 * 0.05 * 100 * 100 * 50^2 * 0.01 = -12,500 dollars per 1% move = -250 shares per 1% (0.50 move).
    expect(levels.totalGex).toBeCloseTo(-12500, 6);
    expect(levels.hedgeFlowPerPct).toEqual({ dollars: levels.totalGex, shares: levels.totalGex / 50 });
    expect(levels.hedgeFlowPerPct.shares).toBeCloseTo(-250, 9);
  });
});
