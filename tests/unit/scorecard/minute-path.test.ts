/** A level's path through the session's minute bars: the first touch (New York) and how often price crossed it. */
import { describe, expect, it } from 'vitest';
import { buildScorecard } from '../../../lib/scorecard';
import { parseCboeMinuteBars, type DailyBar, type MinuteBar } from '../../../lib/bars';
import { newYorkToUtc } from '../../../lib/market/ny-time';
import { formatNewYorkClock } from '../../../lib/format/time';
import { BARS_FIXTURES, barsFixtureText } from '../bars/bars-fixtures';

const SESSION = '2024-11-26';
const minute = (hour: number, min: number, open: number, high: number, low: number, close: number): MinuteBar => ({
  start: newYorkToUtc(SESSION, hour, min),
  session: SESSION,
  open,
  high,
  low,
  close,
});

// The day: open 100, up through 101 at 09:31, back under it at 09:32, up through again at 09:34, and it stays.
const minutes = [
  minute(9, 30, 100, 100.5, 99.9, 100.2),
  minute(9, 31, 100.2, 101.2, 100.1, 101.1), // first reaches 101 (and closes above: crossing 1)
  minute(9, 32, 101.1, 101.3, 100.7, 100.9), // closes back below (crossing 2)
  minute(9, 33, 100.9, 101.0, 100.6, 101.0), // closes exactly at 101: no side, no crossing
  minute(9, 34, 101.0, 101.6, 100.95, 101.5), // above again (crossing 3)
  minute(15, 59, 101.5, 101.8, 101.4, 101.7),
];
const daily: DailyBar[] = [{ date: SESSION, open: 100, high: 101.8, low: 99.9, close: 101.7, volume: null }];
const levelSet = { source: 'chain', asOf: newYorkToUtc('2024-11-25', 16, 30), spot: 100, flip: 101, callWall: 102, putWall: 99.95 };
const now = newYorkToUtc('2024-11-27', 12, 0);

describe('minute paths', () => {
  const card = buildScorecard({ levelSets: [levelSet], daily, minutes: [...minutes].reverse(), now });
  const [flip, callWall, putWall] = card.sessions[0].levels;

  it('times the first touch at the start of the first minute whose range holds the level', () => {
    expect(card.sessions[0].minuteBars).toBe(6);
    expect(formatNewYorkClock(flip.path!.firstTouchAt!)).toBe('9:31');
    // The put wall 99.95 is inside the first minute (low 99.9).
    expect(formatNewYorkClock(putWall.path!.firstTouchAt!)).toBe('9:30');
    expect(callWall.path!.firstTouchAt).toBeNull();
  });

  it("counts the crossings of the closes from the open's side, a close exactly at the level changing nothing", () => {
    expect(flip.path).toMatchObject({ crossings: 3, crossedAgain: true });
    expect(flip.outcome).toBe('broke');
    expect(callWall.path).toMatchObject({ crossings: 0, crossedAgain: false });
    // 99.95 touched at 09:30 and never closed below: held, no crossing.
    expect(putWall).toMatchObject({ outcome: 'held', path: { crossings: 0, crossedAgain: false } });
  });

  it('adds no path without minute bars for the session', () => {
    const withoutMinutes = buildScorecard({ levelSets: [levelSet], daily, now });
    expect(withoutMinutes.sessions[0].levels.every((level) => level.path === undefined)).toBe(true);
    expect(withoutMinutes.sessions[0].minuteBars).toBe(0);
    const otherDay = buildScorecard({
      levelSets: [levelSet],
      daily,
      minutes: minutes.map((bar) => ({ ...bar, session: '2024-11-25' })),
      now,
    });
    expect(otherDay.sessions[0].minuteBars).toBe(0);
  });

  it("reads CBOE's minute file into first touches: SPX 2024-01-08, the put wall 4700 reached in the 09:32 minute", () => {
    const bars = parseCboeMinuteBars(barsFixtureText(BARS_FIXTURES.spxMinutes), { ticker: 'SPX' }).bars;
    const spx = buildScorecard({
      levelSets: [{ source: 'spx', asOf: Date.UTC(2024, 0, 7, 15, 52), spot: 4697.24, flip: 4724.75, callWall: 4800, putWall: 4700 }],
      daily: [{ date: '2024-01-08', open: 4703.7, high: 4764.54, low: 4699.82, close: 4763.54, volume: 0 }],
      minutes: bars,
      now: Date.UTC(2024, 0, 9),
    });
    const [flipLevel, , putLevel] = spx.sessions[0].levels;
    // The file's 09:33 label (the minute 09:32-09:33) has low 4699.82; the 16:00 label closes at 4763.54, above the flip.
    expect(formatNewYorkClock(putLevel.path!.firstTouchAt!)).toBe('9:32');
    expect(putLevel.path!.crossings).toBe(0);
    // The fixture holds no minute between 09:34 and 15:59: the day's bar says the flip was touched, but no minute
    // present holds it — no first touch is made up; the close past it still counts one crossing.
    expect(flipLevel.touched).toBe(true);
    expect(flipLevel.path!.firstTouchAt).toBeNull();
    expect(flipLevel.path!.crossings).toBe(1);
  });
});
