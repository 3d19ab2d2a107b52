/**
 * The one error a parser raises: input that is not a chain at all, with what was expected. Row-level
 * problems are never errors; they are reported in `ChainSnapshot.rejected`.
 */
export type ChainFormatProblem =
  | 'empty'
  | 'html'
  | 'truncated'
  | 'not-json'
  | 'wrong-shape'
  | 'bad-header'
  | 'bad-date'
  | 'no-contracts'
  | 'missing-as-of'
  | 'internal';

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

/** Explains text that is plainly not a chain (empty, an HTML page), or returns null. */
export function sniffNonChain(text: string, expected: string): ChainFormatError | null {
  const head = text.replace(/^\uFEFF/, '').trimStart().slice(0, 512).toLowerCase();
  if (head.length === 0) return new ChainFormatError('empty', 'the input is empty', expected);
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(head|body|title|\?xml)/.test(head)) {
    const title = /<title>([^<]{0,120})/i.exec(text)?.[1]?.trim();
    return new ChainFormatError(
      'html',
      `the input is an HTML page${title ? ` ("${title}")` : ''}, not option data — often an error or login page`,
      expected,
    );
  }
  return null;
}
