import { describe, expect, it } from 'vitest';
import { parseChainText } from '../../../lib/chain/parse';
import { computeLevels, type Levels } from '../../../lib/gex/levels';
import { sessionChecklist } from '../../../lib/gex/checklist';
import { levelsAsCsv, levelsAsPriceList } from '../../../lib/gex/export';
import { FIXTURES, fixtureText } from '../fixtures';

const spx = computeLevels(parseChainText(fixtureText(FIXTURES.spx)));
const spy = computeLevels(parseChainText(fixtureText(FIXTURES.spy)));

describe('session checklist', () => {
  /** formatDollars' two decimals with the real minus, written out here: −$20.40B. */
  const billions = (value: number, plus = false) => `${value < 0 ? '\u2212' : plus ? '+' : ''}$${(Math.abs(value) / 1e9).toFixed(2)}B`;

  it("asks the routine's questions in order, each with a verdict in words", () => {
    const items = sessionChecklist(spx, null);
    expect(items.map((item) => item.id)).toEqual([
      'regime',
      'levels',
      'dominant-expiry',
      'concentration',
      'volume-not-exposure',
      'iv-shift',
      'roll-off',
    ]);
    expect(items.map((item) => item.title)).toEqual([
      'Which gamma regime are we in?',
      'Where are the flip and walls?',
      'Which expiry carries the exposure?',
      'Is exposure near the money?',
      'What the open interest cannot say',
      'Has implied volatility moved since?',
      'What rolls off today?',
    ]);
    for (const item of items) {
      expect(item.verdictLabel.length).toBeGreaterThan(3);
      expect(item.verdictLabel).not.toBe(item.verdictLabel.toUpperCase()); // words, not a shouted tag
      expect(['ok', 'watch', 'alert', 'info']).toContain(item.verdict);
    }
  });

  it('tags the regime, marks flip and walls with their distance, names the dominant expiry', () => {
    const byId = Object.fromEntries(sessionChecklist(spx, null).map((item) => [item.id, item]));
    // Negative gamma on the SPX sample: total GEX −$20.40B per 1% move.
    expect(spx.totalGex).toBeLessThan(0);
    expect(byId.regime).toMatchObject({ verdict: 'alert', verdictLabel: 'Negative gamma — moves can run' });
    expect(byId.regime.text).toBe(
      `The total GEX at spot 4697.24 is ${billions(spx.totalGex)} per 1% move: dealer hedging adds to moves (buys rallies, sells dips); expect wider swings.`,
    );
    expect(byId.levels.text).toBe(
      `From spot 4697.24: flip ${spx.flip!.toFixed(1)} (+${(spx.flip! - 4697.2402).toFixed(1)}), call wall 4800 (+102.8), put wall 4700 (+2.8).`,
    );
    // 4700 − 4697.24 = 2.76 points, 0.06% of spot: at the wall, not "below" it.
    expect(byId.levels).toMatchObject({ verdict: 'watch', verdictLabel: 'Spot at the put wall' });
    expect(byId['dominant-expiry']).toMatchObject({ verdict: 'info', verdictLabel: 'Monthly OPEX 2024-01-19' });
    expect(byId['dominant-expiry'].text).toBe(
      `2024-01-19 (monthly OPEX) holds ${(spx.dominantExpiry!.share * 100).toFixed(1)}% of |GEX| struck within ±2% of spot.`,
    );
    expect(byId['volume-not-exposure'].text).toContain("the model's assumption (classic: dealers long calls, short puts)");
    expect(byId['iv-shift']).toMatchObject({ verdict: 'info', verdictLabel: 'Nothing to compare yet' });
    expect(byId['roll-off']).toMatchObject({
      verdict: 'ok',
      verdictLabel: 'Little expires',
      text: '2.7% of |GEX| settles in the 2024-01-08 session.',
    }); // Monday's share
  });

  it('says when spot sits between the walls, and in words when the regime is positive', () => {
    const levels = { ...spx, regime: 'positive', totalGex: 2.5e9, callWall: 4800, putWall: 4650 } as Levels;
    const byId = Object.fromEntries(sessionChecklist(levels, null).map((item) => [item.id, item]));
    expect(byId.regime).toMatchObject({ verdict: 'ok', verdictLabel: 'Positive gamma — ranges tend to hold' });
    expect(byId.regime.text).toBe(
      'The total GEX at spot 4697.24 is +$2.50B per 1% move: dealer hedging leans against moves (sells rallies, buys dips).',
    );
    expect(byId.levels).toMatchObject({ verdict: 'ok', verdictLabel: 'Spot between the walls' });
    expect(byId.levels.text).toContain('put wall 4650 (−47.2)'); // 4650 − 4697.24
  });

  it('flags a transition regime, both walls on one strike, 0DTE dominance, heavy roll-off and an IV shift', () => {
    // SPY after the close on 2023-09-14: spot within 0.5% of the flip; Friday's expiry dominates.
    const items = Object.fromEntries(
      sessionChecklist(spy, { from: 0.12, to: 0.15, change: 0.03, flagged: true }).map((item) => [item.id, item]),
    );
    expect(spy.regime).toBe('transition');
    const away = ((Math.abs(spy.spot - spy.flip!) / spy.spot) * 100).toFixed(1);
    expect(items.regime).toMatchObject({ verdict: 'watch', verdictLabel: 'At the flip — the regime can change' });
    expect(items.regime.text).toBe(
      `Spot 450.81 is ${away}% from the flip ${spy.flip!.toFixed(1)}, inside the transition band: a small move can turn dealer hedging around (total GEX ${billions(spy.totalGex, true)} per 1% move).`,
    );
    // The 0DTE at-the-money strike is the largest on both sides.
    expect([spy.callWall, spy.putWall]).toEqual([450, 450]);
    expect(items.levels).toMatchObject({ verdict: 'watch', verdictLabel: 'Both walls on one strike' });
    expect(items.levels.text).toContain(
      'call wall and put wall are the same strike, 450 (−0.8): the exposure is concentrated there on both sides',
    );
    expect(items.levels.text).not.toContain('put wall 450');
    expect(items['dominant-expiry']).toMatchObject({
      verdict: 'watch',
      verdictLabel: '0DTE — it settles this session',
      text: expect.stringMatching(/^2023-09-15 \(0DTE\) holds/),
    });
    expect(spy.zeroDteShare).toBeGreaterThan(0.2);
    expect(items['roll-off']).toMatchObject({ verdict: 'watch', verdictLabel: 'A large share expires' });
    expect(items['roll-off'].text).toBe(
      `${(spy.zeroDteShare * 100).toFixed(1)}% of |GEX| settles in the 2023-09-15 session: expect the map to change after it rolls off.`,
    );
    expect(items['iv-shift']).toMatchObject({
      verdict: 'alert',
      verdictLabel: 'IV moved — recheck the levels',
      text: 'ATM IV 12.0% → 15.0% (+3.0 pts): the morning levels were computed under another volatility.',
    });
  });

  it('says a steady IV and a falling one in words', () => {
    const steady = sessionChecklist(spx, { from: 0.15, to: 0.148, change: -0.002, flagged: false }).find((item) => item.id === 'iv-shift')!;
    expect(steady).toMatchObject({ verdict: 'ok', verdictLabel: 'IV steady', text: 'ATM IV 15.0% → 14.8% (−0.2 pts).' });
  });

  it('says in words when there is no exposure at all', () => {
    const none = {
      ...spx,
      regime: 'flat',
      totalGex: 0,
      flip: null,
      flipNone: null,
      callWall: null,
      putWall: null,
      dominantExpiry: null,
      zeroDteShare: 0,
      byStrike: [],
    } as Levels;
    const byId = Object.fromEntries(sessionChecklist(none, null).map((item) => [item.id, item]));
    expect(byId.regime).toMatchObject({ verdict: 'info', verdictLabel: 'No measurable gamma' });
    expect(byId.regime.text).toContain('No dealer gamma in the chosen expiries (all expiries)');
    expect(byId.levels).toMatchObject({ verdict: 'watch', verdictLabel: 'Nothing to mark' });
    expect(byId['dominant-expiry']).toMatchObject({ verdict: 'info', verdictLabel: 'None near spot' });
    expect(byId.concentration).toMatchObject({ verdict: 'info', verdictLabel: 'No exposure' });
    expect(byId['roll-off']).toMatchObject({ verdictLabel: 'Nothing expires', text: '0.0% of |GEX| settles in the 2024-01-08 session.' });
  });

  it('compares near-the-money concentration with the largest far node', () => {
    // |net| 1e9 at 4700 (near) and 5e9 at 5200 (beyond ±5%): 1 / 6 = 16.7% near.
    const levels = {
      ...spx,
      byStrike: [
        { strike: 4700, call: 0, put: 0, net: 1e9 },
        { strike: 5200, call: 0, put: 0, net: 5e9 },
      ],
    };
    const item = sessionChecklist(levels, null).find((entry) => entry.id === 'concentration')!;
    expect(item).toMatchObject({ verdict: 'watch', verdictLabel: 'A far strike outweighs the near ones' });
    expect(item.text).toBe(
      '16.7% of net |GEX| sits within ±2% of spot. The largest node beyond ±5% is 5200, larger than any near one: it matters for a big move, less for today’s path.',
    );
    // 3e9 near against 1e9 far: 75% near, and the near node is the larger.
    const near = {
      ...spx,
      byStrike: [
        { strike: 4700, call: 0, put: 0, net: -3e9 },
        { strike: 5200, call: 0, put: 0, net: 1e9 },
      ],
    };
    expect(sessionChecklist(near, null).find((entry) => entry.id === 'concentration')).toMatchObject({
      verdict: 'ok',
      verdictLabel: 'Mostly near the money',
      text: '75.0% of net |GEX| sits within ±2% of spot. The largest node beyond ±5% is 5200.',
    });
  });
});

describe('export', () => {
  it('gives a comma-separated price list a Pine script input can take', () => {
    const list = levelsAsPriceList(spx);
    const prices = list.split(',').map(Number);
    expect(prices.slice(0, 4)).toEqual([Math.round(spx.flip! * 100) / 100, 4800, 4700, spx.absGammaStrike]);
    expect(prices).toHaveLength(4 + spx.topNodes.length);
    expect(list).toMatch(/^[\d.]+(,[\d.]+)+$/);
    expect(levelsAsPriceList(spx, 30).split(',')[1]).toBe('4830');
  });

  it('gives CSV with a header, one row per level and the change since the previous session', () => {
    const diff = { flip: { change: 12 }, callWall: { change: 0 }, putWall: { change: -25 }, absGammaStrike: { change: null } } as never;
    const lines = levelsAsCsv(spx, diff).trim().split('\n');
    expect(lines[0]).toBe('underlying,as_of,level,price,change_vs_prev,regime,sign_model');
    expect(lines[1]).toBe(`SPX,2024-01-07T15:52:00.000Z,flip,${spx.flip},12.00,negative,"classic: dealers long calls, short puts"`);
    expect(lines[3]).toBe('SPX,2024-01-07T15:52:00.000Z,put wall,4700,-25.00,negative,"classic: dealers long calls, short puts"');
    expect(lines).toHaveLength(1 + 4 + spx.topNodes.length);
  });
});
