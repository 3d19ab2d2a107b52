/**
 * The `scorecard` command (scripts/scorecard.ts runs it; see --help): how the levels of chain files fared
 * on the sessions after them, from a daily-bars file. Each chain goes through the same path as
 * `npm run levels` (gate, defaults, flags), so the levels scored are the levels `levels` prints. Bad input
 * — a file that is no chain or no bars, chains of two tickers, a chain without its own as-of, bars that
 * do not fit the chains — ends with code 2 and one line saying what and where.
 */
import { normalizeTicker } from '../lib/settings';
import { describeNonFinite } from '../lib/chain/non-finite';
import { BarsFormatError, parseCboeMinuteBars, parseDailyBars, type BarSeries } from '../lib/bars';
import { buildScorecard, type LevelSet } from '../lib/scorecard';
import { parseCliArgs, CliUsageError } from './cli-args';
import { assumptionFlags, fail, instantOption, oneLine, readInputFile, runCommand, type CommandResult } from './command-support';
import { analyzeChainFile } from './chain-analysis';
import { scorecardJson } from './scorecard-json';
import { scorecardText } from './scorecard-text';

const HELP = `npm run scorecard -- [--json] --ohlc BARS.json [options] CHAIN...

How the gamma flip, call wall and put wall of each chain file fared on the session after it: the levels
in force for a session are those of the latest chain taken before its 09:30 New York open (a chain counts
for the first session after it only). Per level: its side of the open, whether the day's range touched
it, whether the close held on the open's side or broke beyond it, and the same touch for the level
mirrored through the open (the baseline). Totals per level with Wilson 95% intervals, and the day's
range by the open's side of the flip. The levels are computed as \`npm run levels\` computes them.

  CHAIN...             chain files (CBOE JSON or quote-table CSV, gzipped is fine), one ticker
  --ohlc BARS.json     daily bars: CBOE's charts/historical JSON (Tradier's history and Polygon's
                       aggregates are read too)
  --minutes FILE       minute bars (CBOE's charts/intraday JSON): each level's first touch (New York)
                       and its crossings
  --json               one JSON object instead of text
  --previous           also score the levels in force for the session before (prev-flip, ...)
  --rate R, --div Q, --sign M, --expiry F
                       as for npm run levels (the same defaults)
  --ticker T           the underlying the chains must be
  --asof ISO           the as-of of the one chain file that carries none (older CBOE JSON)
  --accept             use chains the checks refuse (a warning each)
  --help               this text

Example: npm run scorecard -- --ohlc SPX-daily.json chain-2024-01-05.csv chain-2024-01-08.csv`;

/** Runs `scorecard` with these arguments; `now` (UTC ms) decides which sessions have ended. */
export function runScorecardCommand(argv: readonly string[], now: number = Date.now()): CommandResult {
  return runCommand('scorecard', (print, warn) => scorecardCommand(argv, print, warn, now));
}

/** The first refused rows of a bars file that speak of a session, for the note that it has no bar. */
function refusedRowsOf(bars: BarSeries<unknown>, session: string): string {
  const rows = bars.rejected.filter((row) => row.where.includes(session)).map((row) => `${row.where}: ${row.reason}`);
  return rows.length ? ` (refused: ${rows.slice(0, 2).join('; ')})` : '';
}

function scorecardCommand(argv: readonly string[], print: (text: string) => void, warn: (text: string) => void, now: number): void {
  let args;
  try {
    args = parseCliArgs(argv, {
      flags: ['json', 'help', 'accept', 'previous'],
      options: ['ohlc', 'minutes', 'expiry', 'rate', 'div', 'sign', 'ticker', 'asof'],
    });
  } catch (error) {
    if (error instanceof CliUsageError) fail(`${error.message} (npm run scorecard -- --help lists the options)`);
    throw error;
  }
  if (args.flags.has('help')) {
    print(`${HELP}\n`);
    return;
  }
  if (args.positional.length === 0) fail('no chain file given (npm run scorecard -- --ohlc BARS.json CHAIN...; --help lists the options)');
  const ohlcPath = args.options.get('ohlc');
  if (ohlcPath === undefined) fail("no daily bars given: --ohlc BARS.json (CBOE's charts/historical JSON)");
  const flags = assumptionFlags(args);
  const asOf = instantOption(args, 'asof');
  const ticker = args.options.get('ticker');
  if (ticker !== undefined && normalizeTicker(ticker.replace(/^[_$]/, '')) === null)
    fail(`--ticker ${JSON.stringify(ticker)}: expected a ticker such as SPX, ^SPX or BRK.B`);

  const levelSets: LevelSet[] = [];
  let underlying: { ticker: string; path: string } | null = null;
  let undated: string | null = null;
  let assumptions = '';
  for (const path of args.positional) {
    const { snapshot, analysis } = analyzeChainFile(
      path,
      readInputFile(path),
      { command: 'scorecard', flags, asOf, ticker, accept: args.flags.has('accept') },
      warn,
    );
    if (snapshot.asOfInferred) {
      // The session a chain stands for hangs on its as-of: an inferred one is no ground for a score.
      if (asOf === undefined) fail(`${path}: the file carries no as-of of its own; give it with --asof ISO (for one file)`);
      if (undated !== null) fail(`--asof dates one file only: ${undated} and ${path} both carry no as-of`);
      undated = path;
    }
    if (underlying === null) underlying = { ticker: snapshot.underlying, path };
    else if (snapshot.underlying !== underlying.ticker)
      fail(`${path} is a chain of ${snapshot.underlying}, ${underlying.path} of ${underlying.ticker}: one ticker's chains at a time`);
    const { levels } = analysis;
    const notFinite = describeNonFinite(levels, 'levels');
    if (notFinite) fail(`${path}: ${notFinite}`);
    assumptions = `${analysis.assumptions.signModel}; ${analysis.assumptions.expiryFilter}; rate ${analysis.assumptions.rate}, dividend yield ${analysis.assumptions.dividendYield}`;
    levelSets.push({
      asOf: snapshot.asOf,
      spot: levels.spot,
      flip: levels.flip,
      callWall: levels.callWall,
      putWall: levels.putWall,
      source: path,
    });
  }
  const symbol = underlying!.ticker;

  const readBars = <T>(path: string, parse: (text: string) => T): T => {
    try {
      return parse(readInputFile(path));
    } catch (error) {
      if (error instanceof BarsFormatError) fail(`${path}: ${error.message}`);
      throw error;
    }
  };
  const daily = readBars(ohlcPath, (text) => parseDailyBars(text, { ticker: symbol }));
  if (daily.rejections > 0)
    warn(
      `scorecard: warning: ${oneLine(`${ohlcPath}: ${daily.rejections} rows refused (first: ${daily.rejected[0].where}: ${daily.rejected[0].reason})`)}\n`,
    );
  const minutesPath = args.options.get('minutes');
  const minutes = minutesPath === undefined ? undefined : readBars(minutesPath, (text) => parseCboeMinuteBars(text, { ticker: symbol }));
  if (minutes && minutes.rejections > 0)
    warn(
      `scorecard: warning: ${oneLine(`${minutesPath}: ${minutes.rejections} rows refused (first: ${minutes.rejected[0].where}: ${minutes.rejected[0].reason})`)}\n`,
    );

  const card = buildScorecard({ levelSets, daily: daily.bars, minutes: minutes?.bars, now, previous: args.flags.has('previous') });
  const misfit = card.notes.find((note) => note.kind === 'misfit');
  if (misfit) fail(`${ohlcPath}: ${misfit.message}`);
  for (const note of card.notes) {
    const refused = note.kind === 'no-bar' ? refusedRowsOf(daily, note.session) : '';
    warn(`scorecard: note: ${oneLine(`${note.message}${refused}`)}\n`);
  }
  if (args.flags.has('json')) {
    print(`${JSON.stringify(scorecardJson(card))}\n`);
    return;
  }
  print(
    scorecardText(
      card,
      `Scorecard ${symbol}: ${levelSets.length} chain${levelSets.length === 1 ? '' : 's'}, ${card.sessions.length} session${card.sessions.length === 1 ? '' : 's'} scored (${assumptions})`,
    ),
  );
}
