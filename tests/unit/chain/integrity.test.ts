/** The snapshot says what the source says about its own completeness: repeats, cuts, joins. */
import { describe, expect, it } from 'vitest';
import { parseChainText } from '../../../lib/chain/parse';
import { parseCboeJson } from '../../../lib/chain/cboe-json';
import { MAX_LISTED_REJECTIONS } from '../../../lib/chain/rejection-log';
import { FIXTURES, fixtureText } from '../fixtures';
import { csvParts } from './raw-text';

const spx = fixtureText(FIXTURES.spx);

describe('integrity facts of the real fixtures', () => {
  it.each([FIXTURES.spx, FIXTURES.spy, FIXTURES.nvda])('%s: every row counted, nothing repeated, cut or joined', (name) => {
    const text = fixtureText(name);
    expect(parseChainText(text).integrity).toEqual({
      sourceRows: csvParts(text).rows.length,
      rejections: 0,
      repeatedContracts: 0,
      cutOff: null,
      joined: null,
    });
  });

  it('the JSON fixture: every record counted', () => {
    const text = fixtureText(FIXTURES.spyJson);
    const records = (JSON.parse(text) as { options: unknown[] }).options.length;
    expect(parseChainText(text).integrity).toEqual({
      sourceRows: records,
      rejections: 0,
      repeatedContracts: 0,
      cutOff: null,
      joined: null,
    });
  });
});

describe('repeated contracts', () => {
  it('a CSV joined with itself keeps each contract once and names where the first one was', () => {
    const { lines, header, rows } = csvParts(spx);
    const twice = spx + spx;
    const snapshot = parseChainText(twice);
    expect(snapshot.contracts.length).toBe(rows.length * 2);
    expect(snapshot.integrity?.repeatedContracts).toBe(rows.length * 2);
    // The second copy starts after the first file's lines (its last line is empty: the file ends with "\n").
    const secondFirstRow = lines.length - 1 + header + 2;
    expect(snapshot.rejected).toContainEqual({
      where: `line ${secondFirstRow}`,
      reason: `call: repeats ${rows[0].split(',')[1]}, first given on line ${header + 2}`,
    });
    expect(snapshot.integrity?.joined).toBe(`a second preamble ("Last:" / "Date:" line) at line ${lines.length + 1}`);
    expect(snapshot.warnings).toContain(`${rows.length * 2} contracts appear more than once; only the first of each was kept`);
  });

  it('the rejection list stops at its limit while the count stays whole', () => {
    const snapshot = parseChainText(spx + spx);
    expect(snapshot.rejected.length).toBe(MAX_LISTED_REJECTIONS);
    expect(snapshot.integrity?.rejections).toBeGreaterThan(MAX_LISTED_REJECTIONS);
    expect(snapshot.warnings.join('\n')).toMatch(/were rejected \(the first 1,000 are listed\)/);
  });

  it('rows repeated out of order are found too', () => {
    const { lines, header } = csvParts(spx);
    const shuffled = [...lines.slice(0, header + 1), lines[header + 300], ...lines.slice(header + 1)].join('\n');
    const snapshot = parseChainText(shuffled);
    expect(snapshot.integrity?.repeatedContracts).toBe(2);
    expect(snapshot.rejected[0]).toEqual({
      where: `line ${header + 302}`,
      reason: expect.stringMatching(/^call: repeats \S+, first given on line \d+$/),
    });
  });

  it('JSON records given twice are refused the same way', () => {
    const record = { option: 'SPY240119C00450000', iv: 0.15, open_interest: 5 };
    const snapshot = parseCboeJson({
      timestamp: '2024-01-08 16:00:00',
      data: { current_price: 450, options: [record, { ...record, option: 'SPY240119P00450000' }, record] },
    });
    expect(snapshot.contracts.length).toBe(2);
    expect(snapshot.rejected).toEqual([{ where: 'options[2]', reason: 'repeats SPY240119C00450000, first given at options[0]' }]);
    expect(snapshot.integrity?.repeatedContracts).toBe(1);
  });
});

describe('cut-off files', () => {
  it('a last row without its newline is flagged (a cut inside its last cell is otherwise invisible)', () => {
    // The last row reads whole without its "\n"; had the cut fallen inside its last cell, it would too.
    const cut = spx.slice(0, -1);
    const snapshot = parseChainText(cut);
    expect(snapshot.rejected).toEqual([]);
    expect(snapshot.integrity?.cutOff).toBe(`the last row, line ${csvParts(spx).lines.length - 1}, does not end with a newline`);
    expect(snapshot.warnings.join('\n')).toMatch(/the data looks cut off: the last row/);
  });

  it('a short last row is rejected and flagged', () => {
    const cut = spx.slice(0, spx.indexOf('\n', 200000) + 40);
    const snapshot = parseChainText(cut);
    expect(snapshot.rejected).toHaveLength(1);
    expect(snapshot.rejected[0].reason).toMatch(/fields, expected 22 \(file cut off\?\)$/);
    expect(snapshot.integrity?.cutOff).toMatch(/^the last row, line \d+, has \d+ of 22 fields$/);
  });

  it('a second header in the middle marks the file as joined', () => {
    const { lines, header } = csvParts(spx);
    const joined = [...lines.slice(0, header + 100), lines[header], ...lines.slice(header + 100)].join('\n');
    expect(parseChainText(joined).integrity?.joined).toBe(`a second "Expiration Date,Calls,..." header at line ${header + 101}`);
  });
});
