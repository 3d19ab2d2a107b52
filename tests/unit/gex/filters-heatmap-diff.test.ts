import { describe, expect, it } from 'vitest';
import { parseChainText } from '../../../lib/chain/parse';
import { computeLevels } from '../../../lib/gex/levels';
import { prepareChain } from '../../../lib/gex/prepared-chain';
import { parseExpiryFilter } from '../../../lib/gex/expiry-filter';
import { heatmapGrid } from '../../../lib/gex/heatmap';
import { exposureByStrike, exposureByExpiry } from '../../../lib/gex/aggregate';
import { diffLevels } from '../../../lib/gex/level-diff';
import { parseSignModel, describeSignModel } from '../../../lib/gex/sign-model';
import { FIXTURES, fixtureText } from '../fixtures';

const spx = parseChainText(fixtureText(FIXTURES.spx));
const filter = (text: string) => {
  const parsed = parseExpiryFilter(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
};
const usedExpiries = (text: string) =>
  [...new Set(prepareChain(spx, { expiryFilter: filter(text) }).contracts.map((contract) => contract.expiry))].sort();

describe('expiry filters on the SPX sample (as of Sunday 2024-01-07)', () => {
  it('0DTE and next are Monday 2024-01-08; weekly Friday 01-12; monthly OPEX 01-19', () => {
    expect(usedExpiries('0dte')).toEqual(['2024-01-08']);
    expect(usedExpiries('next')).toEqual(['2024-01-08']);
    expect(usedExpiries('weekly')).toEqual(['2024-01-12']);
    expect(usedExpiries('monthly')).toEqual(['2024-01-19']);
    expect(usedExpiries('2024-01-10')).toEqual(['2024-01-10']);
    expect(usedExpiries('through:2024-01-12')).toEqual(['2024-01-08', '2024-01-09', '2024-01-10', '2024-01-11', '2024-01-12']);
  });

  it('filtered levels count the rest as filtered out, and the 0DTE-only chain is all 0DTE', () => {
    const zeroDte = computeLevels(spx, { expiryFilter: filter('0dte') });
    expect(zeroDte.expiryFilter).toBe('0DTE');
    expect(zeroDte.zeroDteShare).toBeCloseTo(1, 12);
    expect(zeroDte.contractsSkipped.filteredOut).toBeGreaterThan(10000);
    const monthly = computeLevels(spx, { expiryFilter: filter('monthly') });
    expect(monthly.dominantExpiry?.expiry).toBe('2024-01-19');
    expect(monthly.dominantExpiry?.share).toBeCloseTo(1, 12);
  });

  it('rejects unknown filters with the list of known ones', () => {
    expect(parseExpiryFilter('fortnightly')).toMatch(/unknown expiry filter "fortnightly" \(use all, 0dte/);
    expect(parseExpiryFilter('through:2024-13-01')).toMatch(/unknown expiry filter/);
  });
});

describe('aggregations', () => {
  it('by strike and by expiry both sum to the total', () => {
    const prepared = prepareChain(spx);
    const total = prepared.gex.reduce((sum, value) => sum + value, 0);
    const byStrike = exposureByStrike(prepared).reduce((sum, row) => sum + row.net, 0);
    const byExpiry = exposureByExpiry(prepared);
    expect(byStrike).toBeCloseTo(total, 0);
    expect(byExpiry.reduce((sum, row) => sum + row.net, 0)).toBeCloseTo(total, 0);
    for (const row of byExpiry) expect(row.net).toBeCloseTo(row.call + row.put, 0);
  });
});

describe('heatmap grid', () => {
  it('has strikes around spot, descending, by the expiries a trader watches', () => {
    const prepared = prepareChain(spx);
    const grid = heatmapGrid(prepared, { strikeCount: 21, expiryCount: 6 });
    expect(grid.strikes).toHaveLength(21);
    expect([...grid.strikes].sort((a, b) => b - a)).toEqual(grid.strikes);
    expect(grid.strikes[grid.spotRow]).toBe(4695); // SPX strikes every 5 points around 4697.24
    expect(grid.columns.map((column) => column.expiry)).toEqual([
      '2024-01-08',
      '2024-01-09',
      '2024-01-10',
      '2024-01-11',
      '2024-01-12',
      '2024-01-19',
    ]);
    expect(grid.columns.map((column) => column.tag)).toEqual(['0DTE', '', '', '', 'weekly', 'OPEX']);
  });

  it('cells sum, across all expiries, to the by-strike totals', () => {
    const prepared = prepareChain(spx);
    const grid = heatmapGrid(prepared, { strikeCount: 11, expiries: prepared.expiries });
    const byStrike = new Map(exposureByStrike(prepared).map((row) => [row.strike, row]));
    grid.strikes.forEach((strike, row) => {
      const net = grid.cells[row].reduce((sum, cell) => sum + cell.net, 0);
      const callOpenInterest = grid.cells[row].reduce((sum, cell) => sum + cell.callOpenInterest, 0);
      expect(net).toBeCloseTo(byStrike.get(strike)!.net, 0);
      expect(callOpenInterest).toBe(byStrike.get(strike)!.callOpenInterest);
    });
    expect(grid.maxAbsNet).toBe(Math.max(...grid.cells.flat().map((cell) => Math.abs(cell.net))));
  });
});

describe('session-over-session diff', () => {
  it("gives each level's change and whether the regime changed", () => {
    const friday = computeLevels(spx);
    const monday = computeLevels(spx, { spot: 4760, evaluatedAt: Date.parse('2024-01-08T15:00:00Z') });
    const diff = diffLevels(monday, friday);
    expect(diff.spot).toEqual({ current: 4760, previous: 4697.2402, change: 4760 - 4697.2402 });
    expect(diff.flip.change).toBeCloseTo(monday.flip! - friday.flip!, 12);
    expect(diff.callWall.previous).toBe(friday.callWall);
    expect(diff.regimeChanged).toBe(monday.regime !== friday.regime);
    expect(diff.previousAsOf).toBe('2024-01-07T15:52:00.000Z');
  });

  it('gives null changes when a level is missing on either side', () => {
    const friday = computeLevels(spx);
    const diff = diffLevels({ ...friday, flip: null }, friday);
    expect(diff.flip).toEqual({ current: null, previous: friday.flip, change: null });
  });
});

describe('sign models', () => {
  it('parse and describe themselves', () => {
    expect(parseSignModel('classic')).toEqual({ kind: 'classic' });
    expect(parseSignModel('short-all')).toEqual({ kind: 'short-all' });
    expect(parseSignModel('custom:1,-0.5')).toEqual({ kind: 'custom', call: 1, put: -0.5 });
    expect(parseSignModel('bullish')).toBeNull();
    expect(describeSignModel({ kind: 'custom', call: 1, put: -0.5 })).toBe('custom: calls +1, puts -0.5');
  });

  it('flip the total when every sign flips', () => {
    const classic = computeLevels(spx);
    const inverted = computeLevels(spx, { signModel: { kind: 'custom', call: -1, put: 1 } });
    expect(inverted.totalGex).toBeCloseTo(-classic.totalGex, 0);
    expect(inverted.callWall).toBe(classic.callWall);
    expect(inverted.flips.map((flip) => flip.toFixed(2))).toEqual(classic.flips.map((flip) => flip.toFixed(2)));
  });
});
