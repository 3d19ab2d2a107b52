/** Chains that give the engine nothing easy: it must say what it can and cannot tell, never crash. */
import { describe, expect, it } from 'vitest';
import { computeLevels } from '../../../lib/gex/levels';
import { EngineInputError } from '../../../lib/gex/prepared-chain';
import { syntheticSnapshot, type SyntheticContract } from './synthetic';
import { referenceExposures } from './reference';

const strikes = [90, 95, 100, 105, 110];
const both = (openInterest: number, iv: number | null): SyntheticContract[] =>
  strikes.flatMap((strike) => [
    { type: 'C' as const, strike, openInterest, iv, gamma: iv === null ? 0 : null },
    { type: 'P' as const, strike, openInterest, iv, gamma: iv === null ? 0 : null },
  ]);

describe('degenerate chains', () => {
  it('no open interest: zero exposure, flat regime, no walls, no flip (and says why)', () => {
    const levels = computeLevels(syntheticSnapshot({ spot: 100, contracts: both(0, 0.2) }));
    expect(levels).toMatchObject({
      totalGex: 0,
      regime: 'flat',
      flip: null,
      flips: [],
      callWall: null,
      putWall: null,
      absGammaStrike: null,
      contractsUsed: 0,
    });
    expect(levels.flipNone?.side).toBe('zero');
    expect(levels.contractsSkipped.noOpenInterest).toBe(10);
    expect(levels.warnings.join('\n')).toMatch(/no contract has open interest/);
  });

  it('all calls: positive everywhere under the classic model, no flip, the side reported', () => {
    const calls = both(100, 0.2).filter((contract) => contract.type === 'C');
    const levels = computeLevels(syntheticSnapshot({ spot: 100, contracts: calls }));
    expect(levels.regime).toBe('positive');
    expect(levels.flip).toBeNull();
    expect(levels.flipNone).toEqual({ side: 'positive', searchedFrom: 70, searchedTo: 130 });
    expect(levels.putWall).toBeNull();
    expect(levels.callWall).toBe(100);
    expect(levels.warnings.join('\n')).toMatch(/no gamma flip between 70.00 and 130.00: total GEX stays positive/);
    // Dealers short all: the same chain is negative throughout.
    const short = computeLevels(syntheticSnapshot({ spot: 100, contracts: calls }), { signModel: { kind: 'short-all' } });
    expect(short.regime).toBe('negative');
    expect(short.flipNone?.side).toBe('negative');
    expect(short.callWall).toBe(100);
  });

  it('a single strike: both walls there, the flip where call and put gamma balance', () => {
    // Call OI 300 above put OI 100 at the same strike and IV: net positive at every spot, no flip.
    const levels = computeLevels(
      syntheticSnapshot({
        spot: 100,
        contracts: [
          { type: 'C', strike: 100, openInterest: 300, iv: 0.25 },
          { type: 'P', strike: 100, openInterest: 100, iv: 0.25 },
        ],
      }),
    );
    expect(levels.callWall).toBe(100);
    expect(levels.putWall).toBe(100);
    expect(levels.absGammaStrike).toBe(100);
    expect(levels.flip).toBeNull();
    expect(levels.byStrike).toHaveLength(1);
    // Net = (300 - 100) / 300 of the call side.
    expect(levels.byStrike[0].net).toBeCloseTo((levels.byStrike[0].call * 2) / 3, 6);
  });

  it('a put-heavy low strike and call-heavy high strike cross once, between them', () => {
    const snapshot = syntheticSnapshot({
      spot: 100,
      contracts: [
        { type: 'P', strike: 95, openInterest: 1000, iv: 0.2 },
        { type: 'C', strike: 105, openInterest: 1000, iv: 0.2 },
      ],
    });
    const levels = computeLevels(snapshot);
    expect(levels.flips).toHaveLength(1);
    expect(levels.flip!).toBeGreaterThan(95);
    expect(levels.flip!).toBeLessThan(105);
    const below = referenceExposures(snapshot, { priceAt: levels.flip! - 0.01 }).total;
    const above = referenceExposures(snapshot, { priceAt: levels.flip! + 0.01 }).total;
    expect(below).toBeLessThan(0);
    expect(above).toBeGreaterThan(0);
  });

  it('IV zero everywhere: no smile to price from, so nothing is used (the provider gamma never is), and it says so', () => {
    const noGamma = computeLevels(syntheticSnapshot({ spot: 100, contracts: both(100, null) }));
    expect(noGamma.contractsUsed).toBe(0);
    expect(noGamma.contractsSkipped.noGamma).toBe(10);
    expect(noGamma.totalGex).toBe(0);
    const withProviderGamma = computeLevels(
      syntheticSnapshot({
        spot: 100,
        contracts: [
          { type: 'C', strike: 100, openInterest: 10, iv: null, gamma: 0.04 },
          { type: 'P', strike: 100, openInterest: 30, iv: null, gamma: 0.04 },
        ],
      }),
    );
    expect(withProviderGamma.contractsUsed).toBe(0);
    expect(withProviderGamma.totalGex).toBe(0);
    expect(withProviderGamma.warnings.join('\n')).toMatch(
      /2 contracts had no usable IV and no smile to take one from .* left out: XYZ 2024-02-16 16:00 New York \(2\)/,
    );
  });

  it('spot missing: estimated from call/put parity and said; with no quotes, a clear error', () => {
    const quoted = strikes.flatMap((strike) => [
      { type: 'C' as const, strike, openInterest: 10, iv: 0.2, bid: Math.max(0, 101 - strike) + 1, ask: Math.max(0, 101 - strike) + 1.2 },
      { type: 'P' as const, strike, openInterest: 10, iv: 0.2, bid: Math.max(0, strike - 101) + 1, ask: Math.max(0, strike - 101) + 1.2 },
    ]);
    const levels = computeLevels(syntheticSnapshot({ spot: null, contracts: quoted }));
    // At K = 100: C mid 2.1, P mid 1.1 -> S ~ 100 + 2.1 - 1.1 = 101.
    expect(levels.spot).toBeCloseTo(101, 9);
    expect(levels.warnings.join('\n')).toMatch(/spot 101.00 was estimated from call\/put parity/);
    expect(() => computeLevels(syntheticSnapshot({ spot: null, contracts: both(10, 0.2) }))).toThrow(EngineInputError);
    expect(() => computeLevels(syntheticSnapshot({ spot: null, contracts: both(10, 0.2) }))).toThrow(/no underlying price/);
  });
});
