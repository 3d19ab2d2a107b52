/**
 * The alert triggers, checked at each new price: price crosses the gamma flip, price comes near a wall,
 * the regime turns, a level moves away from where the session started. Pure: the state in, the state
 * and the alerts to fire out. Each trigger goes through hysteresis (no flicker on a price hovering at a
 * line) and its own quiet period (lib/alerts/quiet-period.ts); the first check only reads the state.
 */
import type { Regime } from '../gex/levels';
import type { TriggerKey, AlertKind, AlertLevel, AlertState, FiredAlert, AlertInput } from './alert-model';
import { movedBeyond, sideOfLevel, withinDistance, type Side } from './hysteresis';
import { advance } from './quiet-period';
import { describeAlert } from './alert-text';

const WALLS: [TriggerKey, AlertLevel][] = [
  ['near:call-wall', 'callWall'],
  ['near:put-wall', 'putWall'],
];
const MOVES: [TriggerKey, AlertLevel][] = [
  ['move:flip', 'flip'],
  ['move:call-wall', 'callWall'],
  ['move:put-wall', 'putWall'],
];

const always = () => true;
const becomes = (state: string) => (_from: string, to: string) => to === state;

/** A regime with a side: transition and flat keep whichever side was last seen. */
const sidedRegime = (regime: Regime): 'positive' | 'negative' | null => (regime === 'positive' || regime === 'negative' ? regime : null);

function emptyAlertState(): AlertState {
  return { session: null, memory: {}, lastCheck: null };
}

/**
 * Checks one price against the levels. A price older than the last one checked is ignored (the
 * freshest price wins when the chart's and the provider's interleave).
 */
export function evaluateAlerts(previous: AlertState | null, input: AlertInput): { state: AlertState; fired: FiredAlert[] } {
  const state = previous ?? emptyAlertState();
  const { observation, levels, settings, now } = input;
  const price = observation.price;
  if (!(price > 0) || (state.lastCheck && observation.asOf < state.lastCheck.asOf)) return { state, fired: [] };
  const band = settings.hysteresis * price;
  const quietMs = settings.quietMinutes * 60000;
  const memory: AlertState['memory'] = { ...state.memory };
  // A new session measures level moves from its own first levels.
  if (state.session !== input.session) for (const [key] of MOVES) delete memory[key];
  const fired: { key: TriggerKey; from: string; to: string; level: AlertLevel | null; levelPrice: number | null }[] = [];
  const check = (
    key: TriggerKey,
    value: string | null,
    announces: (from: string, to: string) => boolean,
    enabled: boolean,
    level: AlertLevel | null,
    levelPrice: number | null,
  ) => {
    const step = advance(memory[key], value, now, quietMs, announces, enabled);
    if (step.memory) memory[key] = step.memory;
    if (step.fired) fired.push({ key, ...step.fired, level, levelPrice });
  };

  const flipSide =
    levels.flip === null ? null : sideOfLevel(price, levels.flip, band, (memory['flip-cross']?.value as Side | undefined) ?? null);
  check('flip-cross', flipSide, always, settings.triggers.flipCross, 'flip', levels.flip);
  check('regime', sidedRegime(levels.regime), always, settings.triggers.regimeChange, null, null);
  for (const [key, level] of WALLS) {
    const wall = levels[level];
    const near =
      wall === null
        ? null
        : withinDistance(price, wall, settings.wallDistance * price, band, memory[key]?.value === 'near')
          ? 'near'
          : 'away';
    check(key, near, becomes('near'), settings.triggers.wallNear, level, wall);
  }
  for (const [key, level] of MOVES) {
    const start = input.sessionStart?.[level] ?? null;
    const current = levels[level];
    const moved =
      start === null || current === null
        ? null
        : movedBeyond(current - start, settings.levelMove * price, band, memory[key]?.value === 'moved')
          ? 'moved'
          : 'steady';
    check(key, moved, becomes('moved'), settings.triggers.levelMove, level, current);
  }

  // Price crossing the flip turns the regime with it: one alert says both. Both walls on one strike
  // (common on 0DTE-heavy days): one alert for the strike.
  const flipFired = fired.some((alert) => alert.key === 'flip-cross');
  const regimeTurn = fired.find((alert) => alert.key === 'regime');
  const sameStrikeWalls = levels.callWall !== null && levels.callWall === levels.putWall;
  const callWallNear = fired.some((alert) => alert.key === 'near:call-wall');
  const alerts = fired
    .filter((alert) => !(flipFired && alert.key === 'regime') && !(sameStrikeWalls && callWallNear && alert.key === 'near:put-wall'))
    .map((alert): FiredAlert => {
      const text = describeAlert({
        ticker: input.ticker,
        trigger: alert.key,
        from: alert.from,
        to: alert.to,
        price,
        levels,
        levelPrice: alert.levelPrice,
        sessionStart: input.sessionStart,
        regimeTurn: alert.key === 'flip-cross' && regimeTurn ? (regimeTurn.to as 'positive' | 'negative') : null,
        bothWalls: sameStrikeWalls && alert.key.startsWith('near:'),
        observation,
        now,
      });
      return {
        id: `${input.ticker}:${alert.key}:${now}`,
        ticker: input.ticker,
        trigger: alert.key,
        kind: kindOf(alert.key),
        level: alert.level,
        levelPrice: alert.levelPrice,
        title: text.title,
        message: text.message,
        price,
        source: {
          kind: observation.source,
          label: observation.label,
          asOf: observation.asOf,
          delayMs: Math.max(0, now - observation.asOf),
        },
        session: input.session,
        firedAt: now,
      };
    });
  return {
    state: {
      session: input.session,
      memory,
      lastCheck: { at: now, price, asOf: observation.asOf, source: observation.source, label: observation.label },
    },
    fired: alerts,
  };
}

function kindOf(key: TriggerKey): AlertKind {
  if (key === 'flip-cross' || key === 'regime') return key;
  return key.startsWith('near:') ? 'wall-near' : 'level-move';
}
