/** Input that is not a chain gets one clear error naming what was expected; bad rows are reported. */
import { describe, expect, it } from 'vitest';
import { parseChainText } from '../../../lib/chain/parse';
import { parseCboeCsv } from '../../../lib/chain/cboe-csv';
import { parseCboeJson } from '../../../lib/chain/cboe-json';
import { FIXTURES, fixtureText } from '../fixtures';
import { formatError } from './format-error';

const spxCsv = fixtureText(FIXTURES.spx);
const spxLines = spxCsv.split('\n');

describe('input that is not a chain', () => {
  it('empty or blank input', () => {
    expect(formatError(() => parseChainText('')).problem).toBe('empty');
    expect(formatError(() => parseChainText('  \n\n')).message).toMatch(/the input is empty \(expected CBOE delayed-quotes JSON/);
  });

  it('an HTML error page, named by its title', () => {
    const error = formatError(() =>
      parseChainText('<!DOCTYPE html><html><head><title>403 Forbidden</title></head><body>Access denied</body></html>'),
    );
    expect(error.problem).toBe('html');
    expect(error.message).toMatch(/HTML page \("403 Forbidden"\)/);
    expect(formatError(() => parseCboeJson('<html><body>oops</body></html>')).problem).toBe('html');
  });

  it('JSON of another shape', () => {
    const error = formatError(() => parseChainText('{"error": "symbol not found", "code": 404}'));
    expect(error.problem).toBe('wrong-shape');
    expect(error.message).toMatch(/no "options" array \(top-level keys: error, code\)/);
    expect(formatError(() => parseChainText('[1, 2, 3]')).message).toMatch(/an array, not an object/);
  });

  it('truncated JSON', () => {
    const full = fixtureText(FIXTURES.spyJson);
    const error = formatError(() => parseChainText(full.slice(0, 5000)));
    expect(error.problem).toBe('truncated');
    expect(error.message).toMatch(/ends before it is complete after 5000 characters/);
  });

  it('a CSV cut off before its header, and one with no rows after it', () => {
    const preambleOnly = spxLines.slice(0, 3).join('\n');
    expect(formatError(() => parseChainText(preambleOnly)).problem).toBe('truncated');
    const headerOnly = spxLines.slice(0, 4).join('\n');
    const error = formatError(() => parseChainText(headerOnly));
    expect(error.problem).toBe('truncated');
    expect(error.message).toMatch(/ends right after the header/);
  });

  it('a CSV whose header is not the quote table', () => {
    const badHeader = [spxLines[0], spxLines[1], spxLines[2], 'Expiration Date,Calls,Bid,Ask,Strike,Puts,Bid,Ask', spxLines[4]].join('\n');
    const error = formatError(() => parseCboeCsv(badHeader));
    expect(error.problem).toBe('bad-header');
    expect(error.message).toMatch(/line 4: the call columns are "Bid,Ask,Strike,Puts/);
  });

  it('a CSV with an unreadable Date line', () => {
    const badDate = [spxLines[0], spxLines[1], '"Date: sometime",Bid: 1', ...spxLines.slice(3, 10)].join('\n');
    const error = formatError(() => parseCboeCsv(badDate));
    expect(error.problem).toBe('bad-date');
    // Supplying the as-of instead is accepted, and said.
    const snapshot = parseCboeCsv(badDate, { asOf: Date.parse('2024-01-07T15:52:00Z') });
    expect(snapshot.warnings[0]).toMatch(/supplied by the caller/);
  });

  it('text in no known format', () => {
    const error = formatError(() => parseChainText('hello, world\nthis is not a chain'));
    expect(error.problem).toBe('wrong-shape');
    expect(error.message).toMatch(/unrecognised format starting with "hello, world"/);
  });
});

describe('rows that cannot be read', () => {
  it('are reported with their line number and reason, and the rest is kept', () => {
    const lines = spxLines.slice(0, 10);
    lines[5] = 'Fri Jan 05 2024,NOTASYMBOL,1,2,3,4,5,6,7,8,9,1300.00,SPXW240105P01300000,0,0,0,0,0,0,0,0,0';
    lines[6] = 'Someday,SPXW240105C01400000,1,2,3,4,5,6,7,8,9,1400.00,SPXW240105P01400000,0,0,0,0,0,0,0,0,0';
    lines[7] = 'Fri Jan 05 2024,SPXW240105C01600000,1,2';
    const snapshot = parseCboeCsv(lines.join('\n'));
    expect(snapshot.rejected).toEqual([
      { where: 'line 6', reason: 'call: bad option symbol: "NOTASYMBOL" is too short for an OCC symbol' },
      { where: 'line 7', reason: 'bad expiration date "Someday": not a date like "Fri Jun 10 2022"' },
      { where: 'line 8', reason: '4 fields, expected 22' },
    ]);
    // Line 6 still yields its put; lines 5, 9 and 10 both sides.
    expect(snapshot.contracts.length).toBe(7);
  });

  it('a file cut off mid-row loses only that row, and says it was cut', () => {
    const cut = spxCsv.slice(0, spxCsv.indexOf('\n', 200000) + 40);
    const snapshot = parseCboeCsv(cut);
    expect(snapshot.rejected.length).toBe(1);
    expect(snapshot.rejected[0].reason).toMatch(/file cut off\?/);
  });
});
