/**
 * CBOE quote-table CSV, as cboe.com's delayed quote page exports it:
 *   line 1   (blank or a title)
 *   line 2   `S&P 500 INDEX,Last: 4697.2402,Change: ...`
 *   line 3   `"Date: January 7, 2024 at 10:52 AM EST",Bid: ...`  (older: `"Date: June 11, 2022, 8:47 PM EDT"`)
 *   line 4   `Expiration Date,Calls,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest,Strike,Puts,...`
 *   then one row per (expiry, strike), call and put side by side, every row ending with a newline.
 * Read in one linear pass whatever the line breaks (LF, CRLF, CR-only) and however the file is damaged.
 */
import type { ChainSnapshot } from './model';
import { ChainFormatError, EXPECTED_CBOE_CSV, asChainFormatError } from './errors';
import { parseOcc } from './occ';
import { buildContract, dominantUnderlying, emptyContractFields, finishSnapshot, isAbsent, numberOrNull } from './contract';
import type { ParseOptions } from './cboe-json';
import { formatDate } from '../market/ny-time';
import { splitCsvLine } from './csv-line';
import { CsvRow } from './csv-row';
import { ForwardSearch, LineReader, afterByteOrderMark } from './text-lines';
import { MAX_PREAMBLE_LINES, sniffNonChain } from './sniff';
import { readDateLine } from './date-line';
import { dateProblem, isSupportedInstant } from './date-parts';
import { newValueTally, spotProblem, type ValueTally } from './contract-values';
import { NumberCache } from './number-cache';
import { RejectionLog } from './rejection-log';
import { ContractCollector } from './contract-collector';
import { lastExpiryCutShort } from './cut-off';

export { parseCboeDateLine } from './date-line';

const SHORT_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ROW_DATE = /^(?:[A-Za-z]{3}\s{1,4})?([A-Za-z]{3})\s{1,4}(\d{1,2})\s{1,4}(\d{4})$/;
/** What a spreadsheet may rewrite the row dates as, once it has read them as dates: 1/5/2024, 2024-01-05. */
const ROW_DATE_US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ROW_DATE_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SIDE_FIELDS = ['Last Sale', 'Net', 'Bid', 'Ask', 'Volume', 'IV', 'Delta', 'Gamma', 'Open Interest'];
const HEADER_START = 'Expiration Date,';
/** Preamble lines are read this far at most (a 10 MB line without a break is no preamble). */
const PREAMBLE_LINE_LIMIT = 4096;
/** A quote-table row is about 150 characters; a line this long is no row, and is not split into cells. */
const MAX_ROW_LENGTH = 16384;

interface HeaderLayout {
  expiration: number;
  calls: number;
  strike: number;
  puts: number;
  width: number;
}

/** A row's expiration cell ("Fri Jun 10 2022") as YYYY-MM-DD, or why it is not a date. */
type RowDate = string | { problem: string };

/** Row dates of one file: rows come grouped by expiry, so most repeat the previous row's cell. */
class RowDates {
  private cellText = '';
  private date: RowDate = { problem: 'not read yet' };

  of(row: CsvRow, index: number): RowDate {
    if (this.cellText !== '' && row.cellIs(index, this.cellText)) return this.date;
    const text = row.cell(index, 41);
    this.cellText = text;
    this.date = text.length > 40 ? { problem: 'not a date' } : parseRowDate(text);
    return this.date;
  }
}

function parseRowDate(value: string): RowDate {
  const text = value.trim();
  let year: number;
  let month: number;
  let day: number;
  let match: RegExpExecArray | null;
  if ((match = ROW_DATE.exec(text))) {
    month = SHORT_MONTHS.indexOf(match[1].toLowerCase()) + 1;
    if (month === 0) return { problem: `unknown month "${match[1]}"` };
    [year, day] = [Number(match[3]), Number(match[2])];
  } else if ((match = ROW_DATE_US.exec(text))) {
    [year, month, day] = [Number(match[3]), Number(match[1]), Number(match[2])];
  } else if ((match = ROW_DATE_ISO.exec(text))) {
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    return { problem: 'not a date like "Fri Jun 10 2022"' };
  }
  const problem = dateProblem(year, month, day);
  return problem ? { problem } : formatDate(year, month, day);
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
  for (const [start, side] of [
    [calls, 'call'],
    [puts, 'put'],
  ] as const) {
    const actual = names.slice(start + 1, start + 1 + SIDE_FIELDS.length);
    if (actual.join('|') !== SIDE_FIELDS.join('|')) {
      return `the ${side} columns are "${actual.join(',').slice(0, 200)}", not "${SIDE_FIELDS.join(',')}"`;
    }
  }
  return { expiration, calls, strike, puts, width: names.length };
}

function onlySeparators(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code !== 44 && code !== 32 && code !== 9 && code !== 34) return false;
  }
  return true;
}

/** Whether a line that is no option row starts another export: its header or its preamble. */
function secondFileStart(line: string): string | null {
  if (line.startsWith(HEADER_START)) return 'a second "Expiration Date,Calls,..." header';
  const head = line.slice(0, PREAMBLE_LINE_LIMIT);
  if (head.includes('Last:') || head.includes('Date:')) return 'a second preamble ("Last:" / "Date:" line)';
  return null;
}

export function parseCboeCsv(text: string, options: ParseOptions = {}): ChainSnapshot {
  return asChainFormatError(() => parseQuoteTable(text, options), 'quote-table CSV', EXPECTED_CBOE_CSV);
}

function parseQuoteTable(text: string, options: ParseOptions): ChainSnapshot {
  if (typeof text !== 'string') throw new ChainFormatError('wrong-shape', 'the input is not text', EXPECTED_CBOE_CSV);
  const nonChain = sniffNonChain(text, EXPECTED_CBOE_CSV);
  if (nonChain) throw nonChain;
  const reader = new LineReader(text, afterByteOrderMark(text));

  // Preamble and header: within the first lines.
  const preamble: { text: string; number: number }[] = [];
  let headerFields: string[] | null = null;
  let headerLine = 0;
  while (reader.number < MAX_PREAMBLE_LINES && reader.next()) {
    const line = reader.head(PREAMBLE_LINE_LIMIT);
    if (line.startsWith(HEADER_START)) {
      headerFields = line.split(',');
      headerLine = reader.number;
      break;
    }
    preamble.push({ text: line, number: reader.number });
  }
  if (headerFields === null) throw missingHeader(text, preamble, reader);
  const layout = headerLayout(headerFields);
  if (typeof layout === 'string') throw new ChainFormatError('bad-header', `line ${headerLine}: ${layout}`, EXPECTED_CBOE_CSV);

  const warnings: string[] = [];
  const { asOf, asOfInferred } = asOfFromPreamble(preamble, headerLine, options, warnings);
  const spot = spotFromPreamble(preamble, headerLine, warnings);

  const tally = newValueTally();
  const numbers = new NumberCache();
  const rejections = new RejectionLog();
  const collector = new ContractCollector((line) => `line ${line}`);
  let sourceRows = 0;
  let joined: string | null = null;
  // The last non-blank line, for cut-off detection.
  const lastRow: LastRow = { number: 0, fields: 0, terminated: true, rejectedAs: -1 };

  const row = new CsvRow(text, layout.width + 8);
  const quotes = new ForwardSearch(text, '"');
  const rowDates = new RowDates();
  while (reader.next()) {
    // Blank lines, and the all-empty rows ",,,,," a spreadsheet leaves, are no rows.
    if (reader.isBlank() || onlySeparators(text, reader.start, reader.end)) continue;
    sourceRows++;
    const number = reader.number;
    const where = `line ${number}`;
    if (reader.end - reader.start > MAX_ROW_LENGTH) {
      lastRow.number = number;
      lastRow.fields = layout.width;
      lastRow.terminated = reader.terminated;
      lastRow.rejectedAs = -1;
      rejections.add(where, `${(reader.end - reader.start).toLocaleString('en-US')} characters long: not a quote-table row`);
      continue;
    }
    const quote = quotes.from(reader.start);
    row.read(reader.start, reader.end, quote >= 0 && quote < reader.end);
    lastRow.number = number;
    lastRow.fields = row.count;
    lastRow.terminated = reader.terminated;
    lastRow.rejectedAs = -1;
    const rowExpiry = row.count >= layout.width ? rowDates.of(row, layout.expiration) : null;
    if (rowExpiry === null || typeof rowExpiry !== 'string') {
      const otherFile = secondFileStart(row.line(PREAMBLE_LINE_LIMIT));
      if (otherFile) {
        joined ??= `${otherFile} at line ${number}`;
        rejections.add(where, `${otherFile}: the file looks like two exports joined`);
      } else if (rowExpiry === null) {
        lastRow.rejectedAs = rejections.listed.length;
        rejections.add(where, `${row.count} fields, expected ${layout.width}`);
      } else {
        rejections.add(where, `bad expiration date "${row.cell(layout.expiration, 40)}": ${rowExpiry.problem}`);
      }
      continue;
    }
    if (row.count > layout.width && !extraCellsBlank(row, layout.width)) {
      rejections.add(where, `${row.count} fields, expected ${layout.width}`);
      continue;
    }
    const rowStrike = row.number(layout.strike, numbers);
    for (let side = 0; side < 2; side++) {
      const start = side === 0 ? layout.calls : layout.puts;
      const problem = addSide(row, start, rowExpiry, rowStrike, asOf, number, numbers, tally, collector);
      if (problem !== null) rejections.add(where, `${side === 0 ? 'call' : 'put'}: ${problem}`);
    }
  }

  const cutOff = cutOffReason(lastRow, layout.width, collector, spot, rejections);
  if (collector.contracts.length === 0) {
    throw new ChainFormatError(
      sourceRows === 0 ? 'truncated' : 'no-contracts',
      sourceRows === 0
        ? `the file ends right after the header (line ${headerLine}): no option rows`
        : `none of the ${sourceRows} rows could be read (first: ${rejections.first()})`,
      EXPECTED_CBOE_CSV,
    );
  }
  return finishSnapshot({
    defaultProvider: 'cboe-csv',
    options,
    underlying: dominantUnderlying(collector.contracts, ''),
    spot,
    asOf,
    asOfInferred,
    contracts: collector.contracts,
    rejected: rejections.listed,
    warnings,
    rejectedWhat: 'rows or sides',
    tally,
    integrity: { sourceRows, rejections: rejections.count, repeatedContracts: collector.repeats, cutOff, joined },
  });
}

// One object refilled for every side (see emptyContractFields); the CSV gives no vega, theta or quote time.
const sideValues = emptyContractFields();

/** Reads one side of a row into the collector; null when kept, else why not. */
function addSide(
  row: CsvRow,
  start: number,
  rowExpiry: string,
  rowStrike: number | null | undefined,
  asOf: number,
  line: number,
  numbers: NumberCache,
  tally: ValueTally,
  collector: ContractCollector,
): string | null {
  const occ = parseOcc(row.cell(start, 64));
  if (typeof occ === 'string') return `bad option symbol: ${occ}`;
  if (occ.expiry !== rowExpiry) return `symbol expiry ${occ.expiry} differs from the row's ${rowExpiry}`;
  if (typeof rowStrike === 'number') {
    // The row writes strikes to the cent: 12.125 appears as 12.13.
    const gap = Math.abs(occ.strike - rowStrike);
    if (gap > 0.005 + 1e-9) return `symbol strike ${occ.strike} differs from the row's ${rowStrike}`;
    // The row's number is shared through the cache; the symbol's is authoritative when they differ.
    if (gap < 1e-9) occ.strike = rowStrike;
  }
  // Side columns after the symbol: Last Sale, Net, Bid, Ask, Volume, IV, Delta, Gamma, Open Interest.
  const volume = countCell(row, start + 5, numbers);
  if (typeof volume === 'string') return `volume ${volume}`;
  const openInterest = countCell(row, start + 9, numbers);
  if (typeof openInterest === 'string') return `open interest ${openInterest}`;
  const values = sideValues;
  values.last = valueCell(row, start + 1, numbers, tally);
  values.bid = valueCell(row, start + 3, numbers, tally);
  values.ask = valueCell(row, start + 4, numbers, tally);
  values.volume = volume;
  values.iv = valueCell(row, start + 6, numbers, tally);
  values.delta = valueCell(row, start + 7, numbers, tally);
  values.gamma = valueCell(row, start + 8, numbers, tally);
  values.openInterest = openInterest;
  const contract = buildContract(occ, values, asOf, tally);
  if (typeof contract === 'string') return contract;
  const first = collector.add(contract, line);
  return first === null ? null : `repeats ${contract.occ}, first given on ${first}`;
}

/** A price, IV or greek cell: blank is missing; text that is not a number is missing and counted. */
function valueCell(row: CsvRow, index: number, numbers: NumberCache, tally: ValueTally): number | null {
  const value = row.number(index, numbers);
  if (value === undefined) {
    tally.implausible++;
    return null;
  }
  return value;
}

/** An open interest or volume cell: blank is missing (0); text that is not a number rejects the side. */
function countCell(row: CsvRow, index: number, numbers: NumberCache): number | null | string {
  const value = row.number(index, numbers);
  return value === undefined ? `"${row.cell(index, 40)}" is not a number` : value;
}

/** Whether the cells past the header's width are all blank (a trailing comma is harmless). */
function extraCellsBlank(row: CsvRow, width: number): boolean {
  for (let index = width; index < row.count; index++) {
    if (!row.has(index) || row.cell(index, 100).trim() !== '') return false;
  }
  return true;
}

interface LastRow {
  number: number;
  fields: number;
  terminated: boolean;
  /** Index of its entry in the rejection log when it was rejected for want of fields, else -1. */
  rejectedAs: number;
}

function cutOffReason(
  lastRow: LastRow,
  width: number,
  collector: ContractCollector,
  spot: number | null,
  rejections: RejectionLog,
): string | null {
  if (lastRow.number === 0) return null;
  if (lastRow.fields < width) {
    const listed = rejections.listed[lastRow.rejectedAs];
    if (listed) listed.reason += ' (file cut off?)';
    return `the last row, line ${lastRow.number}, has ${lastRow.fields} of ${width} fields`;
  }
  // CBOE ends every row with a newline: a cut inside the last field leaves a row that parses but is wrong.
  if (!lastRow.terminated) return `the last row, line ${lastRow.number}, does not end with a newline`;
  const short = lastExpiryCutShort(collector.contracts, spot);
  return short ? `${short}; rows after line ${lastRow.number} seem to be missing` : null;
}

function missingHeader(text: string, preamble: { text: string; number: number }[], reader: LineReader): ChainFormatError {
  const trimmed = text.slice(0, 1000).trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    return new ChainFormatError('wrong-shape', 'the input is JSON, not a quote-table CSV', EXPECTED_CBOE_CSV);
  }
  const semicolons = preamble.find((line) => line.text.startsWith('Expiration Date;'));
  if (semicolons) {
    return new ChainFormatError(
      'bad-header',
      `line ${semicolons.number}: the cells are separated by ";" (a spreadsheet's regional CSV); save the file as CSV with commas`,
      EXPECTED_CBOE_CSV,
    );
  }
  const first = preamble.slice(0, 5);
  const hasPreamble = first.some((line) => line.text.includes('Last:')) && first.some((line) => line.text.includes('Date:'));
  const atEnd = !reader.next();
  if (hasPreamble && atEnd) {
    const lines = preamble.filter((line) => line.text.trim() !== '').length;
    return new ChainFormatError(
      'truncated',
      `the file stops after ${lines} lines, before the "Expiration Date,Calls,..." header`,
      EXPECTED_CBOE_CSV,
    );
  }
  return new ChainFormatError(
    'bad-header',
    `no "Expiration Date,Calls,..." header in the first ${MAX_PREAMBLE_LINES} lines`,
    EXPECTED_CBOE_CSV,
  );
}

function asOfFromPreamble(
  preamble: { text: string; number: number }[],
  headerLine: number,
  options: ParseOptions,
  warnings: string[],
): { asOf: number; asOfInferred: boolean } {
  const dateLine = preamble.find((line) => line.text.includes('Date:'));
  const reading = dateLine ? readDateLine(dateLine.text) : null;
  if (reading?.kind === 'instant' && isSupportedInstant(reading.instant)) return { asOf: reading.instant, asOfInferred: false };
  if (dateLine && reading?.kind === 'invalid') {
    throw new ChainFormatError('bad-date', `line ${dateLine.number}: ${reading.reason}`, EXPECTED_CBOE_CSV);
  }
  const why = dateLine
    ? `line ${dateLine.number}: ${reading?.kind === 'unreadable' ? reading.reason : 'a date outside 2000-2099'}`
    : `no "Date:" line above the header (line ${headerLine})`;
  if (options.asOf !== undefined && isSupportedInstant(options.asOf)) {
    warnings.push(`${why}; as-of ${new Date(options.asOf).toISOString()} was supplied by the caller`);
    return { asOf: options.asOf, asOfInferred: true };
  }
  throw new ChainFormatError('bad-date', `cannot tell when the data is from: ${why}`, EXPECTED_CBOE_CSV);
}

function spotFromPreamble(preamble: { text: string; number: number }[], headerLine: number, warnings: string[]): number | null {
  const lastLine = preamble.find((line) => line.text.includes('Last:'));
  if (!lastLine) {
    warnings.push(`no "Last:" price for the underlying above the header (line ${headerLine})`);
    return null;
  }
  const field = splitCsvLine(lastLine.text).find((cell) => cell.includes('Last:')) ?? '';
  const text = field.slice(field.indexOf('Last:') + 5).trim();
  const value = numberOrNull(text);
  const problem = value === null ? (isAbsent(text) ? 'it is blank' : `"${text.slice(0, 40)}" is not a number`) : spotProblem(value);
  if (problem) {
    warnings.push(
      `the underlying's "Last:" price on line ${lastLine.number} cannot be used as spot (${problem}); spot will be estimated from call/put parity`,
    );
    return null;
  }
  return value;
}
