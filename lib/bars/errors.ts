/**
 * The one error a bars parser raises: input that holds no usable bars at all (not JSON, another
 * shape, another symbol's bars, no row that could be read), with what was expected. Rows that cannot be
 * used are never errors; they are listed in the series' `rejected`.
 */
export type BarsFormatProblem = 'empty' | 'html' | 'not-json' | 'truncated' | 'wrong-shape' | 'wrong-symbol' | 'no-bars' | 'internal';

export class BarsFormatError extends Error {
  readonly problem: BarsFormatProblem;
  readonly expected: string;

  constructor(problem: BarsFormatProblem, message: string, expected: string) {
    super(`${message} (expected ${expected})`);
    this.name = 'BarsFormatError';
    this.problem = problem;
    this.expected = expected;
  }
}

export const EXPECTED_CBOE_DAILY =
  'CBOE charts/historical JSON: {"symbol", "data": [{"date": "YYYY-MM-DD", "open", "high", "low", "close", "volume"}]}';
export const EXPECTED_CBOE_MINUTES =
  'CBOE charts/intraday JSON: {"symbol", "data": [{"datetime": "YYYY-MM-DDTHH:MM:SS", "price": {"open", "high", "low", "close"}}]}';
export const EXPECTED_TRADIER_HISTORY =
  'Tradier /v1/markets/history JSON: {"history": {"day": [{"date", "open", "high", "low", "close", "volume"}]}}';
export const EXPECTED_POLYGON_AGGS = 'Polygon /v2/aggs JSON: {"ticker", "results": [{"t", "o", "h", "l", "c", "v"}]}';
export const EXPECTED_ANY_DAILY = `${EXPECTED_CBOE_DAILY}, ${EXPECTED_TRADIER_HISTORY}, or ${EXPECTED_POLYGON_AGGS}`;

/** Runs a parser so that whatever goes wrong inside reaches the caller as a BarsFormatError. */
export function asBarsFormatError<T>(run: () => T, what: string, expected: string): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof BarsFormatError) throw error;
    throw new BarsFormatError('internal', `the ${what} parser failed: ${(error as Error)?.message ?? String(error)}`, expected);
  }
}
