/**
 * CBOE delayed-quotes JSON (cdn.cboe.com/api/global/delayed_quotes/options/{SYM}.json).
 * Current schema: {timestamp: "YYYY-MM-DD HH:MM:SS" (UTC), symbol, data: {options, current_price, ...}}.
 * Older schema: the `data` object alone, with no timestamp: as-of must be supplied or is inferred.
 */
import type { ChainSnapshot } from './model';
import { ChainFormatError, EXPECTED_CBOE_JSON, asChainFormatError } from './errors';
import { parseOcc } from './occ';
import { buildContract, dominantUnderlying, finishSnapshot, isAbsent, numberOrNull } from './contract';
import { newYorkToUtc } from '../market/ny-time';
import { previousTradingDay, sessionOn } from '../market/sessions';
import { sniffNonChain } from './sniff';
import { afterByteOrderMark } from './text-lines';
import { dateProblem, isSupportedInstant, timeProblem } from './date-parts';
import { newValueTally, spotProblem, type ValueTally } from './contract-values';
import { RejectionLog } from './rejection-log';
import { ContractCollector } from './contract-collector';
import { lastExpiryCutShort } from './cut-off';
import { MAX_JSON_DEPTH, excessiveNestingAt } from './json-depth';

export interface ParseOptions {
  /** UTC ms; used when the data carries no timestamp (and overrides nothing otherwise). */
  asOf?: number;
  /** UTC ms the data was fetched; defaults to as-of. */
  fetchedAt?: number;
  provider?: string;
  delayed?: boolean;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?Z?$/;
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/;

/** The UTC timestamp, null when the field is absent, or why it cannot be read. */
function readTimestamp(value: unknown): number | null | string {
  if (value === null || value === undefined) return null;
  const shown = (JSON.stringify(value) as string | undefined)?.slice(0, 60) ?? typeof value;
  if (typeof value !== 'string') return `the "timestamp" ${shown} is not a "YYYY-MM-DD HH:MM:SS" text`;
  const match = value.length <= 40 ? TIMESTAMP.exec(value.trim()) : null;
  if (!match) return `the "timestamp" ${shown} is not "YYYY-MM-DD HH:MM:SS"`;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  const problem = dateProblem(year, month, day) ?? timeProblem(hour, minute, second);
  if (problem) return `the "timestamp" ${shown} is not a real date and time: ${problem}`;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** CBOE's last_trade_time is New York local; an impossible one is no time at all (counted). */
function readNewYorkLocal(value: unknown, tally: ValueTally): number | null {
  if (typeof value !== 'string') return null;
  const match = LOCAL_TIME.exec(value.slice(0, 40));
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  if (dateProblem(year, month, day) ?? timeProblem(hour, minute, second)) {
    tally.implausible++;
    return null;
  }
  return newYorkToUtc(match.slice(1, 4).join('-'), hour, minute, second);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseCboeJson(input: unknown, options: ParseOptions = {}): ChainSnapshot {
  return asChainFormatError(() => parseDelayedQuotes(input, options), 'CBOE JSON', EXPECTED_CBOE_JSON);
}

function parseJsonText(input: string): unknown {
  const nonChain = sniffNonChain(input, EXPECTED_CBOE_JSON);
  if (nonChain) throw nonChain;
  const body = input.slice(afterByteOrderMark(input));
  const tooDeep = excessiveNestingAt(body);
  if (tooDeep >= 0) {
    throw new ChainFormatError(
      'wrong-shape',
      `the JSON nests more than ${MAX_JSON_DEPTH} levels deep (at character ${tooDeep}); a chain nests four`,
      EXPECTED_CBOE_JSON,
    );
  }
  try {
    return JSON.parse(body);
  } catch (error) {
    const trimmed = body.trim();
    const looksCut = trimmed.startsWith('{') && !trimmed.endsWith('}');
    throw new ChainFormatError(
      looksCut ? 'truncated' : 'not-json',
      looksCut
        ? `the JSON ends before it is complete after ${input.length} characters (a cut-off download?)`
        : `the input is not valid JSON: ${String((error as Error)?.message).slice(0, 200)}`,
      EXPECTED_CBOE_JSON,
    );
  }
}

function parseDelayedQuotes(input: unknown, options: ParseOptions): ChainSnapshot {
  const root: unknown = typeof input === 'string' ? parseJsonText(input) : input;
  if (!isRecord(root)) {
    throw new ChainFormatError(
      'wrong-shape',
      `the JSON is ${Array.isArray(root) ? 'an array' : root === null ? 'null' : typeof root}, not an object`,
      EXPECTED_CBOE_JSON,
    );
  }
  const data = isRecord(root.data) ? root.data : root;
  if (!Array.isArray(data.options)) {
    const keys = Object.keys(root)
      .slice(0, 8)
      .map((key) => key.slice(0, 40))
      .join(', ');
    const found =
      data.options === undefined
        ? 'no "options" array'
        : `an "options" that is ${data.options === null ? 'null' : typeof data.options}, not an array`;
    throw new ChainFormatError('wrong-shape', `the JSON has ${found} (top-level keys: ${keys || 'none'})`, EXPECTED_CBOE_JSON);
  }
  const rawOptions = data.options as unknown[];
  const warnings: string[] = [];
  const timestamp = readTimestamp(root.timestamp ?? (root === data ? undefined : data.timestamp));
  if (typeof timestamp === 'string') throw new ChainFormatError('bad-date', timestamp, EXPECTED_CBOE_JSON);
  if (timestamp !== null && !isSupportedInstant(timestamp)) {
    throw new ChainFormatError('bad-date', `the "timestamp" lies outside 2000-2099`, EXPECTED_CBOE_JSON);
  }
  let asOf: number;
  let asOfInferred = false;
  if (timestamp !== null) {
    asOf = timestamp;
  } else if (options.asOf !== undefined && isSupportedInstant(options.asOf)) {
    asOf = options.asOf;
    asOfInferred = true;
    warnings.push(`the data has no timestamp; as-of ${new Date(asOf).toISOString()} was supplied by the caller`);
  } else {
    const inferred = inferAsOf(rawOptions);
    if (inferred === null) {
      throw new ChainFormatError(
        'no-contracts',
        rawOptions.length === 0 ? 'the "options" array is empty' : `none of the ${rawOptions.length} options has a readable option symbol`,
        EXPECTED_CBOE_JSON,
      );
    }
    asOf = inferred;
    asOfInferred = true;
    warnings.push(
      `the data has no timestamp; as-of was inferred as ${new Date(asOf).toISOString()}, the close of the session before the earliest expiry`,
    );
  }

  const tally = newValueTally();
  const rejections = new RejectionLog();
  const collector = new ContractCollector((index) => `options[${index}]`);
  for (let index = 0; index < rawOptions.length; index++) {
    const record = rawOptions[index];
    const where = `options[${index}]`;
    if (!isRecord(record)) {
      rejections.add(where, 'not an object');
      continue;
    }
    const occ = parseOcc(record.option as string);
    if (typeof occ === 'string') {
      rejections.add(where, `bad option symbol: ${occ}`);
      continue;
    }
    const openInterest = countValue(record.open_interest, 'open interest');
    const volume = countValue(record.volume, 'volume');
    if (typeof openInterest === 'string' || typeof volume === 'string') {
      rejections.add(where, typeof openInterest === 'string' ? openInterest : (volume as string));
      continue;
    }
    const contract = buildContract(
      occ,
      {
        bid: priceValue(record.bid, tally),
        ask: priceValue(record.ask, tally),
        last: priceValue(record.last_trade_price, tally),
        volume,
        openInterest,
        iv: priceValue(record.iv, tally),
        delta: priceValue(record.delta, tally),
        gamma: priceValue(record.gamma, tally),
        vega: priceValue(record.vega, tally),
        theta: priceValue(record.theta, tally),
        quoteTime: readNewYorkLocal(record.last_trade_time, tally),
      },
      asOf,
      tally,
    );
    if (typeof contract === 'string') {
      rejections.add(where, contract);
      continue;
    }
    const first = collector.add(contract, index);
    if (first !== null) rejections.add(where, `repeats ${contract.occ}, first given at ${first}`);
  }
  const contracts = collector.contracts;
  if (contracts.length === 0) {
    throw new ChainFormatError(
      'no-contracts',
      rawOptions.length === 0
        ? 'the "options" array is empty'
        : `none of the ${rawOptions.length} options could be read (first: ${rejections.first()})`,
      EXPECTED_CBOE_JSON,
    );
  }
  const symbol = typeof root.symbol === 'string' ? root.symbol : typeof data.symbol === 'string' ? data.symbol : '';
  const underlying = /^_?[A-Za-z0-9.]{1,12}$/.test(symbol) ? symbol.replace(/^_/, '').toUpperCase() : dominantUnderlying(contracts, '');
  const spot = spotOf(data, warnings);
  return finishSnapshot({
    defaultProvider: 'cboe',
    options,
    underlying,
    spot,
    asOf,
    asOfInferred,
    contracts,
    rejected: rejections.listed,
    warnings,
    rejectedWhat: 'option records',
    tally,
    integrity: {
      sourceRows: rawOptions.length,
      rejections: rejections.count,
      repeatedContracts: collector.repeats,
      cutOff: lastExpiryCutShort(contracts, spot),
      joined: null,
    },
  });
}

/** A count: absent is 0; anything else must be a non-negative number (the reason names the field). */
function countValue(value: unknown, name: string): number | string {
  if (isAbsent(value)) return 0;
  const number = numberOrNull(value);
  if (number === null) return `${name} ${JSON.stringify(value)?.slice(0, 40)} is not a number`;
  return number;
}

/** A price, IV or greek: absent is missing; anything else that is not a number is missing and counted. */
function priceValue(value: unknown, tally: ValueTally): number | null {
  const number = numberOrNull(value);
  if (number === null && !isAbsent(value)) tally.implausible++;
  return number;
}

/** current_price, else close; one that cannot be a price is said, and the next is tried. */
function spotOf(data: Record<string, unknown>, warnings: string[]): number | null {
  for (const field of ['current_price', 'close'] as const) {
    const raw = data[field];
    if (isAbsent(raw)) continue;
    const value = numberOrNull(raw);
    const problem = value === null ? `${JSON.stringify(raw)?.slice(0, 40)} is not a number` : spotProblem(value);
    if (!problem) return value;
    warnings.push(`the data's ${field} cannot be used as the underlying price: ${problem}`);
  }
  warnings.push('the data gives no usable current_price or close for the underlying; spot will be estimated from call/put parity');
  return null;
}

/**
 * Without a timestamp: the close of the last session before the earliest listed expiry. An expiry given
 * by a single record does not count, so one stray symbol cannot move as-of years back.
 */
function inferAsOf(rawOptions: unknown[]): number | null {
  const counts = new Map<string, number>();
  for (const record of rawOptions) {
    if (!isRecord(record)) continue;
    const occ = parseOcc(record.option as string);
    if (typeof occ !== 'string') counts.set(occ.expiry, (counts.get(occ.expiry) ?? 0) + 1);
  }
  const expiries = [...counts.keys()].sort();
  const earliest = expiries.find((expiry) => (counts.get(expiry) as number) >= 2) ?? expiries[0];
  if (earliest === undefined) return null;
  const session = sessionOn(previousTradingDay(earliest));
  return session ? session.close : newYorkToUtc(earliest, 9, 30);
}
