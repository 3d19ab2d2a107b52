/** Delta, vanna and charm exposure: definitions by hand, greeks against finite differences of delta. */
import { describe, expect, it } from 'vitest';
import { parseChainText } from '../../../lib/chain/parse';
import { prepareChain } from '../../../lib/gex/prepared-chain';
import { contractExposures, GREEK_EXPOSURE_INFO, GREEKS, parseGreek } from '../../../lib/gex/greek-exposure';
import { exposureByExpiry, exposureByStrike, exposureTotals } from '../../../lib/gex/aggregate';
import { heatmapGrid } from '../../../lib/gex/heatmap';
import { FIXTURES, fixtureText } from '../fixtures';
import { syntheticSnapshot, SYNTHETIC_AS_OF } from './synthetic';
import { referenceBook, textbookDelta } from './reference';
import { settlementInstant } from '../../../lib/market/settlement';

const years = (settlementInstant('XYZ', '2024-02-16') - SYNTHETIC_AS_OF) / (365 * 86400000);

describe('delta exposure (DEX)', () => {
  it('of a single call equals delta x OI x 100 x S, by hand', () => {
    const snapshot = syntheticSnapshot({ spot: 100, contracts: [{ type: 'C', strike: 105, openInterest: 1000, iv: 0.25 }] });
    const chain = prepareChain(snapshot, { rate: 0.05, dividend: 0.01 });
    // d1 = (ln(100/105) + (0.05 - 0.01 + 0.25^2/2) T) / (0.25 sqrt T); delta = e^(-0.01 T) N(d1).
    const d1 = (Math.log(100 / 105) + (0.04 + 0.03125) * years) / (0.25 * Math.sqrt(years));
    expect(d1).toBeLessThan(0); // out of the money: delta below one half
    const delta = textbookDelta('C', 100, 105, years, 0.25, 0.05, 0.01);
    expect(delta).toBeGreaterThan(0.2);
    expect(delta).toBeLessThan(0.5);
    expect(contractExposures(chain, 'delta')[0]).toBeCloseTo(delta * 1000 * 100 * 100, 4);
    expect(exposureTotals(chain, 'delta').net).toBeCloseTo(delta * 1000 * 100 * 100, 4);
  });

  it('of a put under the classic model (dealers short puts) is positive: -1 x (negative delta)', () => {
    const snapshot = syntheticSnapshot({ spot: 100, contracts: [{ type: 'P', strike: 95, openInterest: 10, iv: 0.3 }] });
    const chain = prepareChain(snapshot);
    const delta = textbookDelta('P', 100, 95, years, 0.3, 0, 0);
    expect(delta).toBeLessThan(0);
    expect(contractExposures(chain, 'delta')[0]).toBeCloseTo(-1 * delta * 10 * 100 * 100, 6);
  });
});

describe('vanna and charm exposure against finite differences of Black-Scholes delta', () => {
  const cases = [
    { type: 'C' as const, strike: 105, iv: 0.22, oi: 700 },
    { type: 'P' as const, strike: 92, iv: 0.31, oi: 1300 },
  ];
  for (const { type, strike, iv, oi } of cases) {
    it(`${type === 'C' ? 'call' : 'put'} ${strike}: per vol point and per calendar day, in dollars of delta`, () => {
      const snapshot = syntheticSnapshot({ spot: 100, contracts: [{ type, strike, openInterest: oi, iv }] });
      const chain = prepareChain(snapshot, { rate: 0.04, dividend: 0.015 });
      const sign = type === 'C' ? 1 : -1; // classic
      const delta = (vol: number, time: number) => textbookDelta(type, 100, strike, time, vol, 0.04, 0.015);
      // One vol point: delta(sigma + 0.01) - delta(sigma), centred to second order.
      const h = 1e-4;
      const perVol = (delta(iv + h, years) - delta(iv - h, years)) / (2 * h);
      const close = (value: number, expected: number) => expect(Math.abs(value - expected)).toBeLessThan(1e-6 * Math.abs(expected));
      close(contractExposures(chain, 'vanna')[0], sign * perVol * 0.01 * oi * 100 * 100);
      // One calendar day passing: T shrinks by 1/365.
      const dt = 1e-5;
      const perYearPassing = -(delta(iv, years + dt) - delta(iv, years - dt)) / (2 * dt);
      close(contractExposures(chain, 'charm')[0], (sign * perYearPassing * oi * 100 * 100) / 365);
      // And the one-day difference itself agrees to first order.
      const oneDay = delta(iv, years - 1 / 365) - delta(iv, years);
      expect(contractExposures(chain, 'charm')[0] / (sign * oi * 100 * 100)).toBeCloseTo(oneDay, 4);
    });
  }
});

describe('exposures of every greek on the SPX sample', () => {
  const snapshot = parseChainText(fixtureText(FIXTURES.spx));
  const chain = prepareChain(snapshot);

  it('DEX total equals the independent per-contract sum', () => {
    let reference = 0;
    for (const row of referenceBook(snapshot)) {
      reference += row.signedUnits * textbookDelta(row.contract.type, snapshot.spot!, row.strike, row.years, row.iv, 0, 0) * snapshot.spot!;
    }
    expect(Math.abs(exposureTotals(chain, 'delta').net - reference)).toBeLessThan(1e-8 * Math.abs(reference));
  });

  it('by strike and by expiry sum to the totals for each greek; heatmap cells to the by-strike rows', () => {
    for (const greek of GREEKS) {
      const totals = exposureTotals(chain, greek);
      const byStrike = exposureByStrike(chain, greek);
      const byExpiry = exposureByExpiry(chain, greek);
      const tolerance = 1e-9 * totals.absolute;
      expect(Math.abs(byStrike.reduce((sum, row) => sum + row.net, 0) - totals.net)).toBeLessThan(tolerance);
      expect(Math.abs(byExpiry.reduce((sum, row) => sum + row.net, 0) - totals.net)).toBeLessThan(tolerance);
      expect(Math.abs(totals.call + totals.put - totals.net)).toBeLessThan(tolerance);
      const grid = heatmapGrid(chain, { strikeCount: 9, expiries: chain.expiries, greek });
      expect(grid.greek).toBe(greek);
      const rows = new Map(byStrike.map((row) => [row.strike, row.net]));
      grid.strikes.forEach((strike, r) => {
        expect(Math.abs(grid.cells[r].reduce((sum, cell) => sum + cell.net, 0) - rows.get(strike)!)).toBeLessThan(tolerance);
      });
    }
  });

  it('keeps gamma results identical to the default', () => {
    expect(exposureByStrike(chain, 'gamma')).toEqual(exposureByStrike(chain));
    expect(exposureByExpiry(chain, 'gamma')).toEqual(exposureByExpiry(chain));
    expect(heatmapGrid(chain, { greek: 'gamma' })).toEqual(heatmapGrid(chain));
    const sum = Array.from(chain.gex).reduce((total, value) => total + value, 0);
    expect(Math.abs(exposureTotals(chain).net - sum)).toBeLessThan(1e-12 * Math.abs(sum));
  });

  it('states every unit and parses the CLI spelling', () => {
    expect(GREEK_EXPOSURE_INFO.vanna.unit).toBe('$ of dealer delta per 1 vol-point rise in IV');
    expect(GREEK_EXPOSURE_INFO.charm.unit).toBe('$ of dealer delta per calendar day');
    expect(GREEKS.map((greek) => GREEK_EXPOSURE_INFO[greek].short)).toEqual(['GEX', 'DEX', 'VEX', 'CEX']);
    expect(parseGreek('Vanna')).toBe('vanna');
    expect(parseGreek('speed')).toBeNull();
  });
});
