/**
 * The one error a parser raises: input that is not a chain at all, with what was expected. Row-level
 * problems are never errors; they are reported in `ChainSnapshot.rejected`.
 */
export type ChainFormatProblem =
  'empty' | 'html' | 'truncated' | 'not-json' | 'wrong-shape' | 'bad-header' | 'bad-date' | 'no-contracts' | 'missing-as-of' | 'internal';

export class ChainFormatError extends Error {
  readonly problem: ChainFormatProblem;
  readonly expected: string;

  constructor(problem: ChainFormatProblem, message: string, expected: string) {
    super(`${message} (expected ${expected})`);
    this.name = 'ChainFormatError';
    this.problem = problem;
    this.expected = expected;
  }
}

export const EXPECTED_CBOE_JSON =
  'CBOE delayed-quotes JSON: {"timestamp", "data": {"options": [...], "current_price"}} or the "data" object alone';
export const EXPECTED_CBOE_CSV =
  'CBOE quote-table CSV: a "Last:" line, a "Date:" line, then the header "Expiration Date,Calls,...,Strike,Puts,..."';
export const EXPECTED_ANY_CHAIN = `${EXPECTED_CBOE_JSON}, or ${EXPECTED_CBOE_CSV}`;

/**
 * Runs a parser so that whatever goes wrong inside reaches the caller as a ChainFormatError: input must
 * never surface as an unexplained exception (a RangeError, a stack overflow) in the service or the CLI.
 */
export function asChainFormatError<T>(run: () => T, what: string, expected: string): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ChainFormatError) throw error;
    throw new ChainFormatError('internal', `the ${what} parser failed: ${(error as Error)?.message ?? String(error)}`, expected);
  }
}
