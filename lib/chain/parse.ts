/**
 * One entry point for any chain text: sniffs the format from the first bytes (CBOE JSON or quote-table
 * CSV), and turns any failure into a ChainFormatError, so callers never meet an unexplained exception.
 */
import type { ChainSnapshot } from './model';
import { ChainFormatError, EXPECTED_ANY_CHAIN } from './errors';
import { parseCboeJson, type ParseOptions } from './cboe-json';
import { parseCboeCsv } from './cboe-csv';
import { detectFormat, firstLineOf, sniffNonChain, type ChainFormat } from './sniff';

export { detectFormat, type ChainFormat };

export function parseChainText(text: string, options: ParseOptions = {}): ChainSnapshot {
  if (typeof text !== 'string') throw new ChainFormatError('wrong-shape', 'the input is not text', EXPECTED_ANY_CHAIN);
  try {
    const nonChain = sniffNonChain(text, EXPECTED_ANY_CHAIN);
    if (nonChain) throw nonChain;
    const format = detectFormat(text);
    if (format === null) {
      throw new ChainFormatError(
        'wrong-shape',
        `unrecognised format starting with ${JSON.stringify(firstLineOf(text))}`,
        EXPECTED_ANY_CHAIN,
      );
    }
    return format === 'cboe-json' ? parseCboeJson(text, options) : parseCboeCsv(text, options);
  } catch (error) {
    if (error instanceof ChainFormatError) throw error;
    throw new ChainFormatError('internal', `the chain parser failed: ${(error as Error)?.message ?? String(error)}`, EXPECTED_ANY_CHAIN);
  }
}

export { ChainFormatError };
