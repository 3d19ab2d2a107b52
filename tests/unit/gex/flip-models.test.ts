/** The flip's model band: each model's flip against an independent brute-force search on the real fixtures. */
import { describe, expect, it } from 'vitest';
import { parseChainText } from '../../../lib/chain/parse';
import type { ChainSnapshot, OptionContract } from '../../../lib/chain/model';
import { computeLevels, levelsOfPreparedChain } from '../../../lib/gex/levels';
import { prepareChain } from '../../../lib/gex/prepared-chain';
import { describeFlipBand, FLIP_MODELS, flipModels, type FlipModelName } from '../../../lib/gex/flip-models';
import { currentOrNextSession } from '../../../lib/market/sessions';
import { FIXTURES, fixtureText } from '../fixtures';
import { referenceBook, referenceNearestFlip, type ReferenceOptions } from './reference';
import { syntheticSnapshot } from './synthetic';

const snapshots = new Map<string, ChainSnapshot>();
function snapshot(name: string): ChainSnapshot {
  if (!snapshots.has(name)) snapshots.set(name, parseChainText(fixtureText(name)));
  return snapshots.get(name)!;
}

/** Each model as the design card words it, in the reference's own terms. */
function referenceModel(chain: ChainSnapshot, model: FlipModelName): ReferenceOptions {
  const sessionClose = currentOrNextSession(chain.asOf).close;
  const settlesThisSession = (contract: OptionContract) => contract.settlement <= sessionClose;
  const nearestExpiry = referenceBook(chain)
    .map((row) => row.contract.expiry)
    .sort()[0];
  switch (model) {
    case 'classic':
      return {};
    case 'ex-0dte':
      return { include: (contract) => !settlesThisSession(contract) };
    case 'ex-next':
      return { include: (contract) => contract.expiry !== nearestExpiry };
    case 'oi+volume-0dte':
      return { quantity: (contract) => contract.openInterest + (settlesThisSession(contract) ? contract.volume : 0) };
    case 'short-all':
      return { callSign: -1, putSign: -1 };
  }
}

describe.each([FIXTURES.spx, FIXTURES.spy, FIXTURES.nvda, FIXTURES.spyJson])('flip models on %s', (name) => {
  it("the band spans the models' flips and contains the classic flip, which is the levels' flip", () => {
    const parsed = snapshot(name);
    const chain = prepareChain(parsed);
    const { levels } = levelsOfPreparedChain(chain, parsed.warnings);
    const result = flipModels(chain);
    expect(result.models.map((model) => model.model)).toEqual(FLIP_MODELS.map((info) => info.model));
    const classic = result.models.find((model) => model.model === 'classic')!;
    expect(classic.flip).toBe(levels.flip); // the same search, done once
    const flips = result.models.map((model) => model.flip).filter((flip): flip is number => flip !== null);
    expect(result.band).toEqual({ low: Math.min(...flips), high: Math.max(...flips) });
    expect(result.band!.low).toBeLessThanOrEqual(classic.flip!);
    expect(result.band!.high).toBeGreaterThanOrEqual(classic.flip!);
    for (const model of result.models) {
      if (model.flip === null) expect(model.noCrossingSide).not.toBeNull();
      else expect(model.flips).toContain(model.flip);
    }
  });
});

describe.each([FIXTURES.spx, FIXTURES.spy])('each model against the reference on %s', (name) => {
  it.each(FLIP_MODELS.map((info) => info.model))('%s', (model) => {
    const chain = snapshot(name);
    const ours = flipModels(prepareChain(chain)).models.find((result) => result.model === model)!;
    const reference = referenceNearestFlip(referenceBook(chain, referenceModel(chain, model)), chain.spot!);
    if (reference.flip === null) {
      expect(ours.flip).toBeNull();
      expect(ours.noCrossingSide).toBe(reference.side);
    } else {
      expect(ours.flip).not.toBeNull();
      expect(Math.abs(ours.flip! - reference.flip)).toBeLessThan(0.01);
    }
  });
});

describe('what each model changes, on the real fixtures', () => {
  it("SPX 2024-01-07: ex-0dte and ex-next both drop Monday 2024-01-08, the session's expiry", () => {
    const chain = prepareChain(snapshot(FIXTURES.spx));
    expect(currentOrNextSession(chain.evaluatedAt).date).toBe('2024-01-08');
    expect(chain.expiries[0]).toBe('2024-01-08');
    const byModel = Object.fromEntries(flipModels(chain).models.map((result) => [result.model, result]));
    expect(byModel['ex-0dte'].flip).toBe(byModel['ex-next'].flip);
    expect(byModel['short-all'].flip).toBeNull();
    expect(byModel['short-all'].noCrossingSide).toBe('negative');
  });

  it('NVDA 2025-01-06 has no expiry in the next session: ex-0dte is classic, ex-next drops 2025-01-10', () => {
    const chain = prepareChain(snapshot(FIXTURES.nvda));
    expect(chain.expiries[0]).toBe('2025-01-10');
    const byModel = Object.fromEntries(flipModels(chain).models.map((result) => [result.model, result]));
    expect(byModel['ex-0dte'].flip).toBeCloseTo(byModel.classic.flip!, 6);
    expect(byModel['oi+volume-0dte'].flip).toBeCloseTo(byModel.classic.flip!, 6);
    expect(byModel['ex-next'].flip).not.toBeCloseTo(byModel.classic.flip!, 0);
  });
});

describe('oi+volume-0dte', () => {
  it('counts contracts of the session with volume and no open interest, as new positions with classic signs', () => {
    // Monday 2024-01-08 10:00: a put-heavy book far below, a call-heavy book far above; the session's
    // 100 call has no open interest but traded 50,000 contracts today.
    const contracts = [
      { type: 'P' as const, strike: 95, openInterest: 1000, iv: 0.2, expiry: '2024-02-16' },
      { type: 'C' as const, strike: 105, openInterest: 1000, iv: 0.2, expiry: '2024-02-16' },
    ];
    const base = syntheticSnapshot({ spot: 100, contracts });
    const withVolume = syntheticSnapshot({
      spot: 100,
      contracts: [...contracts, { type: 'C', strike: 101, openInterest: 0, iv: 0.2, expiry: '2024-01-08' }],
    });
    withVolume.contracts[2].volume = 50000;
    const chain = prepareChain(withVolume);
    expect(chain.count).toBe(2); // it counts for no level
    expect(chain.skipped.noOpenInterest).toBe(1);
    const byModel = Object.fromEntries(flipModels(chain).models.map((result) => [result.model, result]));
    const plain = flipModels(prepareChain(base)).models.find((result) => result.model === 'classic')!;
    expect(byModel.classic.flip).toBeCloseTo(plain.flip!, 9);
    // Long 50,000 session calls at 101 add positive gamma around 101: the flip moves down.
    expect(byModel['oi+volume-0dte'].flip!).toBeLessThan(plain.flip! - 0.1);
    const reference = referenceNearestFlip(
      referenceBook(withVolume, {
        quantity: (contract) => contract.openInterest + (contract.expiry === '2024-01-08' ? contract.volume : 0),
      }),
      100,
    );
    expect(Math.abs(byModel['oi+volume-0dte'].flip! - reference.flip!)).toBeLessThan(0.001);
  });
});

describe('one flip search shared by the levels and the classic model', () => {
  it("levels after the models reuse the classic model's search; other sign models keep their own", () => {
    const chain = snapshot(FIXTURES.spy);
    const prepared = prepareChain(chain);
    const models = flipModels(prepared);
    const { levels } = levelsOfPreparedChain(prepared, chain.warnings);
    expect(levels.flip).toBe(models.models[0].flip);
    expect(Math.abs(levels.flip! - computeLevels(chain).flip!)).toBeLessThan(0.002);
    const shortAll = prepareChain(chain, { signModel: { kind: 'short-all' } });
    flipModels(shortAll);
    const shortLevels = levelsOfPreparedChain(shortAll, chain.warnings).levels;
    expect(shortLevels.flip).toBeNull();
    expect(shortLevels.flipNone?.side).toBe('negative');
  });
});

describe('the band in one line', () => {
  it('names the band and how many models have a flip', () => {
    const models = (flips: (number | null)[]) => ({
      models: FLIP_MODELS.map((info, k) => ({
        model: info.model,
        flip: flips[k],
        flips: flips[k] === null ? [] : [flips[k]],
        noCrossingSide: flips[k] === null ? ('negative' as const) : null,
      })),
      band: flips.some((flip) => flip !== null)
        ? {
            low: Math.min(...flips.filter((flip): flip is number => flip !== null)),
            high: Math.max(...flips.filter((flip): flip is number => flip !== null)),
          }
        : null,
      searchRange: [0, 1] as [number, number],
    });
    expect(describeFlipBand(4724.7, models([4724.7, 4702, 4741, 4710, 4730]))).toBe('Flip 4724.7 (4702.0–4741.0 across 5 models)');
    expect(describeFlipBand(4734.71, models([4734.71, 4736.8, 4736.8, 4712.5, null]))).toBe(
      'Flip 4734.7 (4712.5–4736.8 across 4 of 5 models)',
    );
    expect(describeFlipBand(null, models([null, null, null, null, null]))).toBe('No flip (none under any of the 5 models)');
  });
});
