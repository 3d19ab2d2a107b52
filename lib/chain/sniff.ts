/**
 * Format sniffing from the first bytes only: whatever the input's size or shape (10 MB without a line
 * break, binary), telling what it is costs at most one look at SNIFF_LENGTH characters.
 */
import { ChainFormatError } from './errors';
import { LineReader, afterByteOrderMark } from './text-lines';

export type ChainFormat = 'cboe-json' | 'cboe-csv';

/** How much of the input sniffing reads. */
const SNIFF_LENGTH = 64 * 1024;
/** Lines of a quote-table CSV that may come before its header (CBOE writes three). */
export const MAX_PREAMBLE_LINES = 20;

/** The input's first SNIFF_LENGTH characters after a byte-order mark and leading blanks. */
function headOf(text: string): string {
  const from = afterByteOrderMark(text);
  return text.slice(from, from + SNIFF_LENGTH).trimStart();
}

export function detectFormat(text: string): ChainFormat | null {
  const head = headOf(text);
  if (head.startsWith('{') || head.startsWith('[')) return 'cboe-json';
  const reader = new LineReader(head);
  while (reader.next() && reader.number <= MAX_PREAMBLE_LINES) {
    const line = reader.line();
    if (line.startsWith('Expiration Date,')) return 'cboe-csv';
    // The preamble's "Name,Last: 4697.24,..." line (the header may lie beyond the sniffed bytes).
    if (reader.number <= 3 && line.includes('Last:')) return 'cboe-csv';
  }
  return null;
}

/** Explains text that is plainly not a chain (empty, an HTML page), or returns null. */
export function sniffNonChain(text: string, expected: string): ChainFormatError | null {
  const head = headOf(text);
  if (head.length === 0 && isBlankText(text)) return new ChainFormatError('empty', 'the input is empty', expected);
  const lower = head.slice(0, 512).toLowerCase();
  if (lower.startsWith('<!doctype html') || lower.startsWith('<html') || /^<(head|body|title|\?xml)/.test(lower)) {
    const title = /<title[^>]{0,200}>([^<]{0,120})/i.exec(head)?.[1]?.trim();
    return new ChainFormatError(
      'html',
      `the input is an HTML page${title ? ` ("${title}")` : ''}, not option data — often an error or login page`,
      expected,
    );
  }
  return null;
}

/** The first line of the input, at most 80 characters, for messages. */
export function firstLineOf(text: string): string {
  const reader = new LineReader(headOf(text).slice(0, 200));
  return reader.next() ? reader.line().slice(0, 80) : '';
}

function isBlankText(text: string): boolean {
  return !/[^\s\uFEFF]/.test(text);
}
