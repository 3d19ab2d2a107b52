/**
 * npm run bench:scorecard [-- --json] [-- --runs N]
 * The scorecard over 60 sessions x 3 levels (what the popup computes from 60 stored sessions; target
 * <= 5 ms in Node), its first call in a fresh process (no calendar cached), with the previous session's
 * levels (6 per session), with a full day of minute bars for each session, and parsing CBOE daily files
 * of 60 rows and of 9,000 rows (an index's whole history), all of it and since its 90th newest date. Synthetic, seeded bars; medians after warm-up.
 */
import { buildScorecard, type LevelSet } from '../lib/scorecard';
import { parseCboeDailyBars, type DailyBar, type MinuteBar } from '../lib/bars';
import { addDays, newYorkToUtc } from '../lib/market/ny-time';
import { isTradingDay, nextTradingDay, sessionOn } from '../lib/market/sessions';
import { formatTiming, time, type Timing } from './stats';

const args = process.argv.slice(2);
const json = args.includes('--json');
const runs = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 200);

/** A small seeded generator (mulberry32), so every run scores the same sessions. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sessionsFrom(first: string, count: number): string[] {
  const dates: string[] = [];
  let date = isTradingDay(first) ? first : nextTradingDay(first);
  while (dates.length < count) {
    dates.push(date);
    date = nextTradingDay(date);
  }
  return dates;
}

const next = random(25);
const dates = sessionsFrom('2024-01-02', 60);
const daily: DailyBar[] = [];
const levelSets: LevelSet[] = [];
const minutes: MinuteBar[] = [];
let price = 4700;
for (const date of dates) {
  const open = price * (1 + (next() - 0.5) * 0.01);
  let high = open;
  let low = open;
  let last = open;
  const session = sessionOn(date)!;
  for (let start = session.open; start < session.close; start += 60000) {
    const close = last * (1 + (next() - 0.5) * 0.002);
    const bar = { start, session: date, open: last, high: Math.max(last, close) * 1.0002, low: Math.min(last, close) * 0.9998, close };
    minutes.push(bar);
    high = Math.max(high, bar.high);
    low = Math.min(low, bar.low);
    last = close;
  }
  daily.push({ date, open, high, low, close: last, volume: null });
  // The chain of the evening before: flip near spot, walls a percent or two away.
  levelSets.push({
    source: `chain ${date}`,
    asOf: newYorkToUtc(addDays(date, -1), 20, 0),
    spot: price,
    flip: price * (1 + (next() - 0.5) * 0.02),
    callWall: Math.round((price * (1.01 + next() * 0.02)) / 25) * 25,
    putWall: Math.round((price * (0.97 + next() * 0.02)) / 25) * 25,
  });
  price = last;
}
const now = Date.UTC(2025, 0, 1);

const cold = (() => {
  const start = performance.now();
  buildScorecard({ levelSets, daily, now });
  return performance.now() - start;
})();

const cboeFile = (rows: number) => {
  const data = [];
  let date = '1990-01-02';
  for (let index = 0; index < rows; index++) {
    const open = 1000 + next() * 4000;
    data.push({
      date,
      volume: '0.0',
      open: open.toFixed(6),
      high: (open * 1.01).toFixed(6),
      low: (open * 0.99).toFixed(6),
      close: open.toFixed(6),
    });
    date = nextTradingDay(date < '2000-01-03' ? '2000-01-03' : date);
  }
  return JSON.stringify({ timestamp: '2026-01-01 02:00:00', symbol: '_SPX', data: data.reverse() });
};
const file60 = cboeFile(60);
const file9000 = cboeFile(9000);
/** The 90th newest date of the long file: what a store of 60 sessions (and a margin) asks for. */
const since90 = (JSON.parse(file9000) as { data: { date: string }[] }).data[89].date;

const figures: Record<string, Timing> = {
  scorecard: time(() => buildScorecard({ levelSets, daily, now }), { runs, warmup: 20 }),
  withPrevious: time(() => buildScorecard({ levelSets, daily, now, previous: true }), { runs, warmup: 20 }),
  withMinutes: time(() => buildScorecard({ levelSets, daily, minutes, now }), { runs: Math.max(10, runs / 10), warmup: 5 }),
  parse60: time(() => parseCboeDailyBars(file60), { runs, warmup: 20 }),
  parse9000: time(() => parseCboeDailyBars(file9000), { runs: Math.max(10, runs / 10), warmup: 5 }),
  parse9000Since: time(() => parseCboeDailyBars(file9000, { since: since90 }), { runs: Math.max(10, runs / 10), warmup: 5 }),
};
const scored = buildScorecard({ levelSets, daily, now });

if (json) {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  process.stdout.write(
    `${JSON.stringify({
      sessions: scored.sessions.length,
      levels: scored.sessions.reduce((sum, session) => sum + session.levels.length, 0),
      minuteBars: minutes.length,
      coldMs: round(cold),
      ...Object.fromEntries(Object.entries(figures).map(([name, timing]) => [`${name}Ms`, round(timing.median)])),
    })}\n`,
  );
} else {
  const levels = scored.sessions.reduce((sum, session) => sum + session.levels.length, 0);
  console.log(`Scorecard of ${scored.sessions.length} sessions, ${levels} levels (target: <= 5 ms)`);
  console.log(`first call, fresh process          ${cold.toFixed(2)} ms`);
  console.log(formatTiming('60 sessions x 3 levels', figures.scorecard));
  console.log(formatTiming('  with previous levels (x 6)', figures.withPrevious));
  console.log(formatTiming(`  with ${minutes.length} minute bars`, figures.withMinutes));
  console.log(formatTiming('parse CBOE daily, 60 rows', figures.parse60));
  console.log(formatTiming('parse CBOE daily, 9,000 rows', figures.parse9000));
  console.log(formatTiming('  since its 90th newest date', figures.parse9000Since));
}
