/**
 * One entry point for any chain text: sniffs the format (CBOE JSON or quote-table CSV), and turns any
 * failure into a ChainFormatError, so callers never meet an unexplained exception.
 */
import type { ChainSnapshot } from './model';
import { ChainFormatError, EXPECTED_ANY_CHAIN, sniffNonChain } from './errors';
import { parseCboeJson, type ParseOptions } from './cboe-json';
import { parseCboeCsv } from './cboe-csv';

export type ChainFormat = 'cboe-json' | 'cboe-csv';

export function detectFormat(text: string): ChainFormat | null {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'cboe-json';
  if (/^[^\n]*\n?[^\n]*Last:/.test(head) || head.slice(0, 4096).includes('Expiration Date,Calls')) return 'cboe-csv';
  return null;
}

export function parseChainText(text: string, options: ParseOptions = {}): ChainSnapshot {
  if (typeof text !== 'string') throw new ChainFormatError('wrong-shape', 'the input is not text', EXPECTED_ANY_CHAIN);
  const nonChain = sniffNonChain(text, EXPECTED_ANY_CHAIN);
  if (nonChain) throw nonChain;
  const format = detectFormat(text);
  if (format === null) {
    const firstLine = text.trimStart().split(/\r?\n/, 1)[0].slice(0, 80);
    throw new ChainFormatError('wrong-shape', `unrecognised format starting with ${JSON.stringify(firstLine)}`, EXPECTED_ANY_CHAIN);
  }
  try {
    return format === 'cboe-json' ? parseCboeJson(text, options) : parseCboeCsv(text, options);
  } catch (error) {
    if (error instanceof ChainFormatError) throw error;
    throw new ChainFormatError('internal', `the ${format} parser failed: ${(error as Error)?.message ?? String(error)}`, EXPECTED_ANY_CHAIN);
  }
}

export { ChainFormatError };
