/**
 * What the alert triggers speak of: the price checked, the levels it is checked against, what a ticker's
 * triggers remember between checks, and a fired alert. Types only, shared by the triggers and their text.
 */
import type { Regime } from '../gex/levels';
import type { AlertSettings } from './alert-settings';
import type { TriggerMemory } from './quiet-period';

export type TriggerKey = 'flip-cross' | 'regime' | 'near:call-wall' | 'near:put-wall' | 'move:flip' | 'move:call-wall' | 'move:put-wall';
export type AlertKind = 'flip-cross' | 'regime' | 'wall-near' | 'level-move';
export type AlertLevel = 'flip' | 'callWall' | 'putWall';

/** A price to check the levels against, with where it came from. */
export interface PriceObservation {
  price: number;
  /** UTC ms the price is as of. */
  asOf: number;
  /** The provider's spot at a refresh, or the chart's own last price. */
  source: 'provider' | 'chart';
  /** The source in words, e.g. "CBOE delayed quotes (~15 min)". */
  label: string;
}

/** The levels the price is checked against (the latest, all expiries). */
export interface AlertLevels {
  flip: number | null;
  callWall: number | null;
  putWall: number | null;
  regime: Regime;
}

/** The session's first levels: where level moves are measured from. */
export interface SessionStart {
  asOf: number;
  flip: number | null;
  callWall: number | null;
  putWall: number | null;
}

export interface AlertCheck {
  /** UTC ms of the check. */
  at: number;
  price: number;
  asOf: number;
  source: PriceObservation['source'];
  label: string;
}

/** What the triggers remember for one ticker between checks (stored per ticker). */
export interface AlertState {
  /** The session the level-move triggers measure from. */
  session: string | null;
  memory: Partial<Record<TriggerKey, TriggerMemory>>;
  lastCheck: AlertCheck | null;
}

export interface FiredAlert {
  /** Unique: ticker, trigger and time. */
  id: string;
  ticker: string;
  trigger: TriggerKey;
  kind: AlertKind;
  /** The level concerned, and its price (null for a regime change). */
  level: AlertLevel | null;
  levelPrice: number | null;
  /** Short: the notification's title. */
  title: string;
  /** The whole sentence, with the price's source and age. */
  message: string;
  price: number;
  source: { kind: PriceObservation['source']; label: string; asOf: number; delayMs: number };
  session: string;
  /** UTC ms. */
  firedAt: number;
  /** Shown as a system notification (false: notifications are not allowed; the log has it). */
  notified?: boolean;
}

export interface AlertInput {
  ticker: string;
  /** The session the levels belong to (YYYY-MM-DD). */
  session: string;
  observation: PriceObservation;
  levels: AlertLevels;
  sessionStart: SessionStart | null;
  settings: AlertSettings;
  now: number;
}
