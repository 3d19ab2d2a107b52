/**
 * The `levels` command (scripts/levels.ts runs it; see --help): the levels of a CBOE JSON or
 * quote-table CSV file, through the same gate, analysis entry and default assumptions as the
 * extension. Bad input — a file that is no chain, a chain the gate refuses (unless --accept), levels
 * that are not finite — ends with code 2 and one line saying why, the reason in the extension's words.
 * It returns what to print instead of printing, so tests can run it in-process over many inputs.
 */
import { fileURLToPath } from 'node:url';
import { describeNonFinite } from '../lib/chain/non-finite';
import { normalizeTicker } from '../lib/settings';
import { DEFAULT_RATES, DEFAULT_TRANSITION_BAND } from '../lib/gex/assumptions';
import { GREEK_EXPOSURE_INFO, GREEKS, parseGreek } from '../lib/gex/greek-exposure';
import { formatDollars, formatPrice } from '../lib/format/numbers';
import { summarizeLevels } from '../lib/gex/summary';
import { SAMPLE_SNAPSHOT } from '../lib/providers/sample';
import { parseCliArgs, CliUsageError } from './cli-args';
import { assumptionFlags, fail, instantOption, numberOption, readInputFile, runCommand, type CommandResult } from './command-support';
import { analyzeChainFile } from './chain-analysis';

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

/** Runs `levels` with these arguments (no "--" needed); a bug still throws, with its stack. */
/** `now` dates the data's age in the text output (default: the clock). */
export function runLevelsCommand(argv: readonly string[], now: number = Date.now()): CommandResult {
  return runCommand('levels', (print, warn) => levelsCommand(argv, print, warn, now));
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

  const number = (name: string, check: (value: number) => boolean, what: string) => numberOption(args, name, check, what);
  const flags = assumptionFlags(args);
  const spot = number('spot', (value) => value > 0 && value < 1e9, 'expected a positive price');
  const band = number('band', (value) => value >= 0 && value <= 0.05, 'expected a fraction of spot from 0 to 0.05');
  const profile = number(
    'profile',
    (value) => Number.isInteger(value) && value >= 2 && value <= 100000,
    'expected a whole number of points from 2 to 100000',
  );
  const evaluatedAt = instantOption(args, 'at');
  const asOf = instantOption(args, 'asof');
  const greekText = args.options.get('greek');
  const greek = greekText === undefined ? undefined : parseGreek(greekText);
  if (greek === null) fail(`--greek ${JSON.stringify(greekText)}: expected ${GREEKS.join(', ')}`);
  const ticker = args.options.get('ticker');
  if (ticker !== undefined && normalizeTicker(ticker.replace(/^[_$]/, '')) === null)
    fail(`--ticker ${JSON.stringify(ticker)}: expected a ticker such as SPX, ^SPX or BRK.B`);

  const { analysis } = analyzeChainFile(
    path,
    readInputFile(path),
    {
      command: 'levels',
      flags,
      asOf,
      provider: sample ? 'sample' : undefined,
      ticker,
      accept: args.flags.has('accept'),
      transitionBand: band,
      label: sample ? SAMPLE_SNAPSHOT.label : undefined,
      evaluatedAt,
      spot,
    },
    warn,
  );
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
