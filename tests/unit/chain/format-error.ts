import { expect } from 'vitest';
import { ChainFormatError } from '../../../lib/chain/errors';

/** The ChainFormatError a run throws; fails the test when it throws anything else or nothing. */
export function formatError(run: () => unknown): ChainFormatError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ChainFormatError);
    return error as ChainFormatError;
  }
  throw new Error('expected a ChainFormatError, but parsing succeeded');
}
