/** LF, CRLF and CR-only (Excel for Mac's "CSV (Macintosh)") files are the same file. */
import { describe, expect, it } from 'vitest';
import { parseChainText } from '../../../lib/chain/parse';
import { detectFormat } from '../../../lib/chain/sniff';
import { LineReader } from '../../../lib/chain/text-lines';
import { FIXTURES, fixtureText } from '../fixtures';
import { csvParts } from './raw-text';

const spx = fixtureText(FIXTURES.spx);

describe('line breaks', () => {
  it('the SPX fixture as CR-only and as CRLF parses to exactly the contracts of the LF file', () => {
    const lf = parseChainText(spx);
    const crOnly = parseChainText(spx.replace(/\n/g, '\r'));
    const crlf = parseChainText(spx.replace(/\n/g, '\r\n'));
    // Independent of the parser: every row gives a call and a put.
    expect(lf.contracts.length).toBe(csvParts(spx).rows.length * 2);
    for (const other of [crOnly, crlf]) {
      expect(other.contracts).toEqual(lf.contracts);
      expect(other.spot).toBe(lf.spot);
      expect(other.asOf).toBe(lf.asOf);
      expect(other.rejected).toEqual([]);
      expect(other.warnings).toEqual(lf.warnings);
      expect(other.integrity).toEqual(lf.integrity);
    }
  });

  it('a byte-order mark in front changes nothing', () => {
    for (const name of [FIXTURES.spx, FIXTURES.spyJson]) {
      const text = fixtureText(name);
      expect(parseChainText(`\uFEFF${text}`).contracts).toEqual(parseChainText(text).contracts);
    }
  });

  it('CR-only text is sniffed as a quote table from its first bytes', () => {
    expect(detectFormat(spx.replace(/\n/g, '\r'))).toBe('cboe-csv');
    expect(detectFormat(spx.slice(0, 300).replace(/\n/g, '\r'))).toBe('cboe-csv');
  });
});

describe('the line reader', () => {
  function lines(text: string): { text: string; terminated: boolean }[] {
    const reader = new LineReader(text);
    const out: { text: string; terminated: boolean }[] = [];
    while (reader.next()) out.push({ text: reader.line(), terminated: reader.terminated });
    return out;
  }

  it('ends lines at LF, CRLF and a lone CR alike, and says whether the last one was ended', () => {
    expect(lines('a\nb\r\nc\rd')).toEqual([
      { text: 'a', terminated: true },
      { text: 'b', terminated: true },
      { text: 'c', terminated: true },
      { text: 'd', terminated: false },
    ]);
    expect(lines('a\n\n\r\rb\n')).toEqual([
      { text: 'a', terminated: true },
      { text: '', terminated: true },
      { text: '', terminated: true },
      { text: '', terminated: true },
      { text: 'b', terminated: true },
    ]);
    expect(lines('')).toEqual([]);
    expect(lines('\r\n')).toEqual([{ text: '', terminated: true }]);
  });

  it('numbers lines from 1', () => {
    const reader = new LineReader('x\ry\r\nz');
    const numbers: number[] = [];
    while (reader.next()) numbers.push(reader.number);
    expect(numbers).toEqual([1, 2, 3]);
  });
});
