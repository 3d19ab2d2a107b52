/**
 * The scorecard over a few sessions of bars written for the test (late November 2024: a weekend, a
 * superseded chain, a chain taken during a session, Thanksgiving and the early close after it), each
 * outcome worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { buildScorecard, wilsonInterval, type LevelSet } from '../../../lib/scorecard';
import type { DailyBar } from '../../../lib/bars';
import { newYorkToUtc } from '../../../lib/market/ny-time';

const bar = (date: string, open: number, high: number, low: number, close: number): DailyBar => ({
  date,
  open,
  high,
  low,
  close,
  volume: null,
});
const set = (
  source: string,
  asOf: number,
  spot: number,
  flip: number | null,
  callWall: number | null,
  putWall: number | null,
): LevelSet => ({
  source,
  asOf,
  spot,
  flip,
  callWall,
  putWall,
});

const daily = [
  bar('2024-11-22', 100, 104, 99, 103), // Fri
  bar('2024-11-25', 105, 107, 101, 102), // Mon
  bar('2024-11-26', 102, 103, 100, 100.5), // Tue
  bar('2024-11-27', 101, 101.5, 98, 99), // Wed (no chain in force: D counted for Tuesday only)
  bar('2024-11-29', 99, 100, 98.5, 99.8), // Fri, early close at 13:00 (Thanksgiving Thursday closed)
];

const A = set('A', newYorkToUtc('2024-11-21', 16, 30), 100.2, 101, 104, 98); // Thu after the close -> Fri 11-22
const B = set('B', newYorkToUtc('2024-11-22', 17, 0), 103, 104, 108, 100); // Fri evening -> Mon, superseded by C
const C = set('C', newYorkToUtc('2024-11-24', 12, 0), 104, 105, 110, 102); // Sunday (a weekend chain) -> Mon 11-25
const D = set('D', newYorkToUtc('2024-11-25', 10, 0), 104.5, 101, 103.5, 100); // during Monday's session -> Tue 11-26
const E = set('E', newYorkToUtc('2024-11-27', 14, 0), 101, 97, 100, 95); // Wed before Thanksgiving -> Fri 11-29
const F = set('F', newYorkToUtc('2024-11-29', 9, 30), 99, 98, 101, 96); // exactly at the open -> Mon 12-02: no bar
const G = set('G', newYorkToUtc('2024-12-02', 12, 0), 99, 98, 101, 96); // -> Tue 12-03, not ended at `now`
const now = newYorkToUtc('2024-12-03', 15, 0);

describe('the scorecard of five sessions worked by hand', () => {
  const card = buildScorecard({ levelSets: [G, F, E, D, C, B, A], daily, now });

  it('scores each session once with the chain in force for it', () => {
    expect(card.sessions.map((session) => [session.session, session.inForce.source])).toEqual([
      ['2024-11-22', 'A'],
      ['2024-11-25', 'C'],
      ['2024-11-26', 'D'],
      ['2024-11-29', 'E'],
    ]);
    expect(card.sessionsWithoutLevels).toEqual(['2024-11-27']);
  });

  it("Fri 11-22 (O 100 H 104 L 99 C 103), chain A after Thursday's close", () => {
    const session = card.sessions[0];
    expect(session.rangePct).toBeCloseTo(5, 12); // (104 - 99) / 100
    expect(session.flipSide).toBe('below-flip'); // open 100 < flip 101
    expect(session.levels).toEqual([
      // flip 101 above the open, inside [99, 104], close 103 beyond it: broke; mirror 2*100-101 = 99, exactly the low: touched.
      { kind: 'flip', price: 101, side: 'above', touched: true, outcome: 'broke', mirror: { price: 99, touched: true } },
      // call wall 104 exactly at the high: touched; close 103 not beyond: held; mirror 96 below the low.
      { kind: 'call-wall', price: 104, side: 'above', touched: true, outcome: 'held', mirror: { price: 96, touched: false } },
      // put wall 98 below the low 99: untouched; mirror 102 inside the range.
      { kind: 'put-wall', price: 98, side: 'below', touched: false, outcome: 'untouched', mirror: { price: 102, touched: true } },
    ]);
  });

  it('Mon 11-25 (O 105 H 107 L 101 C 102), weekend chain C: its flip is exactly at the open and is left out', () => {
    const session = card.sessions[1];
    expect(session.atOpen).toEqual([{ kind: 'flip', price: 105 }]);
    expect(session.flipSide).toBeNull();
    expect(session.rangePct).toBeCloseTo((6 / 105) * 100, 12);
    expect(session.levels).toEqual([
      // call wall 110 above the high 107; mirror 100 below the low 101.
      { kind: 'call-wall', price: 110, side: 'above', touched: false, outcome: 'untouched', mirror: { price: 100, touched: false } },
      // put wall 102 inside the range; the close 102 is exactly at it, not beyond: held; mirror 108 above the high.
      { kind: 'put-wall', price: 102, side: 'below', touched: true, outcome: 'held', mirror: { price: 108, touched: false } },
    ]);
  });

  it('Tue 11-26 (O 102 H 103 L 100 C 100.5), chain D taken during Monday', () => {
    const session = card.sessions[2];
    expect(session.flipSide).toBe('above-flip'); // 102 > 101
    expect(session.levels).toEqual([
      // flip 101 below the open, touched, close 100.5 below it: broke; mirror 103 exactly at the high: touched.
      { kind: 'flip', price: 101, side: 'below', touched: true, outcome: 'broke', mirror: { price: 103, touched: true } },
      // call wall 103.5 above the high 103; mirror 100.5 inside.
      { kind: 'call-wall', price: 103.5, side: 'above', touched: false, outcome: 'untouched', mirror: { price: 100.5, touched: true } },
      // put wall 100 exactly at the low: touched; close 100.5 above it: held; mirror 104 above the high.
      { kind: 'put-wall', price: 100, side: 'below', touched: true, outcome: 'held', mirror: { price: 104, touched: false } },
    ]);
  });

  it('Fri 11-29 (O 99 H 100 L 98.5 C 99.8), the early close, chain E from Wednesday across Thanksgiving', () => {
    const session = card.sessions[3];
    expect(session.flipSide).toBe('above-flip');
    expect(session.levels).toEqual([
      { kind: 'flip', price: 97, side: 'below', touched: false, outcome: 'untouched', mirror: { price: 101, touched: false } },
      // call wall 100 exactly at the high, close 99.8 below: held; mirror 98 below the low 98.5.
      { kind: 'call-wall', price: 100, side: 'above', touched: true, outcome: 'held', mirror: { price: 98, touched: false } },
      { kind: 'put-wall', price: 95, side: 'below', touched: false, outcome: 'untouched', mirror: { price: 103, touched: false } },
    ]);
  });

  it('notes what it could not score and why', () => {
    expect(card.notes.map((note) => [note.kind, note.session, note.source])).toEqual([
      ['superseded', '2024-11-25', 'B'],
      ['no-bar', '2024-12-02', 'F'],
      ['not-ended', '2024-12-03', 'G'],
    ]);
    expect(card.notes[0].message).toBe(
      'B (as of Fri Nov 22, 2024, 5:00 PM EST) is superseded for 2024-11-25 by C (as of Sun Nov 24, 2024, 12:00 PM EST)',
    );
  });

  it('totals each kind over the sessions it was scored in, with Wilson intervals', () => {
    // flip: Fri 22 broke (mirror touched), Tue 26 broke (mirror touched), Fri 29 untouched; Monday's was at the open.
    expect(card.totals.flip).toEqual({
      sessions: 3,
      touched: 2,
      held: 0,
      broke: 2,
      mirrorTouched: 2,
      touchRate: wilsonInterval(2, 3),
      mirrorTouchRate: wilsonInterval(2, 3),
      holdRate: wilsonInterval(0, 2),
    });
    // call wall: held Fri 22 and Fri 29 (both exactly at the high); mirror touched only on Tue 26.
    expect(card.totals['call-wall']).toEqual({
      sessions: 4,
      touched: 2,
      held: 2,
      broke: 0,
      mirrorTouched: 1,
      touchRate: wilsonInterval(2, 4),
      mirrorTouchRate: wilsonInterval(1, 4),
      holdRate: wilsonInterval(2, 2),
    });
    // put wall: held Mon 25 and Tue 26; mirror touched only on Fri 22.
    expect(card.totals['put-wall']).toMatchObject({ sessions: 4, touched: 2, held: 2, broke: 0, mirrorTouched: 1 });
    expect(Object.keys(card.totals)).toEqual(['flip', 'call-wall', 'put-wall']);
    expect(card.totals.flip!.holdRate).toEqual({ value: 0, low: 0, high: expect.closeTo(0.6576, 4) });
  });

  it('averages the range on each side of the flip', () => {
    expect(card.rangeBySide['below-flip']).toEqual({ sessions: 1, meanRangePct: 5 });
    // Tue 26: 3 / 102; Fri 29: 1.5 / 99.
    expect(card.rangeBySide['above-flip'].sessions).toBe(2);
    expect(card.rangeBySide['above-flip'].meanRangePct).toBeCloseTo(((3 / 102) * 100 + (1.5 / 99) * 100) / 2, 12);
  });

  it('says it in words: counts beside the baseline, no verdict, and that four sessions are far too few', () => {
    expect(card.summary).toEqual([
      '3 sessions: the flip was touched on 2 and held on 0; a level at the same distance on the other side of the open was touched on 2 — no edge shown yet',
      '4 sessions: the call wall was touched on 2 and held on 2; a level at the same distance on the other side of the open was touched on 1 — no edge shown yet',
      '4 sessions: the put wall was touched on 2 and held on 2; a level at the same distance on the other side of the open was touched on 1 — no edge shown yet',
    ]);
    expect(card.smallSample).toBe(
      'Only 4 sessions: far too few to tell a level from chance — read the intervals, not the rates (20 sessions make a start).',
    );
  });

  it('gives the same card whatever order the chains come in', () => {
    expect(buildScorecard({ levelSets: [A, B, C, D, E, F, G], daily: [...daily].reverse(), now })).toEqual(card);
  });

  it('scores nothing of a session that has not ended, even with a bar for it', () => {
    const early = buildScorecard({ levelSets: [A], daily, now: newYorkToUtc('2024-11-22', 15, 59) });
    expect(early.sessions).toEqual([]);
    expect(early.notes.map((note) => note.kind)).toEqual(['not-ended']);
    expect(early.smallSample).toMatch(/^No session scored yet/);
    expect(early.totals.flip).toEqual({
      sessions: 0,
      touched: 0,
      held: 0,
      broke: 0,
      mirrorTouched: 0,
      touchRate: null,
      mirrorTouchRate: null,
      holdRate: null,
    });
    expect(early.rangeBySide).toEqual({
      'above-flip': { sessions: 0, meanRangePct: null },
      'below-flip': { sessions: 0, meanRangePct: null },
    });
  });

  it("refuses a session whose open lies more than 30% from the chain's spot (another symbol's bars)", () => {
    const card = buildScorecard({ levelSets: [set('SPX chain', A.asOf, 4700, 4720, 4800, 4600)], daily, now });
    expect(card.sessions).toEqual([]);
    expect(card.notes[0]).toMatchObject({ kind: 'misfit', session: '2024-11-22' });
    expect(card.notes[0].message).toMatch(/the 2024-11-22 open 100\.00 lies more than 30% from the chain's spot 4,700\.00/);
  });

  it('with equal as-ofs, takes the chain given last', () => {
    const twin = { ...A, source: 'A2', flip: 102 };
    expect(buildScorecard({ levelSets: [A, twin], daily, now }).sessions[0].inForce.source).toBe('A2');
    expect(buildScorecard({ levelSets: [twin, A], daily, now }).sessions[0].inForce.source).toBe('A');
  });

  it('omits a kind the chain has no level for (no flip found) and leaves the flip side open', () => {
    const card = buildScorecard({ levelSets: [{ ...A, flip: null }], daily, now });
    expect(card.sessions[0].levels.map((level) => level.kind)).toEqual(['call-wall', 'put-wall']);
    expect(card.sessions[0].flipSide).toBeNull();
    expect(card.totals.flip!.sessions).toBe(0);
    expect(card.summary).toHaveLength(2);
  });
});

describe("the previous session's levels", () => {
  const card = buildScorecard({ levelSets: [A, C, D, E], daily, now, previous: true });

  it("scores, beside each session's levels, those in force for the trading session before it", () => {
    // Fri 22: Thu 21 had none. Fri 29: Wed 27 had none (D stood for Tue 26 only).
    expect(card.sessions[0].levels.map((level) => level.kind)).toEqual(['flip', 'call-wall', 'put-wall']);
    expect(card.sessions[3].levels.map((level) => level.kind)).toEqual(['flip', 'call-wall', 'put-wall']);
    // Mon 25 (O 105 H 107 L 101 C 102) under A's levels: flip 101 exactly at the low, close 102 above it: held, mirror 109 no;
    // call wall 104 below the open, touched, close 102 below it: broke, mirror 106 touched; put wall 98 untouched, mirror 112 no.
    expect(card.sessions[1].levels.filter((level) => level.kind.startsWith('prev-'))).toEqual([
      { kind: 'prev-flip', price: 101, side: 'below', touched: true, outcome: 'held', mirror: { price: 109, touched: false } },
      { kind: 'prev-call-wall', price: 104, side: 'below', touched: true, outcome: 'broke', mirror: { price: 106, touched: true } },
      { kind: 'prev-put-wall', price: 98, side: 'below', touched: false, outcome: 'untouched', mirror: { price: 112, touched: false } },
    ]);
    // Tue 26 (O 102) under C's: prev put wall 102 exactly at the open: left out.
    expect(card.sessions[2].atOpen).toEqual([{ kind: 'prev-put-wall', price: 102 }]);
  });

  it('totals the previous kinds apart', () => {
    expect(Object.keys(card.totals)).toEqual(['flip', 'call-wall', 'put-wall', 'prev-flip', 'prev-call-wall', 'prev-put-wall']);
    // prev-flip: Mon 25 held (A's 101); Tue 26 C's 105 above the high 103, mirror 99 below the low 100.
    expect(card.totals['prev-flip']).toMatchObject({ sessions: 2, touched: 1, held: 1, mirrorTouched: 0 });
    expect(card.summary[3]).toMatch(/^2 sessions: the previous session's flip was touched on 1 and held on 1;/);
  });
});

describe('the sentence the counts can carry', () => {
  /** n sessions in a row from 2024-01-02, each with its own bar and a put wall placed to give the wanted outcome. */
  function sessions(kinds: ('held+mirror' | 'broke+mirror' | 'mirror only' | 'neither' | 'touched only')[]) {
    const levelSets: LevelSet[] = [];
    const bars: DailyBar[] = [];
    let date = '2024-01-02';
    for (const [index, kind] of kinds.entries()) {
      // Open 100 every day; the put wall at 99.5 is inside [L, H] when L <= 99.5, its mirror 100.5 when H >= 100.5.
      const shapes = {
        'held+mirror': [bar(date, 100, 101, 99, 100), 99.5],
        'broke+mirror': [bar(date, 100, 101, 98.5, 99), 99.5],
        'mirror only': [bar(date, 100, 102.5, 99, 101), 98],
        neither: [bar(date, 100, 101, 99, 100.5), 98],
        'touched only': [bar(date, 100, 100.2, 99, 99.8), 99.5],
      } as const;
      const [dayBar, putWall] = shapes[kind];
      bars.push(dayBar);
      levelSets.push(set(`chain ${index}`, newYorkToUtc(date, 8, 0), 100, null, null, putWall));
      date = new Date(Date.parse(`${date}T12:00:00Z`) + 86400000).toISOString().slice(0, 10);
      while ([0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay()) || ['2024-01-15', '2024-02-19'].includes(date))
        date = new Date(Date.parse(`${date}T12:00:00Z`) + 86400000).toISOString().slice(0, 10);
    }
    return buildScorecard({ levelSets, daily: bars, now: Date.UTC(2025, 0, 1) });
  }

  it("writes the issue's example from its counts: 24 sessions, touched on 9, held on 6, the mirror touched on 10", () => {
    const card = sessions([
      ...Array<'held+mirror'>(6).fill('held+mirror'),
      ...Array<'broke+mirror'>(3).fill('broke+mirror'),
      'mirror only',
      ...Array<'neither'>(14).fill('neither'),
    ]);
    expect(card.totals['put-wall']).toMatchObject({ sessions: 24, touched: 9, held: 6, broke: 3, mirrorTouched: 10 });
    expect(card.summary).toEqual([
      '24 sessions: the put wall was touched on 9 and held on 6; a level at the same distance on the other side of the open was touched on 10 — no edge shown yet',
    ]);
    expect(card.smallSample).toBeNull();
  });

  it('says a level was touched more often than its mirror only when the two 95% intervals stand apart', () => {
    // 30 of 40 touched against 5 of 40: Wilson [0.598, 0.858] against [0.055, 0.261].
    const apart = sessions([
      ...Array<'touched only'>(30).fill('touched only'),
      ...Array<'mirror only'>(5).fill('mirror only'),
      ...Array<'neither'>(5).fill('neither'),
    ]);
    expect(apart.totals['put-wall']).toMatchObject({ sessions: 40, touched: 30, mirrorTouched: 5 });
    expect(apart.summary[0]).toMatch(/touched more often than that level, beyond both 95% intervals$/);
    // 12 of 40 against 6 of 40: [0.181, 0.454] and [0.071, 0.291] overlap — no verdict.
    const close = sessions([
      ...Array<'touched only'>(12).fill('touched only'),
      ...Array<'mirror only'>(6).fill('mirror only'),
      ...Array<'neither'>(22).fill('neither'),
    ]);
    expect(close.summary[0]).toMatch(/— no edge shown yet$/);
    // 2 of 40 against 20 of 40: the other way.
    const less = sessions([
      ...Array<'touched only'>(2).fill('touched only'),
      ...Array<'mirror only'>(20).fill('mirror only'),
      ...Array<'neither'>(18).fill('neither'),
    ]);
    expect(less.summary[0]).toMatch(/touched less often than that level, beyond both 95% intervals$/);
  });

  it('says a level that was never touched was not touched', () => {
    expect(sessions(['neither', 'mirror only']).summary).toEqual([
      '2 sessions: the put wall was not touched; a level at the same distance on the other side of the open was touched on 1 — no edge shown yet',
    ]);
  });
});
