/**
 * What the user asks to be alerted about: per ticker on or off, which triggers, and how close or how
 * far counts. Distances are fractions of the price (0.0025 = 0.25%), so one setting fits SPX and SPY.
 */

export interface AlertTriggers {
  /** Price moves to the other side of the gamma flip. */
  flipCross: boolean;
  /** Price comes within `wallDistance` of the call wall or the put wall. */
  wallNear: boolean;
  /** Dealer gamma at price turns from positive to negative or back. */
  regimeChange: boolean;
  /** The flip or a wall moves more than `levelMove` since the session's first levels. */
  levelMove: boolean;
}

export interface AlertSettings {
  /** Tickers alerts are on for (off for every other). */
  tickers: string[];
  triggers: AlertTriggers;
  /** How near a wall counts as at it, fraction of price. */
  wallDistance: number;
  /** How far a level must move from the session's first levels, fraction of price. */
  levelMove: number;
  /**
   * How far past a line price must go before it counts as on the other side (or away from a wall), fraction
   * of price: a price hovering at a level does not fire again and again.
   */
  hysteresis: number;
  /** After an alert, the same alert of the same ticker waits this long before it fires again. */
  quietMinutes: number;
}

/**
 * Defaults, and why: 0.25% is about 12 SPX points, a wall "in reach" within a 5-minute bar; a 0.5% level
 * move is two SPX strikes of 25 apart (a wall that jumped one strike is noise, two is news); 0.1% of
 * hysteresis is wider than the 15-minute delayed quote's typical tick noise between refreshes and far
 * narrower than any move worth an alert; 15 minutes of quiet is three refreshes of the default schedule.
 */
export const DEFAULT_ALERTS: AlertSettings = {
  tickers: [],
  triggers: { flipCross: true, wallNear: true, regimeChange: true, levelMove: true },
  wallDistance: 0.0025,
  levelMove: 0.005,
  hysteresis: 0.001,
  quietMinutes: 15,
};

const MAX_ALERT_TICKERS = 20;

const inRange = (value: unknown, low: number, high: number): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= low && value <= high;

/**
 * Checks a whole alerts object; returns it clean, or a sentence saying what is wrong. `normalizeTicker`
 * comes from the settings (which own what a ticker is).
 */
export function checkAlertSettings(value: unknown, normalizeTicker: (text: unknown) => string | null): AlertSettings | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'alerts must be an object';
  const alerts = value as Record<string, unknown>;
  for (const key of Object.keys(alerts)) if (!(key in DEFAULT_ALERTS)) return `alerts has an unknown field "${key}"`;
  if (!Array.isArray(alerts.tickers) || alerts.tickers.length > MAX_ALERT_TICKERS)
    return `alerts.tickers must be a list of at most ${MAX_ALERT_TICKERS} tickers`;
  const tickers: string[] = [];
  for (const item of alerts.tickers as unknown[]) {
    const ticker = normalizeTicker(item);
    if (ticker === null) return `alerts.tickers has an invalid ticker ${JSON.stringify(item)}`;
    if (!tickers.includes(ticker)) tickers.push(ticker);
  }
  const triggers = alerts.triggers as Record<string, unknown> | null;
  if (typeof triggers !== 'object' || triggers === null) return 'alerts.triggers must be an object';
  const names = Object.keys(DEFAULT_ALERTS.triggers) as (keyof AlertTriggers)[];
  for (const key of Object.keys(triggers))
    if (!names.includes(key as keyof AlertTriggers)) return `alerts.triggers has an unknown trigger "${key}"`;
  for (const name of names) if (typeof triggers[name] !== 'boolean') return `alerts.triggers.${name} must be true or false`;
  if (!inRange(alerts.wallDistance, 0.0001, 0.05))
    return 'alerts.wallDistance must be a fraction of price from 0.0001 to 0.05 (0.01% to 5%)';
  if (!inRange(alerts.levelMove, 0.0001, 0.2)) return 'alerts.levelMove must be a fraction of price from 0.0001 to 0.2 (0.01% to 20%)';
  if (!inRange(alerts.hysteresis, 0, 0.02)) return 'alerts.hysteresis must be a fraction of price from 0 to 0.02 (0% to 2%)';
  if (!Number.isInteger(alerts.quietMinutes) || !inRange(alerts.quietMinutes, 0, 1440))
    return 'alerts.quietMinutes must be a whole number of minutes from 0 to 1440';
  return {
    tickers,
    triggers: Object.fromEntries(names.map((name) => [name, triggers[name] as boolean])) as unknown as AlertTriggers,
    wallDistance: alerts.wallDistance,
    levelMove: alerts.levelMove,
    hysteresis: alerts.hysteresis,
    quietMinutes: alerts.quietMinutes,
  };
}
