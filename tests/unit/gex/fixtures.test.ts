/** The engine on the real CBOE fixtures, against an independent plain implementation and CBOE's own greeks. */
import { describe, expect, it } from 'vitest';
import { parseChainText } from '../../../lib/chain/parse';
import type { ChainSnapshot } from '../../../lib/chain/model';
import { prepareChain } from '../../../lib/gex/prepared-chain';
import { computeLevels } from '../../../lib/gex/levels';
import { profileOnGrid, totalGexAt } from '../../../lib/gex/profile';
import { bsGamma, YEAR_MS } from '../../../lib/gex/black-scholes';
import { lastClosedSession } from '../../../lib/market/sessions';
import { FIXTURES, fixtureText } from '../fixtures';
import { argMaxAbs, referenceExposures, referenceIv } from './reference';

const snapshots = new Map<string, ChainSnapshot>();
function snapshot(name: string): ChainSnapshot {
  if (!snapshots.has(name)) snapshots.set(name, parseChainText(fixtureText(name)));
  return snapshots.get(name)!;
}

describe("our gamma against CBOE's own gamma field (SPX, European)", () => {
  it("agrees within half of CBOE's rounding unit plus 5% for at least 95% of contracts", () => {
    // CBOE prints gamma to 4 decimals (+-0.00005) and computed it at Friday's close with its own rate,
    // dividend and time conventions, which we can only approximate (r 5.3%, q 1.4% in January 2024).
    // So: priced at the last close, contracts with CBOE gamma >= 0.0005 (where rounding is < 10%).
    const chain = snapshot(FIXTURES.spx);
    const pricedAt = lastClosedSession(chain.asOf).close;
    expect(new Date(pricedAt).toISOString()).toBe('2024-01-05T21:00:00.000Z');
    const relative: number[] = [];
    let within = 0;
    for (const contract of chain.contracts) {
      if (contract.settlement <= pricedAt || contract.iv === null || contract.gamma === null || contract.gamma < 0.0005) continue;
      const ours = bsGamma(chain.spot!, contract.strike, (contract.settlement - pricedAt) / YEAR_MS, contract.iv, 0.053, 0.014);
      if (Math.abs(ours - contract.gamma) <= 0.00005 + 0.05 * contract.gamma) within++;
      relative.push(Math.abs(ours - contract.gamma) / contract.gamma);
    }
    relative.sort((a, b) => a - b);
    expect(relative.length).toBeGreaterThan(8000);
    expect(within / relative.length).toBeGreaterThan(0.95);
    expect(relative[relative.length >> 1]).toBeLessThan(0.03);
  });

  it("prices every contract from an IV (its own, else its smile's) and keeps the provider gamma beside ours", () => {
    const snap = snapshot(FIXTURES.spx);
    const chain = prepareChain(snap);
    let filled = 0;
    for (let i = 0; i < chain.count; i++) {
      const contract = chain.contracts[i];
      const usable = contract.iv !== null && contract.iv <= 5;
      if (usable) expect(chain.iv[i]).toBe(contract.iv);
      else {
        filled++;
        expect(chain.ivFromSmile[i]).toBe(1);
        expect(chain.iv[i]).toBeCloseTo(referenceIv(snap, contract, snap.spot!)!, 12);
      }
      expect(chain.gamma[i]).toBeCloseTo(bsGamma(chain.spot, contract.strike, chain.time[i], chain.iv[i]), 12);
      expect(Number.isNaN(chain.providerGamma[i]) ? null : chain.providerGamma[i]).toBe(contract.gamma);
    }
    // 386 live contracts with open interest and no IV in the file, plus 2 quoted above 500%.
    expect(filled).toBe(388);
    expect(chain.smileFilled).toBe(388);
    expect(chain.skipped.noGamma).toBe(0);
    expect(chain.warnings).toContain("388 contracts had no usable IV and were priced from their expiry's smile");
  });
});

describe.each([FIXTURES.spx, FIXTURES.spy, FIXTURES.nvda, FIXTURES.spyJson])('levels of %s', (name) => {
  it('has walls and totals equal to an independent brute-force aggregation', () => {
    const chain = snapshot(name);
    const levels = computeLevels(chain);
    const reference = referenceExposures(chain);
    expect(levels.callWall).toBe(argMaxAbs(reference.calls));
    expect(levels.putWall).toBe(argMaxAbs(reference.puts));
    expect(levels.totalGex).toBeCloseTo(reference.total, -1); // to the dollar on tens of billions
    expect(Math.abs(levels.totalGex - reference.total)).toBeLessThan(1e-9 * Math.abs(reference.total) + 1);
    for (const row of levels.byStrike) {
      expect(row.call).toBeCloseTo(reference.calls.get(row.strike) ?? 0, 0);
      expect(row.put).toBeCloseTo(reference.puts.get(row.strike) ?? 0, 0);
    }
  });

  it('reports flips where the profile really changes sign, to within 0.01 of a point', () => {
    const chain = snapshot(name);
    const levels = computeLevels(chain);
    expect(levels.flips.length).toBeGreaterThan(0);
    expect(levels.flips).toContain(levels.flip);
    for (const flip of levels.flips) {
      // The independent implementation, re-priced at flip -+ 0.01.
      const below = referenceExposures(chain, { priceAt: flip - 0.01 }).total;
      const above = referenceExposures(chain, { priceAt: flip + 0.01 }).total;
      expect(Math.sign(below)).toBe(-Math.sign(above));
      expect(flip).toBeGreaterThanOrEqual(0.7 * chain.spot!);
      expect(flip).toBeLessThanOrEqual(1.3 * chain.spot!);
    }
    const nearest = levels.flips.reduce((best, flip) => (Math.abs(flip - chain.spot!) < Math.abs(best - chain.spot!) ? flip : best));
    expect(levels.flip).toBe(nearest);
  });

  it('excludes every contract settled at the evaluation instant', () => {
    const chain = snapshot(name);
    const expired = chain.contracts.filter((contract) => contract.settlement <= chain.asOf).length;
    const prepared = prepareChain(chain);
    expect(prepared.skipped.expired).toBe(expired);
    expect(prepared.contracts.every((contract) => contract.settlement > chain.asOf)).toBe(true);
    // Four days later, the nearest expiry has settled and drops out.
    const later = prepareChain(chain, { evaluatedAt: chain.asOf + 86400000 * 4 });
    expect(later.skipped.expired).toBeGreaterThan(expired);
  });

  it('profile on 801 even spots matches direct re-pricing to 1e-5 of its range', () => {
    const prepared = prepareChain(snapshot(name));
    const { spots, gex } = profileOnGrid(prepared, prepared.spot * 0.8, prepared.spot * 1.2, 801);
    expect(spots[0]).toBeCloseTo(prepared.spot * 0.8, 9);
    expect(spots[800]).toBeCloseTo(prepared.spot * 1.2, 9);
    expect(spots[1] - spots[0]).toBeCloseTo(spots[800] - spots[799], 9);
    let range = 0;
    let worst = 0;
    for (let j = 0; j < spots.length; j++) {
      const exact = totalGexAt(prepared, spots[j]);
      range = Math.max(range, Math.abs(exact));
      worst = Math.max(worst, Math.abs(exact - gex[j]));
    }
    expect(worst / range).toBeLessThan(1e-5);
    // And direct re-pricing agrees with the independent implementation at a few spots.
    for (const j of [0, 200, 400, 600, 800]) {
      const independent = referenceExposures(snapshot(name), { priceAt: spots[j] }).total;
      expect(Math.abs(totalGexAt(prepared, spots[j]) - independent)).toBeLessThan(1e-6 * range);
    }
  });
});

describe('settlement in the engine', () => {
  it('gives AM-settled monthly SPX 09:30 settlement and SPXW 16:00 on the same date', () => {
    const prepared = prepareChain(snapshot(FIXTURES.spx));
    const am = prepared.contracts.findIndex((contract) => contract.occ === 'SPX240119C04700000');
    const pm = prepared.contracts.findIndex((contract) => contract.occ === 'SPXW240119C04700000');
    expect(am).toBeGreaterThanOrEqual(0);
    expect(pm).toBeGreaterThanOrEqual(0);
    const asOf = Date.parse('2024-01-07T15:52:00Z');
    expect(prepared.time[am] * YEAR_MS).toBeCloseTo(Date.parse('2024-01-19T14:30:00Z') - asOf, 0);
    expect(prepared.time[pm] * YEAR_MS).toBeCloseTo(Date.parse('2024-01-19T21:00:00Z') - asOf, 0);
  });
});

describe("the SPX sample's levels", () => {
  it('are the numbers a trader sees for 2024-01-07, cross-checked by the reference', () => {
    const levels = computeLevels(snapshot(FIXTURES.spx));
    expect(levels.underlying).toBe('SPX');
    expect(levels.spot).toBe(4697.2402);
    expect(levels.regime).toBe('negative');
    expect(levels.flip!).toBeGreaterThan(4697.24); // spot is below the flip: negative gamma
    expect(levels.zeroDteSession).toBe('2024-01-08');
    // The 0DTE share is the |GEX| of Monday 2024-01-08 expiries over all |GEX|.
    let zeroDte = 0;
    let all = 0;
    const prepared = prepareChain(snapshot(FIXTURES.spx));
    for (let i = 0; i < prepared.count; i++) {
      all += Math.abs(prepared.gex[i]);
      if (prepared.contracts[i].expiry === '2024-01-08') zeroDte += Math.abs(prepared.gex[i]);
    }
    expect(levels.zeroDteShare).toBeCloseTo(zeroDte / all, 12);
  });
});
