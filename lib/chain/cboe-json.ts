/**
 * CBOE delayed-quotes JSON (cdn.cboe.com/api/global/delayed_quotes/options/{SYM}.json).
 * Current schema: {timestamp: "YYYY-MM-DD HH:MM:SS" (UTC), symbol, data: {options, current_price, ...}}.
 * Older schema: the `data` object alone, with no timestamp: as-of must be supplied or is inferred.
 */
import type { ChainSnapshot, OptionContract, RejectedRow } from './model';
import { ChainFormatError, EXPECTED_CBOE_JSON, sniffNonChain } from './errors';
import { parseOcc } from './occ';
import { buildContract, dominantUnderlying, finishSnapshot, numberOrNull } from './contract';
import { newYorkToUtc } from '../market/ny-time';
import { previousTradingDay, sessionOn } from '../market/sessions';

export interface ParseOptions {
  /** UTC ms; used when the data carries no timestamp (and overrides nothing otherwise). */
  asOf?: number;
  /** UTC ms the data was fetched; defaults to as-of. */
  fetchedAt?: number;
  provider?: string;
  delayed?: boolean;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z?$/;
const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})/;

function parseUtcTimestamp(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = TIMESTAMP.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/** CBOE's last_trade_time is New York local. */
function parseNewYorkLocal(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = LOCAL_TIME.exec(value);
  if (!match) return null;
  return newYorkToUtc(match[1], Number(match[2]), Number(match[3]), Number(match[4]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseCboeJson(input: string | unknown, options: ParseOptions = {}): ChainSnapshot {
  let root: unknown = input;
  if (typeof input === 'string') {
    const nonChain = sniffNonChain(input, EXPECTED_CBOE_JSON);
    if (nonChain) throw nonChain;
    try {
      root = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (error) {
      const trimmed = input.trimEnd();
      const looksCut = trimmed.startsWith('{') && !trimmed.endsWith('}');
      throw new ChainFormatError(
        looksCut ? 'truncated' : 'not-json',
        looksCut
          ? `the JSON ends before it is complete after ${input.length} characters (a cut-off download?)`
          : `the input is not valid JSON: ${(error as Error).message}`,
        EXPECTED_CBOE_JSON,
      );
    }
  }
  if (!isRecord(root)) {
    throw new ChainFormatError('wrong-shape', `the JSON is ${Array.isArray(root) ? 'an array' : typeof root}, not an object`, EXPECTED_CBOE_JSON);
  }
  const data = isRecord(root.data) ? root.data : root;
  if (!Array.isArray(data.options)) {
    const keys = Object.keys(root).slice(0, 8).join(', ');
    throw new ChainFormatError('wrong-shape', `the JSON has no "options" array (top-level keys: ${keys || 'none'})`, EXPECTED_CBOE_JSON);
  }
  const rawOptions = data.options as unknown[];
  const warnings: string[] = [];
  const timestamp = parseUtcTimestamp(root.timestamp);
  let asOf: number;
  let asOfInferred = false;
  if (timestamp !== null) {
    asOf = timestamp;
  } else if (options.asOf !== undefined && Number.isFinite(options.asOf)) {
    asOf = options.asOf;
    asOfInferred = true;
    warnings.push(`the data has no timestamp; as-of ${new Date(asOf).toISOString()} was supplied by the caller`);
  } else {
    asOf = inferAsOf(rawOptions);
    asOfInferred = true;
    warnings.push(
      `the data has no timestamp; as-of was inferred as ${new Date(asOf).toISOString()}, the close of the session before the earliest expiry`,
    );
  }

  const contracts: OptionContract[] = [];
  const rejected: RejectedRow[] = [];
  for (let index = 0; index < rawOptions.length; index++) {
    const record = rawOptions[index];
    const where = `options[${index}]`;
    if (!isRecord(record)) {
      rejected.push({ where, reason: 'not an object' });
      continue;
    }
    const occ = parseOcc(record.option as string);
    if (typeof occ === 'string') {
      rejected.push({ where, reason: `bad option symbol: ${occ}` });
      continue;
    }
    contracts.push(
      buildContract(
        occ,
        {
          bid: numberOrNull(record.bid),
          ask: numberOrNull(record.ask),
          last: numberOrNull(record.last_trade_price),
          volume: numberOrNull(record.volume),
          openInterest: numberOrNull(record.open_interest),
          iv: numberOrNull(record.iv),
          delta: numberOrNull(record.delta),
          gamma: numberOrNull(record.gamma),
          vega: numberOrNull(record.vega),
          theta: numberOrNull(record.theta),
          quoteTime: parseNewYorkLocal(record.last_trade_time),
        },
        asOf,
      ),
    );
  }
  if (contracts.length === 0) {
    throw new ChainFormatError(
      'no-contracts',
      rawOptions.length === 0 ? 'the "options" array is empty' : `none of the ${rawOptions.length} options could be read (first: ${rejected[0]?.reason})`,
      EXPECTED_CBOE_JSON,
    );
  }
  const symbol = typeof root.symbol === 'string' ? root.symbol : typeof data.symbol === 'string' ? data.symbol : '';
  const underlying = symbol ? symbol.replace(/^_/, '').toUpperCase() : dominantUnderlying(contracts, '');
  const spot = numberOrNull(data.current_price) ?? numberOrNull(data.close);
  if (spot === null) warnings.push('the data gives no current_price or close for the underlying');
  // IV placeholders like 26.001 (2600%) on far out-of-the-money puts are not volatilities.
  let placeholders = 0;
  for (const contract of contracts) {
    if (contract.iv !== null && contract.iv > 5) {
      contract.iv = null;
      placeholders++;
    }
  }
  if (placeholders > 0) warnings.push(`${placeholders} IV values above 500% were taken as placeholders and treated as missing`);
  return finishSnapshot({ defaultProvider: 'cboe', options, underlying, spot, asOf, asOfInferred, contracts, rejected, warnings, rejectedWhat: 'option records' });
}

/** Without a timestamp: the close of the last session before the earliest listed expiry. */
function inferAsOf(rawOptions: unknown[]): number {
  let earliest: string | null = null;
  for (const record of rawOptions) {
    if (!isRecord(record)) continue;
    const occ = parseOcc(record.option as string);
    if (typeof occ !== 'string' && (earliest === null || occ.expiry < earliest)) earliest = occ.expiry;
  }
  if (earliest === null) return 0;
  const session = sessionOn(previousTradingDay(earliest));
  return session ? session.close : newYorkToUtc(earliest, 9, 30);
}
