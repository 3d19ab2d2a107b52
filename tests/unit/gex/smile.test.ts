/**
 * Missing implied volatility from the smile (DESIGN.md, Gamma_i): checked against the raw rows of the
 * real CBOE quote tables, read here by hand (call IV in column 8, put IV in column 19).
 */
import { describe, expect, it } from 'vitest';
import { parseChainText } from '../../../lib/chain/parse';
import type { ChainSnapshot } from '../../../lib/chain/model';
import { prepareChain } from '../../../lib/gex/prepared-chain';
import { smileIvAt, buildSmiles } from '../../../lib/gex/smile';
import { FIXTURES, fixtureText } from '../fixtures';
import { textbookGamma } from './reference';
import { syntheticSnapshot } from './synthetic';

/** The raw quote-table row holding a contract (by its OCC symbol), split into its 22 columns. */
function rawRow(fixture: string, occ: string): string[] {
  const line = fixtureText(fixture)
    .split('\n')
    .find((candidate) => candidate.split(',').some((field) => field === occ));
  if (!line) throw new Error(`no row for ${occ}`);
  return line.split(',');
}
const CALL_IV = 7;
const CALL_OI = 10;
const PUT_IV = 18;

const spy = parseChainText(fixtureText(FIXTURES.spy));
const spx = parseChainText(fixtureText(FIXTURES.spx));
const indexOf = (chain: ReturnType<typeof prepareChain>, occ: string) => chain.contracts.findIndex((contract) => contract.occ === occ);

describe('the smile of one settlement instant', () => {
  it('is linear between its points and flat beyond the outermost', () => {
    const [smile] = buildSmiles(
      [
        { settlement: 1, type: 'P', strike: 90, iv: 0.3 },
        { settlement: 1, type: 'P', strike: 95, iv: 0.25 },
        { settlement: 1, type: 'C', strike: 100, iv: 0.2 },
        { settlement: 1, type: 'C', strike: 110, iv: 0.22 },
        { settlement: 1, type: 'C', strike: 95, iv: 0.9 }, // in the money: not on the smile
        { settlement: 1, type: 'P', strike: 105, iv: 0.9 }, // in the money: not on the smile
        { settlement: 1, type: 'C', strike: 120, iv: 0 }, // no IV
        { settlement: 1, type: 'C', strike: 125, iv: 26.001 }, // a 2600% placeholder
      ],
      99,
    ).values();
    expect(Array.from(smile.strikes)).toEqual([90, 95, 100, 110]);
    expect(smileIvAt(smile, 92)).toBeCloseTo(0.3 + (0.25 - 0.3) * (2 / 5), 15);
    expect(smileIvAt(smile, 105)).toBeCloseTo(0.21, 15);
    expect(smileIvAt(smile, 50)).toBe(0.3);
    expect(smileIvAt(smile, 130)).toBe(0.22);
  });
});

describe('smile quotes in any order', () => {
  it("calls listed before puts, several roots at one instant: sorted by strike, one strike's IVs averaged", () => {
    const quotes = [
      { settlement: 7, type: 'C' as const, strike: 100, iv: 0.2 },
      { settlement: 7, type: 'C' as const, strike: 110, iv: 0.24 },
      { settlement: 7, type: 'P' as const, strike: 80, iv: 0.4 },
      { settlement: 7, type: 'P' as const, strike: 90, iv: 0.3 },
      { settlement: 7, type: 'C' as const, strike: 100, iv: 0.22 }, // a second root, same instant
      { settlement: 7, type: 'C' as const, strike: 105, iv: 0.21 },
      { settlement: 7, type: 'P' as const, strike: 85, iv: 0.35 },
      { settlement: 8, type: 'P' as const, strike: 95, iv: 0.5 }, // another instant
    ];
    const smiles = buildSmiles(quotes, 99);
    expect(Array.from(smiles.get(7)!.strikes)).toEqual([80, 85, 90, 100, 105, 110]);
    expect(Array.from(smiles.get(7)!.ivs, (iv) => iv.toFixed(12))).toEqual([
      '0.400000000000',
      '0.350000000000',
      '0.300000000000',
      '0.210000000000',
      '0.210000000000',
      '0.240000000000',
    ]);
    expect(Array.from(smiles.get(8)!.strikes)).toEqual([95]);
  });
});

describe('contracts without a usable IV, priced from their smile', () => {
  it("SPY 448 call expiring 2023-09-15 (OI 40,376, IV 0) takes the 448 put's IV and now contributes its gamma", () => {
    const row = rawRow(FIXTURES.spy, 'SPY230915C00448000');
    expect(Number(row[CALL_IV])).toBe(0);
    expect(Number(row[CALL_OI])).toBe(40376);
    // Spot 450.81: the 448 put is out of the money, so it is the smile's point at 448.
    const putIv = Number(row[PUT_IV]);
    expect(putIv).toBe(0.1128);
    const chain = prepareChain(spy);
    const i = indexOf(chain, 'SPY230915C00448000');
    expect(chain.ivFromSmile[i]).toBe(1);
    expect(chain.iv[i]).toBe(putIv);
    // As of 2023-09-14 16:31 New York to settlement 2023-09-15 16:00: 23 h 29 min.
    const years = (23 * 60 + 29) / (365 * 24 * 60);
    const gex = textbookGamma(450.81, 448, years, putIv, 0, 0) * 40376 * 100 * 450.81 * 450.81 * 0.01;
    expect(chain.gex[i]).toBeCloseTo(gex, 0);
    // About $699M per 1% move from this one contract, and re-priced across the profile; before the smile
    // it counted only at CBOE's own gamma (0.0488: about $400M), held fixed at every hypothetical spot.
    expect(gex).toBeGreaterThan(690e6);
    expect(gex).toBeLessThan(710e6);
  });

  it("interpolates between its neighbours' IVs when its own strike has no out-of-the-money quote", () => {
    // The same chain without the 448 put's quote: the call's IV is half-way between the 447 and 449 puts'.
    const withoutPut: ChainSnapshot = { ...spy, contracts: spy.contracts.filter((contract) => contract.occ !== 'SPY230915P00448000') };
    const below = Number(rawRow(FIXTURES.spy, 'SPY230915P00447000')[PUT_IV]);
    const above = Number(rawRow(FIXTURES.spy, 'SPY230915P00449000')[PUT_IV]);
    expect([below, above]).toEqual([0.1194, 0.1086]);
    const chain = prepareChain(withoutPut);
    expect(chain.iv[indexOf(chain, 'SPY230915C00448000')]).toBeCloseTo((below + above) / 2, 15);
  });

  it("splits puts from calls at the chain's spot, after an override", () => {
    // At spot 447.50 the 448 strike is on the call side; the 448 call has no IV, so the smile runs from
    // the 447 put to the 449 call: 448 is half-way.
    const put447 = Number(rawRow(FIXTURES.spy, 'SPY230915P00447000')[PUT_IV]);
    const call449 = Number(rawRow(FIXTURES.spy, 'SPY230915C00449000')[CALL_IV]);
    expect(call449).toBe(0.0614);
    const chain = prepareChain(spy, { spot: 447.5 });
    expect(chain.iv[indexOf(chain, 'SPY230915C00448000')]).toBeCloseTo((put447 + call449) / 2, 15);
  });

  it('is flat beyond the outermost quote (and treats IV above 500% as missing)', () => {
    // The SPY 150 put of 2023-09-15 is quoted at 602.77%: a placeholder. The lowest out-of-the-money put
    // with a usable IV on that expiry is the 185 put (490.88%); below it the smile is flat.
    const row = rawRow(FIXTURES.spy, 'SPY230915P00150000');
    expect(Number(row[PUT_IV])).toBe(6.0277);
    const lowest = fixtureText(FIXTURES.spy)
      .split('\n')
      .map((line) => line.split(','))
      .filter(
        (fields) =>
          fields[0] === 'Fri Sep 15 2023' && Number(fields[11]) < 450.81 && Number(fields[PUT_IV]) > 1e-4 && Number(fields[PUT_IV]) <= 5,
      )
      .sort((a, b) => Number(a[11]) - Number(b[11]))[0];
    expect([Number(lowest[11]), Number(lowest[PUT_IV])]).toEqual([185, 4.9088]);
    const chain = prepareChain(spy);
    expect(chain.iv[indexOf(chain, 'SPY230915P00150000')]).toBe(4.9088);
  });

  it('keeps one smile per settlement instant: an AM SPX contract never takes the PM SPXW smile of its date', () => {
    const am = rawRow(FIXTURES.spx, 'SPX240119C01200000');
    const pm = rawRow(FIXTURES.spx, 'SPXW240119C01200000');
    expect(Number(am[CALL_IV])).toBe(0);
    expect([Number(am[PUT_IV]), Number(pm[PUT_IV])]).toEqual([1.9364, 1.9174]);
    const chain = prepareChain(spx);
    expect(chain.iv[indexOf(chain, 'SPX240119C01200000')]).toBe(1.9364);
    const amSettlement = Date.parse('2024-01-19T14:30:00Z');
    const pmSettlement = Date.parse('2024-01-19T21:00:00Z');
    expect(smileIvAt(chain.smiles.get(amSettlement)!, 1200)).toBe(1.9364);
    expect(smileIvAt(chain.smiles.get(pmSettlement)!, 1200)).toBe(1.9174);
  });

  it('says how many contracts were filled, on every fixture', () => {
    const filled = { spx: 388, spy: 783, nvda: 220, spyJson: 83 };
    for (const [key, count] of Object.entries(filled)) {
      const chain = prepareChain(parseChainText(fixtureText(FIXTURES[key as keyof typeof FIXTURES])));
      expect(chain.smileFilled).toBe(count);
      expect(chain.warnings).toContain(`${count} contracts had no usable IV and were priced from their expiry's smile`);
    }
  });

  it('leaves out, counts and names the contracts whose instant has no smile at all', () => {
    const snapshot = syntheticSnapshot({
      spot: 100,
      contracts: [
        { type: 'C', strike: 100, openInterest: 10, iv: 0.2, expiry: '2024-02-16' },
        { type: 'P', strike: 100, openInterest: 10, iv: null, expiry: '2024-02-16' }, // priced from the 100 call
        { type: 'C', strike: 105, openInterest: 10, iv: null, expiry: '2024-03-15' }, // nothing on its date
        { type: 'P', strike: 95, openInterest: 10, iv: null, gamma: 0.03, expiry: '2024-03-15' },
      ],
    });
    const chain = prepareChain(snapshot);
    expect(chain.count).toBe(2);
    expect(chain.expiries).toEqual(['2024-02-16']);
    expect(chain.skipped.noGamma).toBe(2);
    expect(chain.iv[1]).toBe(0.2);
    expect(chain.warnings).toContain("1 contracts had no usable IV and were priced from their expiry's smile");
    expect(chain.warnings.join('\n')).toMatch(/2 contracts had no usable IV and no smile .* left out: XYZ 2024-03-15 16:00 New York \(2\)/);
  });
});
