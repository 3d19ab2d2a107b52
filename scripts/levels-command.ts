/**
 * The `levels` command (scripts/levels.ts runs it; see --help): the levels of a CBOE JSON or
 * quote-table CSV file, through the same gate, analysis entry and default assumptions as the
 * extension. Bad input — a file that is no chain, a chain the gate refuses (unless --accept), levels
 * that are not finite — ends with code 2 and one line saying why, the reason in the extension's words.
 * It returns what to print instead of printing, so tests can run it in-process over many inputs.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseChainText } from '../lib/chain/parse';
import { checkChain } from '../lib/chain/gate';
import { describeNonFinite } from '../lib/chain/non-finite';
import { normalizeTicker } from '../lib/settings';
import { analyzeChain } from '../lib/gex/analyze';
import { assumptionsFor, DEFAULT_RATES, DEFAULT_TRANSITION_BAND } from '../lib/gex/assumptions';
import { ALL_EXPIRIES, parseExpiryFilter } from '../lib/gex/expiry-filter';
import { parseSignModel } from '../lib/gex/sign-model';
import { GREEK_EXPOSURE_INFO, GREEKS, parseGreek } from '../lib/gex/greek-exposure';
import { formatDollars, formatPrice } from '../lib/format/numbers';
import { summarizeLevels } from '../lib/gex/summary';
import { SAMPLE_SNAPSHOT } from '../lib/providers/sample';
import { parseCliArgs, CliUsageError } from './cli-args';

const perTicker = Object.entries(DEFAULT_RATES.perTicker)
  .map(([ticker, { rate, dividend }]) => `${ticker} ${rate}/${dividend}`)
  .join(', ');

const HELP = `npm run levels -- FILE|--sample [options]

Prints the gamma flip, call wall, put wall and the rest of the levels of an option chain file: CBOE's
delayed-quotes JSON or the quote-table CSV that cboe.com exports (gzipped files are fine). The numbers,
defaults and checks are the extension's: a chain that looks cut off or joined with itself, repeats
contracts, has no usable contracts, or whose spot does not fit its own prices (or the --ticker) is
refused — exit code 2 and one line "levels: FILE: reason" on stderr — and so are levels that come out
not finite.

  FILE                 the chain file
  --sample             the bundled SPX sample (${SAMPLE_SNAPSHOT.date})
  --ticker T           the underlying the file should be (SPX, ^SPX, SPXW, BRK.B ...): another one is refused
  --accept             use a refused chain anyway: the refusal is printed as a warning on stderr and
                       added to the levels' warnings (levels that are not finite are still refused)
  --json               one JSON object instead of text
  --expiry F           which expiries count: all (default), 0dte, next, weekly, monthly, YYYY-MM-DD,
                       through:YYYY-MM-DD
  --rate R             risk-free rate, decimal (default ${DEFAULT_RATES.default.rate}; per ticker: ${perTicker})
  --div Q              dividend yield, decimal (default ${DEFAULT_RATES.default.dividend}; per ticker as above)
  --sign M             dealer sign model: classic (default: dealers long calls, short puts), short-all,
                       custom:C,P (e.g. custom:1,-1)
  --band B             transition band around the flip, fraction of spot (default ${DEFAULT_TRANSITION_BAND})
  --greek G            also print one greek's exposure by strike and in total (default: gamma only):
${GREEKS.map((greek) => `                         ${greek.padEnd(6)} ${GREEK_EXPOSURE_INFO[greek].short}, ${GREEK_EXPOSURE_INFO[greek].unit}`).join('\n')}
  --spot S             price at this spot instead of the file's
  --at ISO             evaluate at this instant (default: the file's as-of)
  --asof ISO           the file's as-of when it carries none (older CBOE JSON)
  --profile N          also print total GEX at N spots across ±20% of spot
  --help               this text

Example: npm run levels -- chain.csv --json --expiry 0dte --rate 0.05 --div 0.013 --profile 801`;

/** What the command prints, and its exit code. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Bad input: the command ends with code 2 and this one line. */
class CommandFailure extends Error {}

/** A message as one line, whatever it holds (a file name with a line break, say). */
const oneLine = (message: string) => message.replace(/[\r\n]+/g, ' ');

function fail(message: string): never {
  throw new CommandFailure(message);
}

function readChainFile(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    fail(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  // gzip magic: 1f 8b
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes).toString('utf8');
    } catch (error) {
      fail(`${path} looks gzipped but does not decompress: ${(error as Error).message}`);
    }
  }
  return bytes.toString('utf8');
}

/** Runs `levels` with these arguments (no "--" needed); a bug still throws, with its stack. */
/** `now` dates the data's age in the text output (default: the clock). */
export function runLevelsCommand(argv: readonly string[], now: number = Date.now()): CommandResult {
  const stdout: string[] = [];
  const stderr: string[] = [];
  try {
    levelsCommand(
      argv,
      (text) => stdout.push(text),
      (text) => stderr.push(text),
      now,
    );
    return { code: 0, stdout: stdout.join(''), stderr: stderr.join('') };
  } catch (error) {
    if (!(error instanceof CommandFailure)) throw error;
    stderr.push(`levels: ${oneLine(error.message)}\n`);
    return { code: 2, stdout: stdout.join(''), stderr: stderr.join('') };
  }
}

function levelsCommand(argv: readonly string[], print: (text: string) => void, warn: (text: string) => void, now: number): void {
  let args;
  try {
    args = parseCliArgs(argv, {
      flags: ['json', 'sample', 'help', 'accept'],
      options: ['expiry', 'at', 'asof', 'rate', 'div', 'sign', 'spot', 'profile', 'band', 'greek', 'ticker'],
    });
  } catch (error) {
    if (error instanceof CliUsageError) fail(`${error.message} (npm run levels -- --help lists the options)`);
    throw error;
  }
  if (args.flags.has('help')) {
    print(`${HELP}\n`);
    return;
  }
  if (args.positional.length > 1) fail(`one file at a time (got ${args.positional.length})`);
  const sample = args.flags.has('sample');
  if (!sample && args.positional.length === 0) fail('no file given (npm run levels -- FILE, or --sample; --help lists the options)');
  const path = sample ? fileURLToPath(new URL(`../assets/${SAMPLE_SNAPSHOT.path}`, import.meta.url)) : args.positional[0];

  const number = (name: string, check: (value: number) => boolean, what: string): number | undefined => {
    const text = args.options.get(name);
    if (text === undefined) return undefined;
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value) || !check(value)) fail(`--${name} ${JSON.stringify(text)}: ${what}`);
    return value;
  };
  const instant = (name: string): number | undefined => {
    const text = args.options.get(name);
    if (text === undefined) return undefined;
    const value = Date.parse(text);
    if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(value))
      fail(`--${name} ${JSON.stringify(text)}: expected an ISO instant such as 2024-01-08T15:00:00Z`);
    return value;
  };
  const rate = number('rate', (value) => Math.abs(value) < 1, 'expected a decimal rate such as 0.05');
  const dividend = number('div', (value) => Math.abs(value) < 1, 'expected a decimal yield such as 0.013');
  const spot = number('spot', (value) => value > 0 && value < 1e9, 'expected a positive price');
  const band = number('band', (value) => value >= 0 && value <= 0.05, 'expected a fraction of spot from 0 to 0.05');
  const profile = number(
    'profile',
    (value) => Number.isInteger(value) && value >= 2 && value <= 100000,
    'expected a whole number of points from 2 to 100000',
  );
  const evaluatedAt = instant('at');
  const asOf = instant('asof');
  const expiryText = args.options.get('expiry');
  const expiryFilter = expiryText === undefined ? ALL_EXPIRIES : parseExpiryFilter(expiryText);
  if (typeof expiryFilter === 'string') fail(expiryFilter);
  const greekText = args.options.get('greek');
  const greek = greekText === undefined ? undefined : parseGreek(greekText);
  if (greek === null) fail(`--greek ${JSON.stringify(greekText)}: expected ${GREEKS.join(', ')}`);
  const signText = args.options.get('sign');
  const signModel = signText === undefined ? undefined : parseSignModel(signText);
  if (signModel === null) fail(`--sign ${JSON.stringify(signText)}: expected classic, short-all or custom:C,P (e.g. custom:1,-1)`);
  const ticker = args.options.get('ticker');
  if (ticker !== undefined && normalizeTicker(ticker.replace(/^[_$]/, '')) === null)
    fail(`--ticker ${JSON.stringify(ticker)}: expected a ticker such as SPX, ^SPX or BRK.B`);

  const text = readChainFile(path);
  let snapshot;
  try {
    snapshot = parseChainText(text, { asOf, provider: sample ? 'sample' : undefined });
  } catch (error) {
    fail(`${path}: ${(error as Error).message}`);
  }
  // The extension's gate, without a last good chain to compare with (a file stands alone here).
  const check = checkChain(snapshot, { ticker });
  if (!check.ok) {
    if (!args.flags.has('accept')) fail(`${path}: ${check.reason}`);
    warn(`levels: warning: ${oneLine(`${path}: ${check.reason}`)} (used anyway: --accept)\n`);
    snapshot.warnings.unshift(`refused by the checks, used anyway (--accept): ${check.reason}`);
  } else {
    for (const warning of check.warnings) if (!snapshot.warnings.includes(warning)) snapshot.warnings.push(warning);
  }
  if (sample) snapshot.warnings.unshift(SAMPLE_SNAPSHOT.label);
  // The extension's defaults for this underlying, with whatever the flags set instead.
  const defaults = assumptionsFor(snapshot.underlying, { signModel, transitionBand: band });
  const assumptions = { ...defaults, rate: rate ?? defaults.rate, dividendYield: dividend ?? defaults.dividendYield };
  let analysis;
  try {
    analysis = analyzeChain(snapshot, assumptions, expiryFilter, { evaluatedAt, spot });
  } catch (error) {
    fail(`${path}: ${(error as Error).message}`);
  }
  const { levels } = analysis;
  const points = profile === undefined ? undefined : analysis.profile(profile);
  const forwards = analysis.forwards().map(({ expiry, forward, strikesUsed }) => ({ expiry, forward, strikesUsed }));
  const exposure = greek === undefined ? undefined : { ...GREEK_EXPOSURE_INFO[greek], ...analysis.exposure(greek) };
  // As in the extension: a number that is not finite is refused by its path, never printed as NaN.
  const notFinite =
    describeNonFinite(levels, 'levels') ??
    describeNonFinite(points, 'profile') ??
    describeNonFinite(forwards, 'forwards') ??
    describeNonFinite(exposure, 'exposure');
  if (notFinite) fail(`${path}: ${notFinite}`);
  if (args.flags.has('json')) {
    print(
      `${JSON.stringify({ ...levels, assumptions: analysis.assumptions, forwards, ...(exposure ? { exposure } : {}), ...(points ? { profile: points } : {}) })}\n`,
    );
    return;
  }
  print(`${summarizeLevels(levels, analysis.assumptions, now)}\n`);
  if (forwards.length) {
    print(
      `Forwards     ${forwards
        .slice(0, 6)
        .map((entry) => `${entry.expiry} ${formatPrice(entry.forward)}`)
        .join(', ')}${forwards.length > 6 ? `, … (${forwards.length} expiries)` : ''}\n`,
    );
  }
  if (exposure) {
    const { totals } = exposure;
    print(
      `${exposure.short.padEnd(12)} ${formatDollars(totals.net)} net (calls ${formatDollars(totals.call)}, puts ${formatDollars(totals.put)}); unit: ${exposure.unit}\n`,
    );
    const largest = [...exposure.byStrike].sort((a, b) => Math.abs(b.net) - Math.abs(a.net)).slice(0, 5);
    print(
      `${''.padEnd(12)} largest strikes: ${largest.map((row) => `${formatPrice(row.strike, 0)} (${formatDollars(row.net)})`).join(', ')}\n`,
    );
  }
  if (points) {
    print('Spot\tTotal GEX ($ per 1% move)\n');
    for (const point of points) print(`${point.spot.toFixed(2)}\t${point.gex.toFixed(0)}\n`);
  }
}
