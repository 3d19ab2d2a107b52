/** Cells read in place give exactly what the ordinary reading gives. */
import { describe, expect, it } from 'vitest';
import { CsvRow, parseDecimal } from '../../../lib/chain/csv-row';
import { NumberCache } from '../../../lib/chain/number-cache';
import { buildContract, widenNumberFields } from '../../../lib/chain/contract';
import { parseOcc } from '../../../lib/chain/occ';
import { parseChainText } from '../../../lib/chain/parse';
import { FIXTURES, fixtureText } from '../fixtures';
import { csvParts } from './raw-text';

describe('numbers read in place', () => {
  it('equal Number() on every numeric cell of the CSV fixtures', () => {
    let checked = 0;
    for (const name of [FIXTURES.spx, FIXTURES.spy, FIXTURES.nvda]) {
      for (const row of csvParts(fixtureText(name)).rows) {
        for (const cell of row.split(',')) {
          const expected = Number(cell);
          if (cell === '' || !Number.isFinite(expected)) continue;
          expect(parseDecimal(cell, 0, cell.length)).toBe(expected);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(250000);
  });

  it('leave anything but a plain decimal to the ordinary reading', () => {
    for (const text of ['', '-', '.', '1e5', '1,000', ' 1', '1 ', '0x10', 'NaN', '1.2.3', '9'.repeat(16)]) {
      expect(parseDecimal(text, 0, text.length)).toBeNaN();
    }
    expect(parseDecimal('-0.0012', 0, 7)).toBe(-0.0012);
    expect(parseDecimal('+12.50', 0, 6)).toBe(12.5);
  });

  it('the cache hands out equal numbers, blanks as null, and text as undefined', () => {
    const numbers = new NumberCache();
    expect(numbers.read('0.05')).toBe(0.05);
    expect(numbers.read('0.05')).toBe(0.05);
    expect(numbers.read('4,697.24')).toBe(4697.24);
    expect(numbers.read('1e3')).toBe(1000);
    expect(numbers.read('  ')).toBeNull();
    expect(numbers.read('')).toBeNull();
    expect(numbers.read('abc')).toBeUndefined();
    expect(numbers.read('1e400')).toBeUndefined();
    expect(numbers.read('-0')).toBe(0);
  });
});

describe('rows read in place', () => {
  it('locate the same cells as splitting, with or without quotes', () => {
    const text = 'a,b,,1.5\n"x, y",2,"3"\n';
    const row = new CsvRow(text, 8);
    row.read(0, 8, false);
    expect([row.count, row.cell(0), row.cell(1), row.cell(2), row.cell(3)]).toEqual([4, 'a', 'b', '', '1.5']);
    row.read(9, 21, true);
    expect([row.count, row.cell(0), row.cell(1), row.cell(2)]).toEqual([3, 'x, y', '2', '3']);
    expect(row.number(2, new NumberCache())).toBe(3);
  });

  it('a quote table whose every cell is quoted parses like the plain one', () => {
    const nvda = fixtureText(FIXTURES.nvda);
    const { lines, header } = csvParts(nvda);
    const quoted = lines
      .map((line, index) =>
        index > header && line !== ''
          ? line
              .split(',')
              .map((cell) => `"${cell}"`)
              .join(',')
          : line,
      )
      .join('\n');
    expect(parseChainText(quoted).contracts).toEqual(parseChainText(nvda).contracts);
  });

  it('counts the cells of a row far wider than the header', () => {
    const text = `${','.repeat(100)}\n`;
    const row = new CsvRow(text, 4);
    row.read(0, 100, false);
    expect(row.count).toBe(101);
    expect(row.has(3)).toBe(true);
    expect(row.has(4)).toBe(false);
  });
});

describe('the contract shape', () => {
  it("the widening object has the contract's keys in the same order (its memory saving depends on it)", () => {
    const occ = parseOcc('SPXW240119C04700000');
    if (typeof occ === 'string') throw new Error(occ);
    const contract = buildContract(occ, { bid: 1, ask: 2, iv: 0.2, openInterest: 10 }, Date.parse('2024-01-08T15:00:00Z'));
    expect(Object.keys(widenNumberFields())).toEqual(Object.keys(contract));
  });
});
