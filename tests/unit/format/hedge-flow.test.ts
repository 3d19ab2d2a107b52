/** Hedge flow said in words: the direction from the sign, the amount unsigned, zero as zero. */
import { describe, expect, it } from 'vitest';
import { describeHedgeFlow, hedgeFlowShort, rallyTrade } from '../../../lib/format/hedge-flow';

describe('hedge flow in words', () => {
  it('negative GEX (the SPX sample, -$15.39B): dealers buy into the rally and sell into drops', () => {
    const flow = { dollars: -15392346587.62, shares: -3276890.11 };
    expect(rallyTrade(flow)).toBe('buy');
    expect(describeHedgeFlow(flow)).toBe('dealers buy about $15.4B (3.28M shares) for each 1% rally and sell into drops');
    expect(hedgeFlowShort(flow)).toBe('buy $15.4B per 1% rally');
  });

  it('positive GEX ($20.68B, 4.40M shares at spot 4,700): dealers sell into the rally and buy into drops', () => {
    const flow = { dollars: 20.68e9, shares: 20.68e9 / 4700 };
    expect(rallyTrade(flow)).toBe('sell');
    expect(describeHedgeFlow(flow)).toBe('dealers sell about $20.7B (4.40M shares) for each 1% rally and buy into drops');
  });

  it('zero (or a few cents, or not a number) is said as zero, never as a direction', () => {
    for (const dollars of [0, -0, 0.3, -0.4, Number.NaN]) {
      expect(rallyTrade({ dollars, shares: 0 })).toBeNull();
      expect(describeHedgeFlow({ dollars, shares: 0 })).toBe("dealers' hedging nets to zero: no flow either way for a 1% move");
      expect(hedgeFlowShort({ dollars, shares: 0 })).toBe('nets to zero');
    }
  });

  it('small amounts keep their units: $850K, $42', () => {
    expect(describeHedgeFlow({ dollars: -850_000, shares: -181 })).toBe(
      'dealers buy about $850K (181 shares) for each 1% rally and sell into drops',
    );
    expect(describeHedgeFlow({ dollars: 42, shares: 0.009 })).toBe(
      'dealers sell about $42 (0 shares) for each 1% rally and buy into drops',
    );
  });
});
