/**
 * Boundary checks for every message the background receives. A content script lives within a web
 * page's reach, so nothing is trusted: unknown fields, wrong types and oversized values are refused
 * with a message saying which field and why.
 */

export class RequestError extends Error {}

type FieldRule =
  | { type: 'string'; max: number; optional?: boolean }
  | { type: 'integer'; min: number; max: number; optional?: boolean }
  | { type: 'boolean'; optional?: boolean };

const TICKER: FieldRule = { type: 'string', max: 16, optional: true };
const EXPIRY: FieldRule = { type: 'string', max: 40, optional: true };

/** Field rules per request; `null` means the request takes no data. */
export const REQUEST_RULES = {
  hello: { client: { type: 'string', max: 64 } },
  getLevels: { ticker: TICKER, expiry: EXPIRY },
  getHeatmap: { ticker: TICKER, expiry: EXPIRY, strikes: { type: 'integer', min: 5, max: 101, optional: true } },
  getProfile: { ticker: TICKER, expiry: EXPIRY, points: { type: 'integer', min: 2, max: 2001, optional: true } },
  getHistory: { ticker: TICKER },
  getStatus: null,
  getSettings: null,
  setTicker: { ticker: { type: 'string', max: 16 } },
  refresh: { ticker: TICKER },
  subscribe: { ticker: { type: 'string', max: 16 }, follow: { type: 'boolean', optional: true } },
  importChain: { text: { type: 'string', max: 64 * 1024 * 1024 }, name: { type: 'string', max: 260 } },
  setApiKeys: { tradier: { type: 'string', max: 200, optional: true }, polygon: { type: 'string', max: 200, optional: true } },
  clearData: null,
  setSiteEnabled: { pattern: { type: 'string', max: 300 }, enabled: { type: 'boolean' }, tabId: { type: 'integer', min: 0, max: 2 ** 31, optional: true } },
} satisfies Record<string, Record<string, FieldRule> | null>;

export type ValidatedRequest = keyof typeof REQUEST_RULES;

/** Checks `data` against the rules of `name`; returns it typed or throws RequestError. */
export function validateRequest<T>(name: ValidatedRequest, data: unknown): T {
  const rules = REQUEST_RULES[name] as Record<string, FieldRule> | null;
  if (rules === null) {
    if (data !== undefined && data !== null && !(typeof data === 'object' && Object.keys(data as object).length === 0)) {
      throw new RequestError(`${name}: takes no data`);
    }
    return undefined as T;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new RequestError(`${name}: expected an object`);
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(key in rules)) throw new RequestError(`${name}: unknown field "${key}"`);
  }
  for (const [key, rule] of Object.entries(rules)) {
    const value = record[key];
    if (value === undefined) {
      if (rule.optional) continue;
      throw new RequestError(`${name}: "${key}" is required`);
    }
    if (rule.type === 'boolean') {
      if (typeof value !== 'boolean') throw new RequestError(`${name}: "${key}" must be true or false`);
    } else if (rule.type === 'string') {
      if (typeof value !== 'string') throw new RequestError(`${name}: "${key}" must be text`);
      if (value.length > rule.max) throw new RequestError(`${name}: "${key}" is longer than ${rule.max} characters`);
    } else if (!Number.isInteger(value) || (value as number) < rule.min || (value as number) > rule.max) {
      throw new RequestError(`${name}: "${key}" must be a whole number from ${rule.min} to ${rule.max}`);
    }
  }
  return record as T;
}
