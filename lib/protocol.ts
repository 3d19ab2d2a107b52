/**
 * The one messaging protocol between the background and every other part (popup, options, content
 * scripts): each message's request rule, who may send it, and its reply type, together. Request types
 * are inferred from the rules, so a request shape is written once; the background validates every
 * request with these rules before any handler sees it (content scripts live within a page's reach).
 * API keys never appear in any reply. utils/messaging.ts binds this map to the browser.
 */
import type { Levels } from './gex/levels';
import type { LevelDiff } from './gex/level-diff';
import type { HeatmapGrid } from './gex/heatmap';
import type { ProfilePoint } from './gex/profile';
import type { IvShift } from './gex/iv-shift';
import type { Calibration } from './chart/mapping';
import { HIDEABLE, type Hideable } from './chart/levels';
import type { ProviderErrorKind, ProviderId } from './providers/types';
import type { HistoryEntry, PathPoint, PreviousLevels } from './gex/history';
import type { SessionRow } from './gex/day-over-day';
import type { AlertCheck, FiredAlert } from './alerts/alert-model';
import type { ChainRefusalCode } from './chain/gate';
import { PROVIDER_IDS } from './providers/registry';
import { checkSettingsPatch, type OverlaySettings, type Settings, type SettingsPatch } from './settings';

// ---- request rules ------------------------------------------------------------------------------

export class RequestError extends Error {}

/** A rule checks one value and returns it typed, or throws RequestError saying where and why. */
export type Rule<T> = (value: unknown, where: string) => T;

const fail = (where: string, message: string): never => {
  throw new RequestError(`${where} ${message}`);
};

const text =
  (max: number): Rule<string> =>
  (value, where) =>
    typeof value !== 'string' ? fail(where, 'must be text') : value.length > max ? fail(where, `is longer than ${max} characters`) : value;

const wholeNumber =
  (min: number, max: number): Rule<number> =>
  (value, where) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max
      ? (value as number)
      : fail(where, `must be a whole number from ${min} to ${max}`);

const yesNo: Rule<boolean> = (value, where) => (typeof value === 'boolean' ? value : fail(where, 'must be true or false'));

/** Marks a field as optional (absent or undefined). */
const optional = <T>(rule: Rule<T>): Rule<T | undefined> & { optional: true } =>
  Object.assign((value: unknown, where: string) => (value === undefined ? undefined : rule(value, where)), { optional: true as const });

type FieldRules = Record<string, Rule<unknown>>;
type Shape<R extends FieldRules> = { [K in keyof R as R[K] extends { optional: true } ? never : K]: ReturnType<R[K]> } & {
  [K in keyof R as R[K] extends { optional: true } ? K : never]?: Exclude<ReturnType<R[K]>, undefined>;
};

/** An object with exactly these fields: unknown fields and missing required ones are refused. */
function shape<R extends FieldRules>(fields: R): Rule<Shape<R>> {
  return (value, where) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(where, 'expected an object');
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) if (!Object.hasOwn(fields, key)) fail(where, `unknown field "${key}"`);
    const out: Record<string, unknown> = {};
    for (const [key, rule] of Object.entries(fields)) {
      const field = record[key];
      if (field === undefined && !('optional' in rule)) fail(where, `"${key}" is required`);
      const checked = rule(field, `${where} "${key}"`);
      if (checked !== undefined) out[key] = checked;
    }
    return out as Shape<R>;
  };
}

/** A list of at most `max` values, each checked by `rule`. */
const list =
  <T>(rule: Rule<T>, max: number): Rule<T[]> =>
  (value, where) =>
    !Array.isArray(value)
      ? fail(where, 'must be a list')
      : value.length > max
        ? fail(where, `has more than ${max} items`)
        : value.map((item, index) => rule(item, `${where}[${index}]`));

/** Charts one tab may ask about (a TradingView layout holds up to 8 or 16; more is a page probing). */
const MAX_CHARTS_PER_TAB = 16;

/** A message that takes no data. */
const nothing: Rule<undefined> = (value, where) =>
  value === undefined || value === null || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
    ? undefined
    : fail(where, 'takes no data');

/** A finite number within bounds. */
const numberIn =
  (min: number, max: number): Rule<number> =>
  (value, where) =>
    typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
      ? value
      : fail(where, `must be a number from ${min} to ${max}`);

/** One of the listed words. */
const oneOf =
  <T extends string>(...words: T[]): Rule<T> =>
  (value, where) =>
    words.includes(value as T) ? (value as T) : fail(where, `must be one of ${words.join(', ')}`);

const ticker = text(16);

const calibrationPoint = shape({ fraction: numberIn(0, 1), price: numberIn(1e-9, 1e9) });
/** The overlay's own state for the site it runs on (the sender's origin keys it: a page names no other). */
const siteStatePatch = shape({
  panel: optional(shape({ x: numberIn(-1e5, 1e5), y: numberIn(-1e5, 1e5), collapsed: yesNo, docked: optional(yesNo) })),
  hidden: optional(list(oneOf(...HIDEABLE), HIDEABLE.length)),
  calibration: optional((value, where) => {
    const checked = shape({ kind: oneOf('linear', 'log'), points: list(calibrationPoint, 2) })(value, where);
    if (checked.points.length !== 2) fail(where, 'needs two points');
    return checked as { kind: 'linear' | 'log'; points: [(typeof checked.points)[0], (typeof checked.points)[0]] };
  }),
});
const expiry = text(40);

/** A partial settings object, every field checked by the settings rules. */
const settingsPatch: Rule<SettingsPatch> = (value, where) => {
  try {
    return checkSettingsPatch(value);
  } catch (error) {
    return fail(where, (error as Error).message);
  }
};

export const REQUEST_RULES = {
  hello: shape({ client: text(64) }),
  getLevels: shape({ ticker: optional(ticker), expiry: optional(expiry) }),
  getHeatmap: shape({
    ticker: optional(ticker),
    expiry: optional(expiry),
    strikes: optional(wholeNumber(5, 101)),
    greek: optional(oneOf('gamma', 'delta', 'vanna', 'charm')),
  }),
  getProfile: shape({ ticker: optional(ticker), expiry: optional(expiry), points: optional(wholeNumber(2, 2001)) }),
  getHistory: shape({ ticker: optional(ticker) }),
  getStatus: nothing,
  getSettings: nothing,
  updateSettings: settingsPatch,
  setApiKeys: shape({ tradier: optional(text(200)), polygon: optional(text(200)) }),
  setTicker: shape({ ticker }),
  refresh: shape({ ticker: optional(ticker) }),
  importChain: shape({ text: text(64 * 1024 * 1024), name: text(260) }),
  acceptRefusedChain: shape({ ticker: optional(ticker), provider: optional(oneOf(...PROVIDER_IDS)) }),
  clearData: nothing,
  setSiteEnabled: shape({ pattern: text(300), enabled: yesNo, tabId: optional(wholeNumber(0, 2 ** 31)) }),
  subscribe: shape({ symbols: optional(list(text(64), MAX_CHARTS_PER_TAB)), follow: optional(yesNo) }),
  getStorageUsage: nothing,
  getSiteState: nothing,
  setSiteState: siteStatePatch,
  getSessionHistory: shape({ ticker: optional(ticker) }),
  getAlerts: shape({ ticker: optional(ticker) }),
  clearAlertLog: nothing,
} satisfies Record<string, Rule<unknown>>;

export type RequestName = keyof typeof REQUEST_RULES;
export type RequestOf<K extends RequestName> = ReturnType<(typeof REQUEST_RULES)[K]>;

/** Checks `data` against the rule of `name`; the result's type follows from the rule. */
export function validateRequest<K extends RequestName>(name: K, data: unknown): RequestOf<K> {
  return REQUEST_RULES[name](data, `${name}:`) as RequestOf<K>;
}

/**
 * Who may send each request. Content scripts run beside pages and may only ask about what their
 * chart shows; anything that changes settings, spends a paid quota or reads data wholesale is for
 * the extension's own pages.
 */
export const REQUEST_ACCESS: Record<RequestName, 'any' | 'extension-pages'> = {
  hello: 'any',
  getLevels: 'extension-pages',
  getHeatmap: 'extension-pages',
  getProfile: 'extension-pages',
  getHistory: 'extension-pages',
  getStatus: 'extension-pages',
  getSettings: 'extension-pages',
  updateSettings: 'extension-pages',
  setApiKeys: 'extension-pages',
  setTicker: 'extension-pages',
  refresh: 'any',
  importChain: 'extension-pages',
  acceptRefusedChain: 'extension-pages',
  clearData: 'extension-pages',
  setSiteEnabled: 'extension-pages',
  subscribe: 'any',
  getStorageUsage: 'extension-pages',
  getSiteState: 'any',
  setSiteState: 'any',
  getSessionHistory: 'extension-pages',
  getAlerts: 'extension-pages',
  clearAlertLog: 'extension-pages',
};

// ---- replies --------------------------------------------------------------------------------------

interface HelloReply {
  name: 'gexmap';
  version: string;
  /** UTC ms at the background when it answered. */
  now: number;
  /** UTC ms when this worker instance started (changes after the browser kills and restarts it). */
  startedAt: number;
  /** Where the request came from, as the background saw it. */
  from: 'content' | 'extension-page';
}

export interface SourceInfo {
  provider: ProviderId;
  /** What the UI prints next to the numbers, e.g. "CBOE delayed quotes" or the sample's label. */
  label: string;
  underlying: string;
  asOf: number;
  fetchedAt: number;
  delayed: boolean;
  sample: boolean;
  asOfInferred: boolean;
}

interface FeedError {
  kind: ProviderErrorKind;
  message: string;
  at: number;
}

export interface FeedStatus {
  key: string;
  provider: ProviderId;
  ticker: string;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  /** Consecutive failures since the last success. */
  failures: number;
  lastError: FeedError | null;
  nextDueAt: number | null;
  /** How long the last successful refresh took, fetch to levels stored (ms). */
  lastDurationMs?: number;
  /** UTC ms a chart, the popup or the schedule last asked for this feed (old feeds are evicted). */
  viewedAt?: number;
  /** The stored chain: its fingerprint (unchanged chains are not written again) and size. */
  chain?: { fingerprint: string; bytes: number };
  /** The last chain the gate refused, kept aside until the user accepts it or a good chain follows. */
  refused?: RefusedChain | null;
}

/**
 * A chain that did not replace the feed's last good levels, and why (lib/chain/gate.ts). The refresh
 * that refused it set the feed's `lastError` to `refused` with the same reason; this stays until the
 * user accepts the chain or a good one follows, whatever later refreshes say.
 */
export interface RefusedChain {
  /** The gate's code, or 'not-finite' when the levels computed from it were not all finite numbers. */
  code: ChainRefusalCode | 'not-finite';
  /** What was wrong and where, in words a trader reads. */
  reason: string;
  /** UTC ms of the refusal. */
  at: number;
  /** Where it came from, as the UI names the source ("Custom URL", "Imported file: spx.csv"). */
  label: string;
  /** The refused chain's underlying (as its contracts say), as-of, spot (or parity estimate) and size. */
  underlying: string;
  asOf: number;
  spot: number | null;
  contracts: number;
  /** Kept aside, so `acceptRefusedChain` can make it current (levels that are not finite cannot be). */
  acceptable: boolean;
  /** The kept chain in storage (one per feed), or null when it is not kept. */
  stored: { fingerprint: string; bytes: number } | null;
}

/** What the extension keeps, and its budget (shown in the options page). */
export interface StorageUsage {
  feeds: { key: string; ticker: string; provider: ProviderId; bytes: number; viewedAt: number | null }[];
  chainBytes: number;
  budgetBytes: number;
  historyTickers: string[];
}

/** What the analysis assumed, stated beside every number (the CLI prints the same object). */
export interface AssumptionsInfo {
  rate: number;
  dividendYield: number;
  signModel: string;
  expiryFilter: string;
}

export interface LevelsReply {
  ticker: string;
  expiryFilter: string;
  levels: Levels | null;
  source: SourceInfo | null;
  status: FeedStatus;
  /** True when the last refresh failed or the data is older than the schedule allows. */
  stale: boolean;
  /** UTC ms at which these levels turn stale by the clock (a live feed without a new chain), or null. */
  staleAfter: number | null;
  /** UTC ms from which the data is from a past session (an imported file, the sample), or null. */
  oldAfter: number | null;
  /** Change since the previous session's latest levels. */
  diff: LevelDiff | null;
  ivShift: IvShift | null;
  assumptions: AssumptionsInfo | null;
}

/** Stale now: as the background said when it answered, or by the clock since. */
export function isStaleNow(reply: Pick<LevelsReply, 'stale' | 'staleAfter'>, now: number): boolean {
  return reply.stale || (reply.staleAfter !== null && now >= reply.staleAfter);
}

export interface HeatmapReply {
  ticker: string;
  grid: HeatmapGrid | null;
  source: SourceInfo | null;
  status: FeedStatus;
  stale: boolean;
}

export interface ProfileReply {
  ticker: string;
  spot: number | null;
  points: ProfilePoint[];
  flip: number | null;
  flips: number[];
  byStrike: Levels['byStrike'];
  source: SourceInfo | null;
  status: FeedStatus;
}

/** Settings as extension pages see them: API keys are reduced to whether they are set. */
export interface PublicSettings extends Settings {
  keys: { tradier: boolean; polygon: boolean };
}

/** What one chart of a tab draws: its symbol mapped to an options underlying, and that one's levels. */
export interface ChartLevels {
  /** The chart's symbol as the page gave it, or null for a chart without one (it follows the popup). */
  symbol: string | null;
  /** The options underlying, or null when the symbol maps to none (`problem` says so). */
  ticker: string | null;
  /** Added to option-derived levels to place them on this chart (futures basis), in points. */
  basis: number;
  /** Where the basis comes from, when there is one ("basis +32.5 from the symbol rule for ES1!"). */
  basisNote: string | null;
  levels: LevelsReply | null;
  heatmap: HeatmapGrid | null;
  problem: string | null;
  /**
   * The previous stored session's latest flip and walls (all expiries, before the basis), drawn as faint
   * "prev" lines; null without a previous session, or when the levels are under another expiry filter.
   */
  previous: PreviousLevels | null;
}

/** Everything a tab draws, in one message: each chart's levels and heatmap, and the overlay settings. */
export interface OverlayPush {
  charts: ChartLevels[];
  overlay: OverlaySettings;
}

export interface Replies {
  hello: HelloReply;
  /** Levels for a ticker (default: the active one) and expiry filter (default: the setting). */
  getLevels: LevelsReply;
  getHeatmap: HeatmapReply;
  getProfile: ProfileReply;
  getHistory: HistoryEntry[];
  getStatus: FeedStatus[];
  getSettings: PublicSettings;
  /** A partial settings object; every field is validated. */
  updateSettings: PublicSettings;
  /** Empty text removes a key. */
  setApiKeys: PublicSettings;
  setTicker: LevelsReply;
  refresh: FeedStatus;
  /**
   * A CBOE JSON or CSV file's text; its underlying's 'file' feed becomes the active one. A chain the
   * gate refuses replaces nothing: the reply's status says why (`refused`) and it can be accepted.
   */
  importChain: LevelsReply;
  /**
   * Makes the chain refused for a feed (default: the active provider and ticker) its current one
   * anyway, as the user decided; answers the ticker's levels (from the active provider).
   */
  acceptRefusedChain: LevelsReply;
  /** Cached levels, history, statuses and chains (not settings, not keys). */
  clearData: void;
  /** Turns the overlay on or off for a site; `tabId` also injects it into that tab right away. */
  setSiteEnabled: PublicSettings;
  /**
   * Content scripts: this tab's charts show these symbols (as the page names them: "SP:SPX",
   * "CME_MINI:ES1!"); answers what to draw and subscribes the tab to pushes. `follow`: a chart without
   * a symbol of its own, which follows the popup's ticker.
   */
  subscribe: OverlayPush;
  getStorageUsage: StorageUsage;
  /** Content scripts: the overlay's state for the sender's own site (panel place, calibration). */
  getSiteState: SiteOverlayState;
  setSiteState: SiteOverlayState;
  /** A ticker's stored sessions as rows with day-over-day changes, and the latest session's path. */
  getSessionHistory: SessionHistoryReply;
  /** A ticker's alerts: on or off, the last check, and the log of fired alerts (every ticker, newest first). */
  getAlerts: AlertsReply;
  clearAlertLog: void;
}

export interface SessionHistoryReply {
  ticker: string;
  /** Oldest first. */
  rows: SessionRow[];
  /** The latest stored session's refreshes (spot and levels through the day), or null without history. */
  today: { session: string; path: PathPoint[] } | null;
}

export interface AlertsReply {
  ticker: string;
  on: boolean;
  /** The last price the triggers checked for this ticker, or null before the first. */
  lastCheck: AlertCheck | null;
  log: FiredAlert[];
}

/** The overlay's per-site state, kept by the background and keyed by the asking page's origin. */
export interface SiteOverlayState {
  panel?: { x: number; y: number; collapsed: boolean; docked?: boolean };
  /** Levels the trader hid from the panel on this site. */
  hidden?: Hideable[];
  calibration?: Calibration;
}

type Requests = { [K in RequestName]: (request: RequestOf<K>) => Replies[K] };

/** Background -> tabs. */
interface Pushes {
  overlayUpdated(push: OverlayPush): void;
}

export interface ProtocolMap extends Requests, Pushes {}

export type { HistoryEntry };
