/**
 * CBOE quote-table CSV, as cboe.com's delayed quote page exports it:
 *   line 1   (blank or a title)
 *   line 2   `S&P 500 INDEX,Last: 4697.2402,Change: ...`
 *   line 3   `"Date: January 7, 2024 at 10:52 AM EST",Bid: ...`  (older: `"Date: June 11, 2022, 8:47 PM EDT"`)
 *   line 4   `Expiration Date,Calls,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest,Strike,Puts,...`
 *   then one row per (expiry, strike), call and put side by side.
 */
import type { ChainSnapshot, OptionContract, RejectedRow } from './model';
import { ChainFormatError, EXPECTED_CBOE_CSV, sniffNonChain } from './errors';
import { parseOcc } from './occ';
import { buildContract, dominantUnderlying, finishSnapshot, numberOrNull } from './contract';
import type { ParseOptions } from './cboe-json';
import { formatDate, newYorkToUtc } from '../market/ny-time';
import { splitCsvLine } from './csv-line';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const SHORT_MONTHS = MONTHS.map((month) => month.slice(0, 3));
const DATE_LINE = /Date:\s*([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})(?:\s+at|,)?\s+(\d{1,2}):(\d{2})\s*([AP]M)\s*([A-Z]{2,4})?/i;
const ROW_DATE = /^(?:[A-Za-z]{3}\s+)?([A-Za-z]{3})\s+(\d{1,2})\s+(\d{4})$/;
const SIDE_FIELDS = ['Last Sale', 'Net', 'Bid', 'Ask', 'Volume', 'IV', 'Delta', 'Gamma', 'Open Interest'];
const ZONE_OFFSETS: Record<string, number> = { EST: -300, EDT: -240 };

interface HeaderLayout {
  expiration: number;
  calls: number;
  strike: number;
  puts: number;
  width: number;
}

/** The as-of instant from the "Date:" line, or an explanation. */
export function parseCboeDateLine(line: string): number | string {
  const match = DATE_LINE.exec(line);
  if (!match) return `no "Date: Month D, YYYY at H:MM AM/PM TZ" in ${JSON.stringify(line.slice(0, 80))}`;
  const [, monthName, day, year, hour12, minute, meridiem, zone] = match;
  const month = MONTHS.indexOf(monthName.toLowerCase()) + 1 || SHORT_MONTHS.indexOf(monthName.toLowerCase().slice(0, 3)) + 1;
  if (month === 0) return `unknown month "${monthName}" in the Date line`;
  let hour = Number(hour12) % 12;
  if (meridiem.toUpperCase() === 'PM') hour += 12;
  const date = formatDate(Number(year), month, Number(day));
  const zoneOffset = zone ? ZONE_OFFSETS[zone.toUpperCase()] : undefined;
  if (zoneOffset !== undefined) {
    // The file states its zone: trust the label (EST = UTC-5, EDT = UTC-4).
    return Date.UTC(Number(year), month - 1, Number(day), hour, Number(minute)) - zoneOffset * 60000;
  }
  return newYorkToUtc(date, hour, Number(minute));
}

const rowDateCache = new Map<string, string | null>();

function parseRowDate(value: string): string | null {
  let date = rowDateCache.get(value);
  if (date === undefined) {
    date = parseRowDateUncached(value);
    if (rowDateCache.size > 10000) rowDateCache.clear();
    rowDateCache.set(value, date);
  }
  return date;
}

function parseRowDateUncached(value: string): string | null {
  const match = ROW_DATE.exec(value.trim());
  if (!match) return null;
  const month = SHORT_MONTHS.indexOf(match[1].toLowerCase()) + 1;
  return month === 0 ? null : formatDate(Number(match[3]), month, Number(match[2]));
}

function headerLayout(fields: string[]): HeaderLayout | string {
  const names = fields.map((field) => field.trim());
  const expiration = names.indexOf('Expiration Date');
  const calls = names.indexOf('Calls');
  const strike = names.indexOf('Strike');
  const puts = names.indexOf('Puts');
  if (expiration < 0 || calls < 0 || strike < 0 || puts < 0) {
    return `the header lacks ${['Expiration Date', 'Calls', 'Strike', 'Puts'].filter((name) => !names.includes(name)).join(', ')}`;
  }
  for (const [start, side] of [[calls, 'call'], [puts, 'put']] as const) {
    const actual = names.slice(start + 1, start + 1 + SIDE_FIELDS.length);
    if (actual.join('|') !== SIDE_FIELDS.join('|')) {
      return `the ${side} columns are "${actual.join(',')}", not "${SIDE_FIELDS.join(',')}"`;
    }
  }
  return { expiration, calls, strike, puts, width: names.length };
}

export function parseCboeCsv(text: string, options: ParseOptions = {}): ChainSnapshot {
  const nonChain = sniffNonChain(text, EXPECTED_CBOE_CSV);
  if (nonChain) throw nonChain;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerIndex = lines.findIndex((line, index) => index < 20 && line.startsWith('Expiration Date,'));
  if (headerIndex < 0) {
    const trimmed = text.trimStart();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      throw new ChainFormatError('wrong-shape', 'the input is JSON, not a quote-table CSV', EXPECTED_CBOE_CSV);
    }
    const hasPreamble = lines.slice(0, 5).some((line) => /Last:/.test(line)) && lines.slice(0, 5).some((line) => /Date:/.test(line));
    throw new ChainFormatError(
      hasPreamble ? 'truncated' : 'bad-header',
      hasPreamble
        ? `the file stops after ${lines.filter((line) => line.trim()).length} lines, before the "Expiration Date,Calls,..." header`
        : 'no "Expiration Date,Calls,..." header in the first 20 lines',
      EXPECTED_CBOE_CSV,
    );
  }
  const layout = headerLayout(lines[headerIndex].split(','));
  if (typeof layout === 'string') throw new ChainFormatError('bad-header', `line ${headerIndex + 1}: ${layout}`, EXPECTED_CBOE_CSV);

  const preamble = lines.slice(0, headerIndex);
  const lastLine = preamble.find((line) => /Last:/.test(line));
  const dateLine = preamble.find((line) => /Date:/.test(line));
  const warnings: string[] = [];
  let asOf: number;
  let asOfInferred = false;
  const parsedDate = dateLine ? parseCboeDateLine(dateLine) : 'no "Date:" line above the header';
  if (typeof parsedDate === 'number') {
    asOf = parsedDate;
  } else if (options.asOf !== undefined) {
    asOf = options.asOf;
    asOfInferred = true;
    warnings.push(`${parsedDate}; as-of ${new Date(asOf).toISOString()} was supplied by the caller`);
  } else {
    throw new ChainFormatError('bad-date', `cannot tell when the data is from: ${parsedDate}`, EXPECTED_CBOE_CSV);
  }
  const spotMatch = lastLine ? /Last:\s*([0-9.,]+)/.exec(lastLine) : null;
  const spot = spotMatch ? numberOrNull(spotMatch[1]) : null;
  if (spot === null) warnings.push('no "Last:" price for the underlying above the header');

  const contracts: OptionContract[] = [];
  const rejected: RejectedRow[] = [];
  let dataRows = 0;
  for (let index = headerIndex + 1; index < lines.length; index++) {
    const line = lines[index];
    if (line.trim() === '') continue;
    dataRows++;
    const where = `line ${index + 1}`;
    const fields = splitCsvLine(line);
    if (fields.length < layout.width) {
      rejected.push({ where, reason: `${fields.length} fields, expected ${layout.width}${index === lines.length - 1 ? ' (file cut off?)' : ''}` });
      continue;
    }
    const rowExpiry = parseRowDate(fields[layout.expiration]);
    if (rowExpiry === null) {
      rejected.push({ where, reason: `bad expiration date "${fields[layout.expiration]}"` });
      continue;
    }
    const rowStrike = numberOrNull(fields[layout.strike]);
    for (const [start, side] of [[layout.calls, 'call'], [layout.puts, 'put']] as const) {
      const occ = parseOcc(fields[start]);
      if (typeof occ === 'string') {
        rejected.push({ where, reason: `${side}: bad option symbol: ${occ}` });
        continue;
      }
      if (occ.expiry !== rowExpiry) {
        rejected.push({ where, reason: `${side}: symbol expiry ${occ.expiry} differs from the row's ${rowExpiry}` });
        continue;
      }
      if (rowStrike !== null && Math.abs(occ.strike - rowStrike) > 1e-6) {
        rejected.push({ where, reason: `${side}: symbol strike ${occ.strike} differs from the row's ${rowStrike}` });
        continue;
      }
      // Side columns after the symbol: Last Sale, Net, Bid, Ask, Volume, IV, Delta, Gamma, Open Interest.
      contracts.push(
        buildContract(
          occ,
          {
            last: numberOrNull(fields[start + 1]),
            bid: numberOrNull(fields[start + 3]),
            ask: numberOrNull(fields[start + 4]),
            volume: numberOrNull(fields[start + 5]),
            iv: numberOrNull(fields[start + 6]),
            delta: numberOrNull(fields[start + 7]),
            gamma: numberOrNull(fields[start + 8]),
            openInterest: numberOrNull(fields[start + 9]),
          },
          asOf,
        ),
      );
    }
  }
  if (contracts.length === 0) {
    throw new ChainFormatError(
      dataRows === 0 ? 'truncated' : 'no-contracts',
      dataRows === 0 ? 'the file ends right after the header: no option rows' : `none of the ${dataRows} rows could be read (first: ${rejected[0]?.where}: ${rejected[0]?.reason})`,
      EXPECTED_CBOE_CSV,
    );
  }
  return finishSnapshot({
    defaultProvider: 'cboe-csv',
    options,
    underlying: dominantUnderlying(contracts, ''),
    spot,
    asOf,
    asOfInferred,
    contracts,
    rejected,
    warnings,
    rejectedWhat: 'rows or sides',
  });
}
