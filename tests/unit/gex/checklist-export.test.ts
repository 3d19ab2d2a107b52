import { describe, expect, it } from 'vitest';
import { parseChainText } from '../../../lib/chain/parse';
import { computeLevels, type Levels } from '../../../lib/gex/levels';
import { sessionChecklist } from '../../../lib/gex/checklist';
import { levelsAsCsv, levelsAsPriceList } from '../../../lib/gex/export';
import { FIXTURES, fixtureText } from '../fixtures';

const spx = computeLevels(parseChainText(fixtureText(FIXTURES.spx)));
const spy = computeLevels(parseChainText(fixtureText(FIXTURES.spy)));

describe('session checklist', () => {
  it('tags the regime, marks flip and walls with their distance, names the dominant expiry', () => {
    const items = sessionChecklist(spx, null);
    expect(items.map((item) => item.id)).toEqual(['regime', 'levels', 'dominant-expiry', 'concentration', 'volume-not-exposure', 'iv-shift', 'roll-off']);
    const byId = Object.fromEntries(items.map((item) => [item.id, item]));
    expect(byId.regime.verdict).toBe('alert'); // negative gamma on the SPX sample
    expect(byId.levels.text).toBe(`From spot 4697.24: flip ${spx.flip!.toFixed(1)} (+${(spx.flip! - 4697.2402).toFixed(1)}), call wall 4800 (+102.8), put wall 4700 (+2.8).`);
    expect(byId['dominant-expiry'].text).toBe(`2024-01-19 (monthly OPEX) holds ${(spx.dominantExpiry!.share * 100).toFixed(1)}% of |GEX| struck within ±2% of spot.`);
    expect(byId['iv-shift'].verdict).toBe('info');
    expect(byId['roll-off'].verdict).toBe('ok'); // 2.7% rolls off on Monday
  });

  it('flags a transition regime, 0DTE dominance, heavy roll-off and an IV shift', () => {
    // SPY after the close on 2023-09-14: spot within 0.5% of the flip; Friday's expiry dominates.
    const items = Object.fromEntries(sessionChecklist(spy, { from: 0.12, to: 0.15, change: 0.03, flagged: true }).map((item) => [item.id, item]));
    expect(spy.regime).toBe('transition');
    expect(items.regime.verdict).toBe('watch');
    expect(items['dominant-expiry']).toMatchObject({ verdict: 'watch', text: expect.stringMatching(/^2023-09-15 \(0DTE\) holds/) });
    expect(items['roll-off'].verdict).toBe(spy.zeroDteShare >= 0.2 ? 'watch' : 'ok');
    expect(spy.zeroDteShare).toBeGreaterThan(0.2);
    expect(items['iv-shift']).toMatchObject({ verdict: 'alert', text: 'ATM IV 12.0% → 15.0% (+3.0 pts): the morning levels were computed under another volatility.' });
  });

  it('compares near-the-money concentration with the largest far node', () => {
    const levels = { ...spx, byStrike: [{ strike: 4700, call: 0, put: 0, net: 1e9 }, { strike: 5200, call: 0, put: 0, net: 5e9 }] } as Levels;
    const item = sessionChecklist(levels, null).find((entry) => entry.id === 'concentration')!;
    expect(item.verdict).toBe('watch');
    expect(item.text).toBe('16.7% of net |GEX| sits within ±2% of spot. The largest node beyond ±5% is 5200, larger than any near one: it matters for a big move, less for today’s path.');
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
