/** A quote table that went through a spreadsheet (Excel for Mac, regional settings) still reads, or says why not. */
import { describe, expect, it } from 'vitest';
import { parseChainText } from '../../../lib/chain/parse';
import { FIXTURES, fixtureText } from '../fixtures';
import { csvParts } from './raw-text';
import { formatError } from './format-error';

const nvda = fixtureText(FIXTURES.nvda);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Fri Jan 10 2025" -> the same date as the spreadsheet writes it. */
function rewriteDates(text: string, write: (year: string, month: number, day: number) => string): string {
  return text.replace(
    /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{2}) (\d{4}),/gm,
    (_, month: string, day: string, year: string) => `${write(year, MONTHS.indexOf(month) + 1, Number(day))},`,
  );
}

describe('a quote table re-saved by a spreadsheet', () => {
  it('reads row dates written as 1/10/2025 or 2025-01-10', () => {
    const expected = parseChainText(nvda).contracts;
    expect(parseChainText(rewriteDates(nvda, (year, month, day) => `${month}/${day}/${year}`)).contracts).toEqual(expected);
    expect(
      parseChainText(rewriteDates(nvda, (year, month, day) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`))
        .contracts,
    ).toEqual(expected);
  });

  it('skips the all-empty rows a spreadsheet leaves, CR-only as Excel for Mac writes them', () => {
    const { lines } = csvParts(nvda);
    const padded = `${lines.join('\n')}${',,,,,,,,,,,,,,,,,,,,,\n'.repeat(3)}`.replace(/\n/g, '\r');
    const snapshot = parseChainText(padded);
    expect(snapshot.contracts).toEqual(parseChainText(nvda).contracts);
    expect(snapshot.rejected).toEqual([]);
    expect(snapshot.integrity?.cutOff).toBeNull();
  });

  it('says so when the cells are separated by semicolons', () => {
    const semicolons = nvda
      .split('\n')
      .map((line, index) => (index >= 3 ? line.replace(/,/g, ';') : line))
      .join('\n');
    const error = formatError(() => parseChainText(semicolons));
    expect(error.problem).toBe('bad-header');
    expect(error.message).toMatch(/^line 4: the cells are separated by ";"/);
  });
});
