/**
 * The triggers on hand-made price paths: a flip crossing fires once (with the regime it turns) and a
 * price hovering at the flip fires nothing more; walls, level moves, a regime turn without a crossing;
 * each alert says its price's source and age.
 */
import { describe, expect, it } from 'vitest';
import { evaluateAlerts } from '../../../lib/alerts/triggers';
import type { AlertInput, AlertLevels, AlertState, FiredAlert, SessionStart } from '../../../lib/alerts/alert-model';
import { DEFAULT_ALERTS, type AlertSettings } from '../../../lib/alerts/alert-settings';

const MINUTE = 60000;
/** Mon Jan 8, 2024 10:00 AM EST. */
const T0 = Date.parse('2024-01-08T15:00:00Z');
const DELAY = 15 * MINUTE;
const LEVELS: AlertLevels = { flip: 4724.7, callWall: 4800, putWall: 4700, regime: 'negative' };
const START: SessionStart = { asOf: Date.parse('2024-01-08T14:35:00Z'), flip: 4724.7, callWall: 4800, putWall: 4700 };

interface Step {
  minute: number;
  price: number;
  levels?: Partial<AlertLevels>;
  session?: string;
  start?: SessionStart | null;
  settings?: Partial<AlertSettings>;
}

/** Runs checks in order from one state; returns every check's alerts and the final state. */
function run(steps: Step[], initial: AlertState | null = null): { fired: FiredAlert[][]; state: AlertState | null } {
  let state = initial;
  const fired: FiredAlert[][] = [];
  for (const step of steps) {
    const now = T0 + step.minute * MINUTE;
    const input: AlertInput = {
      ticker: 'SPX',
      session: step.session ?? '2024-01-08',
      observation: { price: step.price, asOf: now - DELAY, source: 'provider', label: 'CBOE delayed quotes (~15 min)' },
      levels: { ...LEVELS, ...step.levels },
      sessionStart: step.start === undefined ? START : step.start,
      settings: { ...DEFAULT_ALERTS, tickers: ['SPX'], ...step.settings },
      now,
    };
    const result = evaluateAlerts(state, input);
    state = result.state;
    fired.push(result.fired);
  }
  return { fired, state };
}

const triggers = (fired: FiredAlert[][]) => fired.map((alerts) => alerts.map((alert) => alert.trigger));

describe('price crosses the gamma flip', () => {
  it('fires once when price crosses, saying the regime it turned; a hovering price fires nothing more', () => {
    const { fired } = run([
      { minute: 0, price: 4710 },
      { minute: 5, price: 4740, levels: { regime: 'positive' } },
      { minute: 10, price: 4740, levels: { regime: 'positive' } },
      // 2.7 below the flip: within the hysteresis band (0.1% of 4722 = 4.72), still above.
      { minute: 20, price: 4722, levels: { regime: 'transition' } },
      { minute: 25, price: 4726, levels: { regime: 'transition' } },
      { minute: 30, price: 4721, levels: { regime: 'transition' } },
      // 9.7 below: clearly below, the quiet period (15 min from minute 5) is over.
      { minute: 35, price: 4715, levels: { regime: 'negative' } },
    ]);
    expect(triggers(fired)).toEqual([[], ['flip-cross'], [], [], [], [], ['flip-cross']]);
    const up = fired[1][0];
    expect(up).toMatchObject({
      ticker: 'SPX',
      kind: 'flip-cross',
      level: 'flip',
      levelPrice: 4724.7,
      price: 4740,
      title: 'SPX above the gamma flip',
    });
    expect(up.message).toBe(
      'SPX at 4,740.00 is now above the gamma flip 4,724.7 (it was below). The regime is now positive gamma (dealers damp moves). Price: CBOE delayed quotes (~15 min), as of 9:50 AM EST (15m ago).',
    );
    expect(up.source).toEqual({ kind: 'provider', label: 'CBOE delayed quotes (~15 min)', asOf: T0 + 5 * MINUTE - DELAY, delayMs: DELAY });
    expect(fired[6][0].title).toBe('SPX below the gamma flip');
  });

  it('a crossing back within the quiet period waits for its end, and fires only if price is still there', () => {
    const { fired } = run([
      { minute: 0, price: 4710 },
      { minute: 5, price: 4740 },
      // 12.7 below the flip, 12 above the put wall (just beyond its 0.25%: no wall alert here).
      { minute: 10, price: 4712 },
      { minute: 15, price: 4712 },
      { minute: 20, price: 4712 },
    ]);
    expect(triggers(fired)).toEqual([[], ['flip-cross'], [], [], ['flip-cross']]);
    expect(fired[4][0].message).toContain('is now below the gamma flip 4,724.7 (it was above)');
  });

  it('with the trigger off nothing fires, and turning it on later does not fire on the old crossing', () => {
    const off = { triggers: { ...DEFAULT_ALERTS.triggers, flipCross: false, regimeChange: false } };
    const { fired, state } = run([
      { minute: 0, price: 4710, settings: off },
      { minute: 5, price: 4740, settings: off },
    ]);
    expect(triggers(fired)).toEqual([[], []]);
    expect(triggers(run([{ minute: 10, price: 4740 }], state).fired)).toEqual([[]]);
  });
});

describe('price near a wall', () => {
  it('fires on coming within the distance (0.25% of price), once, and again only after leaving beyond the band', () => {
    const { fired } = run([
      { minute: 0, price: 4780 },
      // 10 below the call wall: within 0.25% of 4790 (11.975).
      { minute: 5, price: 4790 },
      { minute: 10, price: 4786 },
      // 16 below: within distance + band (11.96 + 4.78), still near.
      { minute: 15, price: 4784 },
      { minute: 25, price: 4760 },
      { minute: 45, price: 4795 },
    ]);
    expect(triggers(fired)).toEqual([[], ['near:call-wall'], [], [], [], ['near:call-wall']]);
    expect(fired[1][0].message).toBe(
      'SPX at 4,790.00 is 10.0 below the call wall 4,800 (0.21%). Price: CBOE delayed quotes (~15 min), as of 9:50 AM EST (15m ago).',
    );
    expect(fired[1][0]).toMatchObject({ kind: 'wall-near', level: 'callWall', levelPrice: 4800, title: 'SPX near the call wall' });
  });

  it('both walls on one strike: one alert naming both', () => {
    const { fired } = run([
      { minute: 0, price: 4760, levels: { putWall: 4800 } },
      { minute: 5, price: 4790, levels: { putWall: 4800 } },
      // Leaving and coming back after the quiet period: again one alert.
      { minute: 10, price: 4760, levels: { putWall: 4800 } },
      { minute: 30, price: 4795, levels: { putWall: 4800 } },
    ]);
    expect(triggers(fired)).toEqual([[], ['near:call-wall'], [], ['near:call-wall']]);
    expect(fired[1][0]).toMatchObject({ title: 'SPX near the call and put walls' });
    expect(fired[1][0].message).toMatch(/^SPX at 4,790\.00 is 10\.0 below the call and put walls 4,800 \(0\.21%\)\./);
  });
});

describe('a level moves since the session began', () => {
  it("fires when a wall moves beyond 0.5% of price from the session's first levels, once a session", () => {
    const { fired, state } = run([
      { minute: 0, price: 4760 },
      // The call wall moved a strike (25): 0.5% of 4760 is 23.8 — it counts.
      { minute: 5, price: 4760, levels: { callWall: 4825 } },
      { minute: 10, price: 4760, levels: { callWall: 4850 } },
    ]);
    expect(triggers(fired)).toEqual([[], ['move:call-wall'], []]);
    expect(fired[1][0].message).toBe(
      "The SPX call wall moved from 4,800.0 to 4,825.0 (+25.0) since the session's first levels (9:35 AM EST); price 4,760.00. Price: CBOE delayed quotes (~15 min), as of 9:50 AM EST (15m ago).",
    );
    // The next session measures from its own first levels: the same wall is no news there.
    const next = run(
      [{ minute: 1440, price: 4760, levels: { callWall: 4850 }, session: '2024-01-09', start: { ...START, callWall: 4850 } }],
      state,
    );
    expect(triggers(next.fired)).toEqual([[]]);
  });

  it('without first levels for the session, no level can be said to have moved', () => {
    expect(
      triggers(
        run([
          { minute: 0, price: 4760, start: null },
          { minute: 5, price: 4760, levels: { callWall: 4900 }, start: null },
        ]).fired,
      ),
    ).toEqual([[], []]);
  });
});

describe('the regime turns', () => {
  it('fires alone when there is no flip to cross (the flip moved away), and ignores transition', () => {
    const { fired } = run([
      { minute: 0, price: 4760, levels: { flip: null, regime: 'positive' } },
      { minute: 5, price: 4760, levels: { flip: null, regime: 'transition' } },
      { minute: 10, price: 4760, levels: { flip: null, regime: 'negative' } },
    ]);
    expect(triggers(fired)).toEqual([[], [], ['regime']]);
    expect(fired[2][0]).toMatchObject({ kind: 'regime', title: 'SPX regime: negative gamma' });
  });
});

describe('prices out of order', () => {
  it('a price older than the last one checked is ignored', () => {
    const first = run([{ minute: 10, price: 4710 }]);
    const state = first.state!;
    const stale = evaluateAlerts(state, {
      ticker: 'SPX',
      session: '2024-01-08',
      observation: { price: 4760, asOf: state.lastCheck!.asOf - MINUTE, source: 'provider', label: 'x' },
      levels: LEVELS,
      sessionStart: START,
      settings: DEFAULT_ALERTS,
      now: T0 + 11 * MINUTE,
    });
    expect(stale).toEqual({ state, fired: [] });
  });
});
