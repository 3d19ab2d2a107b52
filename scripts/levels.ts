/**
 * npm run levels -- FILE|--sample [options]   (see --help)
 * The levels of a CBOE JSON or quote-table CSV file, through the same analysis entry and the same
 * default assumptions as the extension. Exits 2 with a one-line reason on bad input.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseChainText } from '../lib/chain/parse';
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
delayed-quotes JSON or the quote-table CSV that cboe.com exports (gzipped files are fine). The numbers
and defaults are the extension's.

  FILE                 the chain file
  --sample             the bundled SPX sample (${SAMPLE_SNAPSHOT.date})
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

function fail(message: string): never {
  process.stderr.write(`levels: ${message}\n`);
  process.exit(2);
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

function main(argv: string[]): void {
  let args;
  try {
    args = parseCliArgs(argv, {
      flags: ['json', 'sample', 'help'],
      options: ['expiry', 'at', 'asof', 'rate', 'div', 'sign', 'spot', 'profile', 'band', 'greek'],
    });
  } catch (error) {
    if (error instanceof CliUsageError) fail(`${error.message} (npm run levels -- --help lists the options)`);
    throw error;
  }
  if (args.flags.has('help')) {
    process.stdout.write(`${HELP}\n`);
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
    if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(value)) fail(`--${name} ${JSON.stringify(text)}: expected an ISO instant such as 2024-01-08T15:00:00Z`);
    return value;
  };
  const rate = number('rate', (value) => Math.abs(value) < 1, 'expected a decimal rate such as 0.05');
  const dividend = number('div', (value) => Math.abs(value) < 1, 'expected a decimal yield such as 0.013');
  const spot = number('spot', (value) => value > 0 && value < 1e9, 'expected a positive price');
  const band = number('band', (value) => value >= 0 && value <= 0.05, 'expected a fraction of spot from 0 to 0.05');
  const profile = number('profile', (value) => Number.isInteger(value) && value >= 2 && value <= 100000, 'expected a whole number of points from 2 to 100000');
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

  const text = readChainFile(path);
  let snapshot;
  try {
    snapshot = parseChainText(text, { asOf, provider: sample ? 'sample' : undefined });
  } catch (error) {
    fail(`${path}: ${(error as Error).message}`);
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
  if (args.flags.has('json')) {
    process.stdout.write(`${JSON.stringify({ ...levels, assumptions: analysis.assumptions, forwards, ...(exposure ? { exposure } : {}), ...(points ? { profile: points } : {}) })}\n`);
    return;
  }
  process.stdout.write(`${summarizeLevels(levels, analysis.assumptions)}\n`);
  if (forwards.length) {
    process.stdout.write(`Forwards     ${forwards.slice(0, 6).map((entry) => `${entry.expiry} ${formatPrice(entry.forward)}`).join(', ')}${forwards.length > 6 ? `, … (${forwards.length} expiries)` : ''}\n`);
  }
  if (exposure) {
    const { totals } = exposure;
    process.stdout.write(`${exposure.short.padEnd(12)} ${formatDollars(totals.net)} net (calls ${formatDollars(totals.call)}, puts ${formatDollars(totals.put)}); unit: ${exposure.unit}\n`);
    const largest = [...exposure.byStrike].sort((a, b) => Math.abs(b.net) - Math.abs(a.net)).slice(0, 5);
    process.stdout.write(`${''.padEnd(12)} largest strikes: ${largest.map((row) => `${formatPrice(row.strike, 0)} (${formatDollars(row.net)})`).join(', ')}\n`);
  }
  if (points) {
    process.stdout.write('Spot\tTotal GEX ($ per 1% move)\n');
    for (const point of points) process.stdout.write(`${point.spot.toFixed(2)}\t${point.gex.toFixed(0)}\n`);
  }
}

main(process.argv.slice(2));
