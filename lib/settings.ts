/**
 * User settings: what the options page edits and the background obeys. Every field is validated on
 * every write (a patch from any page is checked field by field); defaults come from the tables they
 * describe (assumptions, level kinds, symbol rules, providers).
 */
import type { SignModel } from './gex/sign-model';
import {
  assumptionsFor,
  DEFAULT_RATES,
  DEFAULT_TRANSITION_BAND,
  type Assumptions,
  type RateSetting,
  type RateTable,
} from './gex/assumptions';
import { DEFAULT_SYMBOL_RULES, type SymbolRule } from './market/symbol-map';
import { DEFAULT_LINES, type LineChoice, DEFAULT_LINE_COLOURS, type LineColours } from './chart/levels';
import { PROVIDER_IDS } from './providers/registry';
import { checkAlertSettings, DEFAULT_ALERTS, type AlertSettings } from './alerts/alert-settings';
import type { ProviderId } from './providers/types';

export interface Settings {
  provider: ProviderId;
  /** The active ticker (options underlying). */
  ticker: string;
  favorites: string[];
  recents: string[];
  /** {ticker} is replaced; http(s) only. */
  customUrl: string;
  refreshMinutes: number;
  signModel: SignModel;
  /** Rate and dividend yield: a default and per-ticker overrides. */
  rates: RateTable;
  /** Half-width of the transition band around the flip, fraction of spot. */
  transitionBand: number;
  /** ATM IV move (absolute, decimal) that flags the levels as computed under another IV. */
  ivShiftThreshold: number;
  /** Expiry filter text (see lib/gex/expiry-filter). */
  expiryFilter: string;
  /** Chart symbol -> options underlying (+ futures basis), editable in the options page. */
  symbolRules: SymbolRule[];
  /** Which lines the overlay draws. */
  lines: LineChoice;
  /** Sites the user turned the overlay on for (origin match patterns, e.g. "https://example.com/*"). */
  enabledSites: string[];
  /** Line colours by level kind (#rrggbb). */
  lineColours: LineColours;
  /** Alerts when price meets a level: per ticker, which triggers, how near counts. */
  alerts: AlertSettings;
}

export type SettingsPatch = Partial<Settings>;

/** What an open chart draws with from the settings: pushed to it whenever any of these change. */
export interface OverlaySettings {
  lines: LineChoice;
  lineColours: LineColours;
}

export function overlaySettingsOf(settings: Settings): OverlaySettings {
  return { lines: settings.lines, lineColours: settings.lineColours };
}

/** The assumptions the user's settings make for a ticker. */
export function settingsAssumptions(settings: Settings, ticker: string): Assumptions {
  return assumptionsFor(ticker, { rates: settings.rates, signModel: settings.signModel, transitionBand: settings.transitionBand });
}

export const DEFAULT_SETTINGS: Settings = {
  provider: 'cboe',
  ticker: 'SPX',
  favorites: ['SPX', 'SPY', 'QQQ'],
  recents: [],
  customUrl: '',
  refreshMinutes: 5,
  signModel: { kind: 'classic' },
  rates: DEFAULT_RATES,
  transitionBand: DEFAULT_TRANSITION_BAND,
  ivShiftThreshold: 0.02,
  expiryFilter: 'all',
  symbolRules: DEFAULT_SYMBOL_RULES,
  lines: DEFAULT_LINES,
  enabledSites: [],
  lineColours: DEFAULT_LINE_COLOURS,
  alerts: DEFAULT_ALERTS,
};

/** An origin match pattern the popup may enable: scheme, host, "/*" — nothing broader. */
const SITE_PATTERN = /^https?:\/\/(?:\[[0-9a-f:]+\]|[a-z0-9.-]+)(?::\d+)?\/\*$/i;

const TICKER = /^[A-Z][A-Z0-9.]{0,9}$/;

/** Normalizes a ticker as typed (" spx ", "^SPX", "$spx") or returns null when it cannot be one. */
export function normalizeTicker(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const ticker = text
    .trim()
    .toUpperCase()
    .replace(/^[\^$_]/, '');
  return TICKER.test(ticker) ? ticker : null;
}

export class SettingsError extends Error {}

function check(condition: boolean, message: string): void {
  if (!condition) throw new SettingsError(message);
}

function finiteIn(value: unknown, low: number, high: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= low && value <= high;
}

function checkRate(value: unknown, where: string): RateSetting {
  check(typeof value === 'object' && value !== null, `${where} must be {rate, dividend}`);
  const { rate, dividend } = value as Record<string, unknown>;
  check(finiteIn(rate, -0.05, 0.5), `${where}.rate must be a decimal between -0.05 and 0.5`);
  check(finiteIn(dividend, 0, 0.5), `${where}.dividend must be a decimal between 0 and 0.5`);
  return { rate: rate as number, dividend: dividend as number };
}

function checkTickers(value: unknown, where: string, max: number): string[] {
  check(Array.isArray(value) && value.length <= max, `${where} must be a list of at most ${max} tickers`);
  return [
    ...new Set(
      (value as unknown[]).map((item) => {
        const ticker = normalizeTicker(item);
        check(ticker !== null, `${where} has an invalid ticker ${JSON.stringify(item)}`);
        return ticker as string;
      }),
    ),
  ];
}

/** Checks a partial update field by field; throws SettingsError naming the first bad field. Unknown fields are errors. */
export function checkSettingsPatch(patch: unknown): SettingsPatch {
  check(typeof patch === 'object' && patch !== null && !Array.isArray(patch), 'settings update must be an object');
  const next: SettingsPatch = {};
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    switch (key) {
      case 'provider':
        check(PROVIDER_IDS.includes(value as ProviderId), `provider must be one of ${PROVIDER_IDS.join(', ')}`);
        next.provider = value as ProviderId;
        break;
      case 'ticker': {
        const ticker = normalizeTicker(value);
        check(ticker !== null, `ticker ${JSON.stringify(value)} is not a ticker (letters, digits, dots; up to 10)`);
        next.ticker = ticker as string;
        break;
      }
      case 'favorites':
        next.favorites = checkTickers(value, 'favorites', 20);
        break;
      case 'recents':
        next.recents = checkTickers(value, 'recents', 10);
        break;
      case 'customUrl':
        check(typeof value === 'string' && value.length <= 2000, 'customUrl must be text');
        if (value !== '') {
          let url: URL | null = null;
          try {
            url = new URL((value as string).replace(/\{ticker\}/gi, 'SPX'));
          } catch {
            /* reported below */
          }
          check(
            url !== null && (url.protocol === 'https:' || url.protocol === 'http:'),
            `customUrl "${value as string}" is not an http(s) URL`,
          );
        }
        next.customUrl = value as string;
        break;
      case 'refreshMinutes':
        check(
          Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 240,
          'refreshMinutes must be a whole number from 1 to 240',
        );
        next.refreshMinutes = value as number;
        break;
      case 'signModel': {
        const model = value as SignModel;
        check(
          typeof model === 'object' &&
            model !== null &&
            (model.kind === 'classic' ||
              model.kind === 'short-all' ||
              (model.kind === 'custom' && finiteIn(model.call, -1, 1) && finiteIn(model.put, -1, 1))),
          'signModel must be {kind: "classic"}, {kind: "short-all"} or {kind: "custom", call, put} with signs in [-1, 1]',
        );
        next.signModel = model.kind === 'custom' ? { kind: 'custom', call: model.call, put: model.put } : { kind: model.kind };
        break;
      }
      case 'rates': {
        check(typeof value === 'object' && value !== null, 'rates must be {default, perTicker}');
        const rates = value as Record<string, unknown>;
        const perTicker: Record<string, RateSetting> = {};
        check(typeof rates.perTicker === 'object' && rates.perTicker !== null, 'rates.perTicker must be an object');
        for (const [ticker, rate] of Object.entries(rates.perTicker as Record<string, unknown>)) {
          const normalized = normalizeTicker(ticker);
          check(normalized !== null, `rates.perTicker has an invalid ticker ${JSON.stringify(ticker)}`);
          perTicker[normalized as string] = checkRate(rate, `rates.perTicker.${ticker}`);
        }
        next.rates = { default: checkRate(rates.default, 'rates.default'), perTicker };
        break;
      }
      case 'transitionBand':
        check(finiteIn(value, 0, 0.05), 'transitionBand must be a fraction of spot from 0 to 0.05');
        next.transitionBand = value as number;
        break;
      case 'ivShiftThreshold':
        check(finiteIn(value, 0.001, 1), 'ivShiftThreshold must be a decimal from 0.001 to 1');
        next.ivShiftThreshold = value as number;
        break;
      case 'expiryFilter':
        check(typeof value === 'string' && value.length <= 40, 'expiryFilter must be text');
        next.expiryFilter = value as string;
        break;
      case 'symbolRules': {
        check(Array.isArray(value) && value.length <= 100, 'symbolRules must be a list of at most 100 rules');
        next.symbolRules = (value as unknown[]).map((rule, index) => {
          const { chart, underlying, basis } = (rule ?? {}) as Record<string, unknown>;
          check(
            typeof chart === 'string' && /^[\w:.!&^$-]{1,40}$/.test(chart),
            `symbolRules[${index}].chart must be a chart symbol such as ES1! or CME_MINI:ES1!`,
          );
          const ticker = normalizeTicker(underlying);
          check(ticker !== null, `symbolRules[${index}].underlying must be a ticker`);
          check(
            basis === null || finiteIn(basis, -100000, 100000),
            `symbolRules[${index}].basis must be a number of points, or null for the forwards'`,
          );
          return { chart: (chart as string).toUpperCase(), underlying: ticker as string, basis: basis as number | null };
        });
        break;
      }
      case 'lines': {
        const lines = value as Record<string, unknown>;
        check(typeof lines === 'object' && lines !== null, 'lines must be an object');
        for (const name of ['flip', 'callWall', 'putWall', 'absGamma', 'flipBand', 'previous'] as const)
          check(typeof lines[name] === 'boolean', `lines.${name} must be true or false`);
        check(
          Number.isInteger(lines.nodes) && (lines.nodes as number) >= 0 && (lines.nodes as number) <= 10,
          'lines.nodes must be a whole number from 0 to 10',
        );
        next.lines = {
          flip: lines.flip as boolean,
          callWall: lines.callWall as boolean,
          putWall: lines.putWall as boolean,
          absGamma: lines.absGamma as boolean,
          nodes: lines.nodes as number,
          flipBand: lines.flipBand as boolean,
          previous: lines.previous as boolean,
        };
        break;
      }
      case 'lineColours': {
        const colours = value as Record<string, unknown>;
        check(typeof colours === 'object' && colours !== null, 'lineColours must be an object');
        for (const name of Object.keys(DEFAULT_LINE_COLOURS)) {
          check(
            typeof colours[name] === 'string' && /^#[0-9a-f]{6}$/i.test(colours[name]),
            `lineColours.${name} must be a colour like #26a69a`,
          );
        }
        next.lineColours = Object.fromEntries(
          Object.keys(DEFAULT_LINE_COLOURS).map((name) => [name, (colours[name] as string).toLowerCase()]),
        ) as unknown as LineColours;
        break;
      }
      case 'enabledSites':
        check(
          Array.isArray(value) &&
            value.length <= 200 &&
            (value as unknown[]).every((site) => typeof site === 'string' && SITE_PATTERN.test(site)),
          'enabledSites must be a list of origin patterns like "https://example.com/*"',
        );
        next.enabledSites = [...new Set(value as string[])];
        break;
      case 'alerts': {
        const alerts = checkAlertSettings(value, normalizeTicker);
        check(typeof alerts !== 'string', alerts as string);
        next.alerts = alerts as AlertSettings;
        break;
      }
      default:
        throw new SettingsError(`unknown setting "${key}"`);
    }
  }
  return next;
}

/** A validated patch applied to the current settings. */
export function applySettingsPatch(current: Settings, patch: unknown): Settings {
  return { ...structuredClone(current), ...checkSettingsPatch(patch) };
}
