/**
 * A bars response's text to a JSON value, refusing plainly what is none: empty text, an HTML page (an
 * error or login page served with status 200), nesting no bars file has, text cut off mid-way.
 */
import { BarsFormatError } from './errors';
import { afterByteOrderMark } from '../chain/text-lines';
import { excessiveNestingAt } from '../chain/json-depth';

/** A bars file nests four levels ({data: [{price: {...}}]}); more than this is something else. */
const MAX_BARS_DEPTH = 16;

export function readBarsJson(input: unknown, expected: string): unknown {
  if (typeof input !== 'string') return input;
  const body = input.slice(afterByteOrderMark(input)).trim();
  if (body === '') throw new BarsFormatError('empty', 'the input is empty', expected);
  const head = body.slice(0, 512).toLowerCase();
  if (head.startsWith('<')) {
    const title = /<title[^>]{0,200}>([^<]{0,120})/i.exec(body.slice(0, 4096))?.[1]?.trim();
    throw new BarsFormatError(
      'html',
      `the input is an HTML or XML page${title ? ` ("${title}")` : ''}, not bars — often an error page`,
      expected,
    );
  }
  const tooDeep = excessiveNestingAt(body, MAX_BARS_DEPTH);
  if (tooDeep >= 0)
    throw new BarsFormatError('wrong-shape', `the JSON nests more than ${MAX_BARS_DEPTH} levels deep (at character ${tooDeep})`, expected);
  try {
    return JSON.parse(body);
  } catch (error) {
    const cut = body.startsWith('{') && !body.endsWith('}');
    throw new BarsFormatError(
      cut ? 'truncated' : 'not-json',
      cut
        ? `the JSON ends before it is complete after ${input.length} characters (a cut-off download?)`
        : `the input is not valid JSON: ${String((error as Error)?.message).slice(0, 200)}`,
      expected,
    );
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a value is, for messages: `"abc"`, `null`, `an object`. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (isRecord(value)) return 'an object';
  return (JSON.stringify(value) ?? typeof value).slice(0, 40);
}
