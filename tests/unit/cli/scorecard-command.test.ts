/**
 * `npm run scorecard` end to end on the real chain fixtures, with daily bars written for them
 * (tests/fixtures/bars, CBOE's format). Each outcome is worked out by hand from the bar and the levels
 * `npm run levels -- FILE --json` prints for the same file; the Wilson bounds are checked against the
 * interval solved here from its defining quadratic.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runScorecardCommand } from '../../../scripts/scorecard-command';
import { runLevelsCommand } from '../../../scripts/levels-command';
import { BARS_FIXTURES, barsFixturePath, barsFixtureText } from '../bars/bars-fixtures';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const SPX = join(root, 'assets/sample/cboe-spx-2024-01-07.csv.gz');
const SPY_CSV = join(root, 'tests/fixtures/cboe-spy-2023-09-14.csv.gz');
const SPY_JSON = join(root, 'tests/fixtures/cboe-delayed-spy-2022-03.json.gz');
const NVDA = join(root, 'tests/fixtures/cboe-nvda-2025-01-06.csv.gz');
const NOW = Date.UTC(2025, 5, 1);
const SPY_ASOF = '2022-03-31T20:00:00Z'; // the JSON file carries no timestamp: its close, 16:00 EDT

const temp = mkdtempSync(join(tmpdir(), 'gexmap-scorecard-'));
function tempFile(name: string, text: string): string {
  const path = join(temp, name);
  writeFileSync(path, text);
  return path;
}

function scorecard(args: string[]) {
  const result = runScorecardCommand(args, NOW);
  return { ...result, json: result.code === 0 && args.includes('--json') ? JSON.parse(result.stdout) : null };
}

/** The levels `npm run levels -- FILE --json` prints, with the same extra flags. */
function levelsOf(path: string, extra: string[] = []) {
  const result = runLevelsCommand([path, '--json', ...extra], NOW);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as { flip: number; callWall: number; putWall: number };
}

/** Wilson's interval solved from its definition: the p with (k/n - p)^2 = z^2 p (1 - p) / n. */
function wilsonReference(k: number, n: number) {
  const z2 = 1.96 ** 2;
  const phat = k / n;
  // (1 + z2/n) p^2 - (2 phat + z2/n) p + phat^2 = 0
  const a = 1 + z2 / n;
  const b = -(2 * phat + z2 / n);
  const c = phat * phat;
  const root = Math.sqrt(Math.max(0, b * b - 4 * a * c));
  return { value: phat, low: (-b - root) / (2 * a), high: (-b + root) / (2 * a) };
}

function expectRate(rate: { value: number; low: number; high: number } | null, k: number, n: number) {
  const reference = wilsonReference(k, n);
  expect(rate).not.toBeNull();
  expect(rate!.value).toBeCloseTo(reference.value, 12);
  expect(Math.abs(rate!.low - reference.low)).toBeLessThan(1e-4);
  expect(Math.abs(rate!.high - reference.high)).toBeLessThan(1e-4);
}

const CONTRACT_KEYS = {
  top: ['rangeBySide', 'sessions', 'totals'],
  session: ['close', 'flipSide', 'high', 'levels', 'low', 'open', 'rangePct', 'session'],
  level: ['kind', 'mirror', 'outcome', 'price', 'side', 'touched'],
  totals: ['broke', 'held', 'holdRate', 'mirrorTouchRate', 'mirrorTouched', 'sessions', 'touchRate', 'touched'],
};

describe('npm run scorecard on the SPX sample (Sunday 2024-01-07) and bars for Monday 2024-01-08', () => {
  let result: ReturnType<typeof scorecard>;
  let levels: { flip: number; callWall: number; putWall: number };
  beforeAll(() => {
    result = scorecard(['--json', '--ohlc', barsFixturePath(BARS_FIXTURES.spx), SPX]);
    levels = levelsOf(SPX);
  });

  it('prints exactly the JSON shape of the test contract', () => {
    expect(result.code).toBe(0);
    const { json } = result;
    expect(Object.keys(json).sort()).toEqual(CONTRACT_KEYS.top);
    expect(Object.keys(json.sessions[0]).sort()).toEqual(CONTRACT_KEYS.session);
    for (const level of json.sessions[0].levels) {
      expect(Object.keys(level).sort()).toEqual(CONTRACT_KEYS.level);
      expect(Object.keys(level.mirror).sort()).toEqual(['price', 'touched']);
    }
    expect(Object.keys(json.totals)).toEqual(['flip', 'call-wall', 'put-wall']);
    for (const totals of Object.values(json.totals)) expect(Object.keys(totals as object).sort()).toEqual(CONTRACT_KEYS.totals);
    expect(Object.keys(json.rangeBySide).sort()).toEqual(['above-flip', 'below-flip']);
  });

  it("scores the levels npm run levels prints for the file, on Monday's bar, as worked by hand", () => {
    // npm run levels: flip 4724.75, call wall 4800, put wall 4700 (spot 4697.24, as of Sun 10:52 EST).
    expect(levels.callWall).toBe(4800);
    expect(levels.putWall).toBe(4700);
    expect(levels.flip).toBeCloseTo(4724.75, 2);
    const [session] = result.json.sessions;
    // Mon 2024-01-08: O 4703.70 H 4764.54 L 4699.82 C 4763.54.
    expect(session).toMatchObject({ session: '2024-01-08', open: 4703.7, high: 4764.54, low: 4699.82, close: 4763.54 });
    expect(session.rangePct).toBeCloseTo((64.72 / 4703.7) * 100, 10); // 1.37594%
    expect(session.flipSide).toBe('below-flip'); // 4703.70 < 4724.75
    const [flip, callWall, putWall] = session.levels;
    // Flip above the open, inside [4699.82, 4764.54], close 4763.54 above it: broke. Mirror 2*4703.70 - 4724.75 = 4682.65 < low.
    expect(flip).toMatchObject({
      kind: 'flip',
      price: levels.flip,
      side: 'above',
      touched: true,
      outcome: 'broke',
      mirror: { touched: false },
    });
    expect(flip.mirror.price).toBeCloseTo(2 * 4703.7 - levels.flip, 9);
    // Call wall 4800 above the high: untouched. Mirror 4607.40 below the low.
    expect(callWall).toEqual({
      kind: 'call-wall',
      price: 4800,
      side: 'above',
      touched: false,
      outcome: 'untouched',
      mirror: { price: expect.closeTo(4607.4, 9), touched: false },
    });
    // Put wall 4700 below the open, the low 4699.82 reaches it, close above: held. Mirror 4707.40 inside the range: touched.
    expect(putWall).toEqual({
      kind: 'put-wall',
      price: 4700,
      side: 'below',
      touched: true,
      outcome: 'held',
      mirror: { price: expect.closeTo(4707.4, 9), touched: true },
    });
  });

  it('totals one session per kind with Wilson intervals, and the range below the flip', () => {
    const { totals, rangeBySide } = result.json;
    expect(totals.flip).toMatchObject({ sessions: 1, touched: 1, held: 0, broke: 1, mirrorTouched: 0 });
    expectRate(totals.flip.touchRate, 1, 1);
    expectRate(totals.flip.mirrorTouchRate, 0, 1);
    expectRate(totals.flip.holdRate, 0, 1);
    expect(totals['call-wall']).toMatchObject({ sessions: 1, touched: 0, held: 0, broke: 0, mirrorTouched: 0, holdRate: null });
    expect(totals['put-wall']).toMatchObject({ sessions: 1, touched: 1, held: 1, broke: 0, mirrorTouched: 1 });
    expectRate(totals['put-wall'].holdRate, 1, 1);
    expect(rangeBySide['above-flip']).toEqual({ sessions: 0, meanRangePct: null });
    expect(rangeBySide['below-flip'].sessions).toBe(1);
    expect(rangeBySide['below-flip'].meanRangePct).toBeCloseTo((64.72 / 4703.7) * 100, 10);
  });

  it('writes readable text without --json: each level, the totals, the sentences and the small sample', () => {
    const { code, stdout } = scorecard(['--ohlc', barsFixturePath(BARS_FIXTURES.spx), SPX]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Scorecard SPX: 1 chain, 1 session scored \(classic: dealers long calls, short puts; all expiries; rate 0\.04, dividend yield 0\.013\)/,
    );
    expect(stdout).toMatch(
      /2024-01-08 {2}O 4,703\.70 {2}H 4,764\.54 {2}L 4,699\.82 {2}C 4,763\.54 {2}range 1\.38% {2}opened below the flip/,
    );
    expect(stdout).toMatch(/Put wall +4,700\.00 {2}below the open +touched, held +mirror 4,707\.40 touched/);
    expect(stdout).toContain(
      '1 session: the put wall was touched on 1 and held on 1; a level at the same distance on the other side of the open was touched on 1 — no edge shown yet.',
    );
    expect(stdout).toContain('Only 1 session: far too few to tell a level from chance');
  });

  it('adds the first touch (New York) and the crossings with --minutes', () => {
    const { json } = scorecard([
      '--json',
      '--ohlc',
      barsFixturePath(BARS_FIXTURES.spx),
      '--minutes',
      barsFixturePath(BARS_FIXTURES.spxMinutes),
      SPX,
    ]);
    const [, callWall, putWall] = json.sessions[0].levels;
    // The minute 09:32-09:33 (labelled 09:33 in the file) has the low 4699.82.
    expect(putWall).toMatchObject({ firstTouch: '09:32', crossings: 0, crossedAgain: false });
    expect(callWall).toMatchObject({ firstTouch: null, crossings: 0, crossedAgain: false });
  });
});

describe('npm run scorecard on two SPY chains of different years', () => {
  let result: ReturnType<typeof scorecard>;
  beforeAll(() => {
    result = scorecard(['--json', '--ohlc', barsFixturePath(BARS_FIXTURES.spy), '--asof', SPY_ASOF, SPY_JSON, SPY_CSV]);
  });

  it('scores the session after each chain only (2022-04-01, 2023-09-15), the levels as npm run levels gives them', () => {
    expect(result.code).toBe(0);
    expect(result.json.sessions.map((session: { session: string }) => session.session)).toEqual(['2022-04-01', '2023-09-15']);
    const old = levelsOf(SPY_JSON, ['--asof', SPY_ASOF]);
    const recent = levelsOf(SPY_CSV);
    const prices = (index: number) => result.json.sessions[index].levels.map((level: { price: number }) => level.price);
    expect(prices(0)).toEqual([old.flip, old.callWall, old.putWall]);
    expect(prices(1)).toEqual([recent.flip, recent.callWall, recent.putWall]);
  });

  it('2022-04-01 (O 453.31 H 453.46 L 449.14 C 452.92) under flip 456.12, call wall 460, put wall 450', () => {
    const [flip, callWall, putWall] = result.json.sessions[0].levels;
    expect(result.json.sessions[0].flipSide).toBe('below-flip');
    // Flip above the high; its mirror 2*453.31 - 456.12 = 450.50 inside the range.
    expect(flip).toMatchObject({ side: 'above', touched: false, outcome: 'untouched', mirror: { touched: true } });
    // Call wall 460 above the high; mirror 446.62 below the low 449.14.
    expect(callWall).toMatchObject({
      side: 'above',
      touched: false,
      outcome: 'untouched',
      mirror: { price: expect.closeTo(446.62, 9), touched: false },
    });
    // Put wall 450 below the open, the low 449.14 reaches it, close 452.92 above: held; mirror 456.62 above the high.
    expect(putWall).toMatchObject({
      side: 'below',
      touched: true,
      outcome: 'held',
      mirror: { price: expect.closeTo(456.62, 9), touched: false },
    });
  });

  it('2023-09-15 (O 447.14 H 447.48 L 442.92 C 443.37): both walls at 450, neither reached, both mirrors (444.28) touched', () => {
    const [flip, callWall, putWall] = result.json.sessions[1].levels;
    expect(result.json.sessions[1].flipSide).toBe('below-flip'); // 447.14 < 448.63
    expect(flip).toMatchObject({ side: 'above', touched: false, mirror: { touched: true } }); // mirror 445.65
    for (const wall of [callWall, putWall]) {
      expect(wall).toMatchObject({
        price: 450,
        side: 'above',
        touched: false,
        outcome: 'untouched',
        mirror: { price: expect.closeTo(444.28, 9), touched: true },
      });
    }
  });

  it('totals two sessions with Wilson bounds to 1e-4, and the mean range below the flip', () => {
    const { totals, rangeBySide } = result.json;
    expect(totals.flip).toMatchObject({ sessions: 2, touched: 0, mirrorTouched: 2, holdRate: null });
    expectRate(totals.flip.touchRate, 0, 2);
    expectRate(totals.flip.mirrorTouchRate, 2, 2);
    expect(totals['call-wall']).toMatchObject({ sessions: 2, touched: 0, mirrorTouched: 1 });
    expectRate(totals['call-wall'].mirrorTouchRate, 1, 2);
    expect(totals['put-wall']).toMatchObject({ sessions: 2, touched: 1, held: 1, broke: 0, mirrorTouched: 1 });
    expectRate(totals['put-wall'].touchRate, 1, 2);
    expectRate(totals['put-wall'].holdRate, 1, 1);
    expect(rangeBySide['below-flip'].sessions).toBe(2);
    expect(rangeBySide['below-flip'].meanRangePct).toBeCloseTo(((4.32 / 453.31) * 100 + (4.56 / 447.14) * 100) / 2, 10);
  });
});

describe('npm run scorecard on NVDA (Monday 2025-01-06 evening) and Tuesday 2025-01-07', () => {
  it('finds the call wall broken below the open and the put wall missed by a cent', () => {
    const levels = levelsOf(NVDA); // flip 125.83, call wall 150, put wall 140 (spot 150.28)
    const { code, json } = scorecard(['--json', '--ohlc', barsFixturePath(BARS_FIXTURES.nvda), NVDA]);
    expect(code).toBe(0);
    const [session] = json.sessions;
    // Tue 2025-01-07: O 153.03 H 153.13 L 140.01 C 140.14.
    expect(session.session).toBe('2025-01-07');
    expect(session.flipSide).toBe('above-flip'); // 153.03 > 125.83
    expect(session.rangePct).toBeCloseTo((13.12 / 153.03) * 100, 10);
    const [flip, callWall, putWall] = session.levels;
    expect(flip).toMatchObject({ price: levels.flip, side: 'below', touched: false, outcome: 'untouched', mirror: { touched: false } });
    // Call wall 150 below the open, inside the range, close 140.14 below it: broke. Mirror 156.06 above the high.
    expect(callWall).toMatchObject({
      price: 150,
      side: 'below',
      touched: true,
      outcome: 'broke',
      mirror: { price: expect.closeTo(156.06, 9), touched: false },
    });
    // Put wall 140 below the low 140.01: untouched. Mirror 166.06: no.
    expect(putWall).toMatchObject({ price: 140, side: 'below', touched: false, outcome: 'untouched', mirror: { touched: false } });
  });
});

describe('npm run scorecard with the assumption flags', () => {
  it('scores the levels npm run levels gives under the same flags', () => {
    const flags = ['--rate', '0.05', '--div', '0', '--sign', 'short-all', '--expiry', 'next'];
    const { code, json } = scorecard(['--json', '--ohlc', barsFixturePath(BARS_FIXTURES.nvda), ...flags, NVDA]);
    expect(code).toBe(0);
    const levels = levelsOf(NVDA, flags);
    const byKind = Object.fromEntries(json.sessions[0].levels.map((level: { kind: string; price: number }) => [level.kind, level.price]));
    expect(byKind).toEqual({
      ...(levels.flip === null ? {} : { flip: levels.flip }),
      'call-wall': levels.callWall,
      'put-wall': levels.putWall,
    });
    expect(levels).not.toMatchObject(levelsOf(NVDA));
  });
});

describe('npm run scorecard notes what it could not score', () => {
  it('a session the bars have no usable row for, with the refused row', () => {
    const damaged = JSON.parse(barsFixtureText(BARS_FIXTURES.spx));
    damaged.data[1].close = '4770.000000'; // 2024-01-08: close above the high 4764.54
    const { code, stderr, json } = scorecard(['--json', '--ohlc', tempFile('spx-damaged.json', JSON.stringify(damaged)), SPX]);
    expect(code).toBe(0);
    expect(json.sessions).toEqual([]);
    expect(stderr).toContain('rows refused (first: data[1].close (2024-01-08): close 4770 is above high 4764.54)');
    expect(stderr).toMatch(
      /note: .*cboe-spx-2024-01-07\.csv\.gz: the bars have no usable row for its session 2024-01-08 \(refused: data\[1\]\.close \(2024-01-08\): close 4770 is above high 4764\.54\)/,
    );
  });

  it('a chain given twice: the later one in force, the other superseded', () => {
    const { code, stderr, json } = scorecard(['--json', '--ohlc', barsFixturePath(BARS_FIXTURES.nvda), NVDA, NVDA]);
    expect(code).toBe(0);
    expect(json.sessions).toHaveLength(1);
    expect(stderr).toMatch(/note: .*cboe-nvda-2025-01-06\.csv\.gz \(as of Mon Jan 6, 2025, 9:30 PM EST\) is superseded for 2025-01-07/);
  });

  it('a session that has not ended by now', () => {
    const result = runScorecardCommand(['--json', '--ohlc', barsFixturePath(BARS_FIXTURES.nvda), NVDA], Date.UTC(2025, 0, 7, 18));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).sessions).toEqual([]);
    expect(result.stderr).toMatch(/its session 2025-01-07 has not ended yet/);
  });

  it("the previous session's kinds with --previous (none here: one chain has no session before it)", () => {
    const { json } = scorecard(['--json', '--previous', '--ohlc', barsFixturePath(BARS_FIXTURES.nvda), NVDA]);
    expect(Object.keys(json.totals)).toEqual(['flip', 'call-wall', 'put-wall', 'prev-flip', 'prev-call-wall', 'prev-put-wall']);
    expect(json.totals['prev-flip']).toMatchObject({ sessions: 0, touchRate: null });
  });
});

describe('npm run scorecard refuses bad input with one line and exit code 2', () => {
  const spyBars = barsFixturePath(BARS_FIXTURES.spy);
  const nvdaBarsAsSpx = () => {
    // NVDA's dates at SPX prices, no symbol: only the prices can tell.
    const bars = JSON.parse(barsFixtureText(BARS_FIXTURES.nvda));
    delete bars.symbol;
    for (const row of bars.data) for (const field of ['open', 'high', 'low', 'close']) row[field] = String(Number(row[field]) * 39);
    return tempFile('nvda-as-spx.json', JSON.stringify(bars));
  };
  it.each<[string, () => string[], RegExp]>([
    ['no chain', () => ['--ohlc', spyBars], /^scorecard: no chain file given/],
    ['no bars', () => [NVDA], /^scorecard: no daily bars given: --ohlc BARS\.json/],
    [
      'a bars file that cannot be read',
      () => ['--ohlc', join(temp, 'missing.json'), NVDA],
      /^scorecard: cannot read .*missing\.json: ENOENT/,
    ],
    [
      'bars of another symbol',
      () => ['--ohlc', spyBars, NVDA],
      /^scorecard: .*cboe-historical-spy\.json: the bars are for SPY, not NVDA \(expected/,
    ],
    [
      'bars whose prices do not fit the chain',
      () => ['--ohlc', nvdaBarsAsSpx(), NVDA],
      /^scorecard: .*nvda-as-spx\.json: .*the 2025-01-07 open 5,968\.17 lies more than 30% from the chain's spot 150\.28/,
    ],
    [
      'an HTML page as bars',
      () => ['--ohlc', tempFile('page.json', '<html><title>Access Denied</title></html>'), NVDA],
      /page\.json: the input is an HTML or XML page \("Access Denied"\)/,
    ],
    [
      'chains of two tickers',
      () => ['--ohlc', spyBars, SPY_CSV, NVDA],
      /cboe-nvda-2025-01-06\.csv\.gz is a chain of NVDA, .*cboe-spy-2023-09-14\.csv\.gz of SPY: one ticker's chains at a time/,
    ],
    [
      'a chain without its own as-of',
      () => ['--ohlc', spyBars, SPY_JSON],
      /cboe-delayed-spy-2022-03\.json\.gz: the file carries no as-of of its own; give it with --asof ISO/,
    ],
    ['--asof for two undated files', () => ['--ohlc', spyBars, '--asof', SPY_ASOF, SPY_JSON, SPY_JSON], /--asof dates one file only/],
    ['a file that is no chain', () => ['--ohlc', spyBars, tempFile('notes.txt', 'hello')], /notes\.txt: unrecognised format/],
    ['a bad --rate', () => ['--ohlc', spyBars, '--rate', 'five', NVDA], /^scorecard: --rate "five": expected a decimal rate/],
    ['an unknown option', () => ['--ohlc', spyBars, '--levels', NVDA], /^scorecard: unknown option --levels/],
  ])('%s', (_what, args, message) => {
    const { code, stdout, stderr } = scorecard(args());
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines[lines.length - 1]).toMatch(message);
    expect(lines.filter((line) => !line.startsWith('scorecard: warning')).length).toBe(1);
  });
});

describe('npm run scorecard as a process', () => {
  it('runs from package.json and prints the JSON', async () => {
    const { stdout } = await promisify(execFile)(
      'npm',
      ['run', '-s', 'scorecard', '--', '--json', '--ohlc', barsFixturePath(BARS_FIXTURES.nvda), NVDA],
      { cwd: root },
    );
    expect(JSON.parse(stdout).sessions[0].session).toBe('2025-01-07');
  });
});
