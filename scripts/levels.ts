/**
 * npm run levels -- FILE [--json] [--expiry F] [--at ISO] [--asof ISO] [--rate R] [--div Q]
 *                        [--sign classic|short-all|custom:C,P] [--spot S] [--profile N]
 * npm run levels -- --sample
 * Prints the levels of a CBOE JSON or quote-table CSV file. Exits 2 with a one-line reason on bad input.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseChainText } from '../lib/chain/parse';
import { computeLevelsWithChain } from '../lib/gex/levels';
import { parseExpiryFilter } from '../lib/gex/expiry-filter';
import { parseSignModel } from '../lib/gex/sign-model';
import { profilePoints } from '../lib/gex/profile';
import { summarizeLevels } from '../lib/gex/summary';
import { parseCliArgs, CliUsageError } from '../lib/cli/args';
import { SAMPLE_SNAPSHOT } from '../lib/providers/sample';

const USAGE =
  'usage: npm run levels -- FILE|--sample [--json] [--expiry all|0dte|next|weekly|monthly|YYYY-MM-DD|through:YYYY-MM-DD] [--at ISO] [--asof ISO] [--rate R] [--div Q] [--sign classic|short-all|custom:C,P] [--spot S] [--profile N]';

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
      options: ['expiry', 'at', 'asof', 'rate', 'div', 'sign', 'spot', 'profile'],
    });
  } catch (error) {
    if (error instanceof CliUsageError) fail(`${error.message}\n${USAGE}`);
    throw error;
  }
  if (args.flags.has('help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (args.positional.length > 1) fail(`one file at a time (got ${args.positional.length})\n${USAGE}`);
  const sample = args.flags.has('sample');
  if (!sample && args.positional.length === 0) fail(`no file given\n${USAGE}`);
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
  const spot = number('spot', (value) => value > 0, 'expected a positive price');
  const profile = number('profile', (value) => Number.isInteger(value) && value >= 2 && value <= 100000, 'expected a whole number of points from 2 to 100000');
  const evaluatedAt = instant('at');
  const asOf = instant('asof');
  const expiryText = args.options.get('expiry');
  const expiryFilter = expiryText === undefined ? undefined : parseExpiryFilter(expiryText);
  if (typeof expiryFilter === 'string') fail(expiryFilter);
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
  let result;
  try {
    result = computeLevelsWithChain(snapshot, { rate, dividend, spot, evaluatedAt, expiryFilter, signModel });
  } catch (error) {
    fail(`${path}: ${(error as Error).message}`);
  }
  const { levels, chain } = result;
  if (args.flags.has('json')) {
    const output: Record<string, unknown> = { ...levels };
    if (profile !== undefined) output.profile = profilePoints(chain, chain.spot * 0.8, chain.spot * 1.2, profile);
    process.stdout.write(`${JSON.stringify(output)}\n`);
  } else {
    process.stdout.write(`${summarizeLevels(levels)}\n`);
    if (profile !== undefined) {
      for (const point of profilePoints(chain, chain.spot * 0.8, chain.spot * 1.2, profile)) {
        process.stdout.write(`${point.spot.toFixed(2)}\t${point.gex.toFixed(0)}\n`);
      }
    }
  }
}

main(process.argv.slice(2));
