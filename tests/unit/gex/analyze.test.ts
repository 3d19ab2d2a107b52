/**
 * The one analysis entry moves no number: on the four real fixtures it gives exactly what the engine's
 * parts give (each tested against the textbook reference elsewhere), and it prepares each chain once
 * per (snapshot, assumptions, filter).
 */
import { describe, expect, it } from 'vitest';
import { parseChainText } from '../../../lib/chain/parse';
import { analyzeChain } from '../../../lib/gex/analyze';
import { assumptionsFor } from '../../../lib/gex/assumptions';
import { computeLevels } from '../../../lib/gex/levels';
import { prepareChain } from '../../../lib/gex/prepared-chain';
import { heatmapGrid } from '../../../lib/gex/heatmap';
import { profilePoints } from '../../../lib/gex/profile';
import { FIXTURES, fixtureText } from '../fixtures';

describe('analyzeChain', () => {
  it.each(Object.values(FIXTURES))("gives the engine's numbers on %s", (name) => {
    const snapshot = parseChainText(fixtureText(name));
    const assumptions = assumptionsFor(snapshot.underlying);
    const settings = {
      rate: assumptions.rate,
      dividend: assumptions.dividendYield,
      signModel: assumptions.signModel,
      transitionBand: assumptions.transitionBand,
    };
    const analysis = analyzeChain(snapshot, assumptions);
    expect(analysis.levels).toEqual(computeLevels(snapshot, settings));
    const chain = prepareChain(snapshot, settings);
    expect(analysis.heatmap()).toEqual(heatmapGrid(chain));
    expect(analysis.profile(41)).toEqual(profilePoints(chain, chain.spot * 0.8, chain.spot * 1.2, 41));
    expect(analysis.assumptions).toEqual({
      rate: 0.04,
      dividendYield: ['SPX', 'SPY'].includes(snapshot.underlying) ? 0.013 : 0,
      signModel: 'classic: dealers long calls, short puts',
      expiryFilter: 'all expiries',
    });
  });

  it('prepares the chain once per snapshot, assumptions and filter, and shares it between views', () => {
    const snapshot = parseChainText(fixtureText(FIXTURES.spy));
    const assumptions = assumptionsFor('SPY');
    const first = analyzeChain(snapshot, assumptions, { kind: '0dte' });
    expect(analyzeChain(snapshot, { ...assumptions }, { kind: '0dte' })).toBe(first);
    expect(first.heatmap()).toBe(first.heatmap());
    expect(analyzeChain(snapshot, assumptions, { kind: 'all' }).chain).not.toBe(first.chain);
    expect(analyzeChain(snapshot, { ...assumptions, rate: 0.05 }, { kind: '0dte' })).not.toBe(first);
    // A parse of the same text is another snapshot: nothing is shared by accident.
    expect(analyzeChain(parseChainText(fixtureText(FIXTURES.spy)), assumptions, { kind: '0dte' })).not.toBe(first);
  });
});
