/**
 * Cuts at a row boundary: the file reads cleanly, so only the chain's shape (lib/chain/cut-off.ts) or a
 * comparison with the last good chain (lib/chain/gate.ts) can tell. Measured here on the real fixtures:
 * never a false alarm on a complete file or on any complete-expiry prefix of one, and the share of
 * random row-boundary cuts caught.
 */
import { describe, expect, it } from 'vitest';
import { parseChainText } from '../../../lib/chain/parse';
import { checkChain, summarizeChain } from '../../../lib/chain/gate';
import { FIXTURES, fixtureText } from '../fixtures';
import { csvParts, seededRandom } from './raw-text';

/** The file cut right after data row `kept` (1-based count of rows kept), ending with its newline. */
function cutAfterRow(text: string, kept: number): string {
  const { lines, header } = csvParts(text);
  return `${lines.slice(0, header + 1 + kept).join('\n')}\n`;
}

/** Row counts at which an expiry ends (cutting there leaves only complete expiries). */
function expiryEnds(text: string): number[] {
  const { rows } = csvParts(text);
  const ends: number[] = [];
  rows.forEach((row, index) => {
    if (index + 1 === rows.length || rows[index + 1].split(',')[0] !== row.split(',')[0]) ends.push(index + 1);
  });
  return ends;
}

describe('no false alarm on complete data', () => {
  it.each([FIXTURES.spx, FIXTURES.spy, FIXTURES.nvda])('%s: every complete-expiry prefix passes', (name) => {
    const text = fixtureText(name);
    const flagged = expiryEnds(text).filter((kept) => parseChainText(cutAfterRow(text, kept)).integrity?.cutOff !== null);
    expect(flagged).toEqual([]);
  });

  it('the JSON fixture and each of its complete-expiry prefixes pass', () => {
    const raw = JSON.parse(fixtureText(FIXTURES.spyJson)) as { options: { option: string }[] };
    const expiryOf = (record: { option: string }) => record.option.slice(3, 9);
    const flagged: number[] = [];
    raw.options.forEach((record, index) => {
      const next = raw.options[index + 1];
      if (next && expiryOf(next) === expiryOf(record)) return;
      const prefix = { ...raw, options: raw.options.slice(0, index + 1) };
      if (parseChainText(JSON.stringify(prefix)).integrity?.cutOff !== null) flagged.push(index + 1);
    });
    expect(flagged).toEqual([]);
  });
});

describe('row-boundary cuts at 50 random rows', () => {
  /** How many of 50 seeded random cuts the shape alone flags, and the gate refuses with the full chain as previous. */
  function detection(name: string, seed: number): { shape: number; withPrevious: number; atExpiryEnd: number } {
    const text = fixtureText(name);
    const { rows } = csvParts(text);
    const ends = new Set(expiryEnds(text));
    const previous = summarizeChain(parseChainText(text));
    const random = seededRandom(seed);
    let shape = 0;
    let withPrevious = 0;
    let atExpiryEnd = 0;
    for (let trial = 0; trial < 50; trial++) {
      const kept = 1 + Math.floor(random() * (rows.length - 1));
      if (ends.has(kept)) atExpiryEnd++;
      const snapshot = parseChainText(cutAfterRow(text, kept));
      if (snapshot.integrity?.cutOff) shape++;
      const check = checkChain(snapshot, { previous });
      if (!check.ok && check.code === 'cut-off') withPrevious++;
    }
    return { shape, withPrevious, atExpiryEnd };
  }

  // Measured with seed 12: SPX 46 of 50 by shape, SPY 37 of 50 (over every row boundary that is not an
  // expiry's end: SPX 90.6%, SPY 72.2%, NVDA 75.5%); with the last good chain, all of them.
  it('SPX: the shape flags at least 40 of 50; with the last good chain, all 50', () => {
    const result = detection(FIXTURES.spx, 12);
    expect(result.shape).toBeGreaterThanOrEqual(40);
    expect(result.withPrevious).toBe(50);
  });

  it('SPY: the shape flags at least 30 of 50; with the last good chain, all 50', () => {
    const result = detection(FIXTURES.spy, 12);
    expect(result.shape).toBeGreaterThanOrEqual(30);
    expect(result.withPrevious).toBe(50);
  });
});

describe("cuts at an expiry's end", () => {
  it('read as complete on their own; against the last good chain, the missing expiries show', () => {
    const text = fixtureText(FIXTURES.spx);
    const ends = expiryEnds(text);
    const cut = parseChainText(cutAfterRow(text, ends[ends.length - 4]));
    expect(cut.integrity?.cutOff).toBeNull();
    const check = checkChain(cut, { ticker: 'SPX', previous: summarizeChain(parseChainText(text)) });
    expect(check).toMatchObject({ ok: false, code: 'cut-off' });
    expect(check.ok ? '' : check.reason).toMatch(
      /^looks cut off: it lacks 3 expiries the last good chain \(2024-01-07 15:52 UTC\) listed and that are still open \(2027-12-17, 2028-12-15, 2029-12-21\)$/,
    );
  });
});
