/**
 * The background's brain: fetches chains through the configured provider, computes levels, keeps the
 * last good ones per (provider, ticker), schedules refreshes, records history, and answers every
 * question the popup, options page and overlays ask. All state lives in storage (an MV3 worker can be
 * killed at any moment); memory holds only caches and in-flight requests.
 */
import type { ChainSnapshot } from '../chain/model';
import { heatmapGrid } from '../gex/heatmap';
import { profilePoints } from '../gex/profile';
import { parseExpiryFilter, type ExpiryFilter } from '../gex/expiry-filter';
import { atmIv } from '../gex/atm-iv';
import { EngineInputError, prepareChain } from '../gex/prepared-chain';
import { levelsOfPreparedChain, type Levels } from '../gex/levels';
import { isMarketOpen, lastClosedSession, currentOrNextSession } from '../market/sessions';
import { fetchCboe } from '../providers/cboe';
import { fetchCustomUrl, importChainText } from '../providers/custom-url';
import { fetchPolygon } from '../providers/polygon';
import { fetchTradier } from '../providers/tradier';
import { slidingWindowLimiter, type RateLimiter } from '../providers/rate-limiter';
import { SAMPLE_SNAPSHOT } from '../providers/sample';
import type { FetchLike, ProviderError, ProviderId, ProviderResult } from '../providers/types';
import { parseChainText } from '../chain/parse';
import { ChainFormatError } from '../chain/errors';
import { diffAgainstPrevious, ivShiftSinceSessionStart, recordSession, summarize } from './history';
import type { FeedStatus, HeatmapReply, LevelsReply, ProfileReply, PublicSettings, SourceInfo } from './protocol';
import { applySettingsPatch, normalizeTicker, rateFor, type Settings } from './settings';
import { backoffDelay, nextRegularRefresh } from './schedule';
import type { ApiKeys, CachedLevels, ServiceStorage } from './storage-port';

export interface ServiceDeps {
  storage: ServiceStorage;
  fetch: FetchLike;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** The bundled sample's CSV text. */
  loadSample: () => Promise<string>;
  /** Sets the single refresh alarm. */
  scheduleAlarm: (when: number) => Promise<void>;
  /** Pushes fresh levels to the tabs showing this ticker. */
  broadcast: (reply: LevelsReply) => Promise<void>;
  /** Base URLs, overridable for tests. */
  urls?: { cboe?: string; tradier?: string; polygon?: string };
  timeoutMs?: number;
}

export class ServiceError extends Error {}

const PROFILE_POINTS = 201;
/** Chrome refuses alarms sooner than 30 s in packed extensions. */
const MIN_ALARM_DELAY_MS = 30000;
const PROVIDER_LABELS: Record<ProviderId, string> = {
  cboe: 'CBOE delayed quotes (~15 min)',
  tradier: 'Tradier',
  polygon: 'Polygon/Massive',
  custom: 'Custom URL',
  file: 'Imported file',
  sample: SAMPLE_SNAPSHOT.label,
};

export function feedKey(provider: ProviderId, ticker: string): string {
  return `${provider}:${ticker}`;
}

function emptyStatus(provider: ProviderId, ticker: string): FeedStatus {
  return { key: feedKey(provider, ticker), provider, ticker, lastAttemptAt: null, lastSuccessAt: null, failures: 0, lastError: null, nextDueAt: null };
}

export class LevelsService {
  private readonly deps: ServiceDeps;
  private readonly inFlight = new Map<string, Promise<FeedStatus>>();
  /** Parsed chains by feed key: a cache only (IndexedDB holds the truth). */
  private readonly chains = new Map<string, ChainSnapshot>();
  private readonly tradierLimiter: RateLimiter;

  constructor(deps: ServiceDeps) {
    this.deps = deps;
    this.tradierLimiter = slidingWindowLimiter(120, 60000, deps.now, deps.sleep);
  }

  // ---- settings -------------------------------------------------------------------------------

  async publicSettings(): Promise<PublicSettings> {
    const [settings, keys] = await Promise.all([this.deps.storage.readSettings(), this.deps.storage.readKeys()]);
    return { ...settings, keys: { tradier: Boolean(keys.tradier), polygon: Boolean(keys.polygon) } };
  }

  async updateSettings(patch: unknown): Promise<PublicSettings> {
    const current = await this.deps.storage.readSettings();
    const next = applySettingsPatch(current, patch);
    await this.deps.storage.writeSettings(next);
    await this.reschedule();
    return this.publicSettings();
  }

  async setKeys(keys: ApiKeys): Promise<PublicSettings> {
    const current = await this.deps.storage.readKeys();
    const next: ApiKeys = { ...current };
    for (const name of ['tradier', 'polygon'] as const) {
      const value = keys[name];
      if (value === undefined) continue;
      if (value === '') delete next[name];
      else next[name] = value;
    }
    await this.deps.storage.writeKeys(next);
    return this.publicSettings();
  }

  /** Makes a ticker active (and recent), then answers its levels. */
  async setTicker(text: unknown): Promise<LevelsReply> {
    const ticker = normalizeTicker(text);
    if (!ticker) throw new ServiceError(`"${String(text)}" is not a ticker (letters, digits, dots; up to 10)`);
    const settings = await this.deps.storage.readSettings();
    const recents = [ticker, ...settings.recents.filter((recent) => recent !== ticker)].slice(0, 10);
    await this.deps.storage.writeSettings({ ...settings, ticker, recents });
    return this.getLevels({ ticker });
  }

  // ---- questions ------------------------------------------------------------------------------

  async getLevels(request: { ticker?: string; expiry?: string } = {}): Promise<LevelsReply> {
    const { settings, ticker, key, filterText, filter } = await this.resolve(request);
    let cached = await this.cachedOrFetched(settings, ticker);
    const status = await this.status(settings.provider, ticker);
    if (!cached) return this.reply(settings, ticker, filterText, null, null, status, null);
    if (cached.settingsKey !== settingsKey(settings, ticker)) cached = (await this.recompute(key, settings, ticker)) ?? cached;
    let levels: Levels = cached.levels;
    if (filter.kind !== 'all') {
      const chain = await this.chain(key);
      if (chain) levels = this.compute(chain, settings, ticker, filter).levels;
    }
    return this.reply(settings, ticker, filterText, levels, cached, status, await this.historyFor(ticker, levels, cached, settings));
  }

  async getHeatmap(request: { ticker?: string; expiry?: string; strikes?: number } = {}): Promise<HeatmapReply> {
    const { settings, ticker, key, filter } = await this.resolve(request);
    const cached = await this.cachedOrFetched(settings, ticker);
    const status = await this.status(settings.provider, ticker);
    if (!cached) return { ticker, grid: null, source: null, status, stale: true };
    let grid = cached.heatmap;
    if (filter.kind !== 'all' || request.strikes !== undefined || cached.settingsKey !== settingsKey(settings, ticker)) {
      const chain = await this.chain(key);
      if (chain) grid = heatmapGrid(this.compute(chain, settings, ticker, filter).chain, { strikeCount: request.strikes ?? 25 });
    }
    return { ticker, grid, source: cached.source, status, stale: this.isStale(status, cached.source, settings) };
  }

  async getProfile(request: { ticker?: string; expiry?: string; points?: number } = {}): Promise<ProfileReply> {
    const { settings, ticker, key, filter } = await this.resolve(request);
    const cached = await this.cachedOrFetched(settings, ticker);
    const status = await this.status(settings.provider, ticker);
    if (!cached) return { ticker, spot: null, points: [], flip: null, flips: [], byStrike: [], source: null, status };
    if (filter.kind === 'all' && request.points === undefined && cached.settingsKey === settingsKey(settings, ticker)) {
      const { levels } = cached;
      return { ticker, spot: levels.spot, points: cached.profile, flip: levels.flip, flips: levels.flips, byStrike: levels.byStrike, source: cached.source, status };
    }
    const chain = await this.chain(key);
    if (!chain) throw new ServiceError(`the ${ticker} chain is no longer stored; refresh to fetch it again`);
    const computed = this.compute(chain, settings, ticker, filter);
    const spot = computed.chain.spot;
    return {
      ticker,
      spot,
      points: profilePoints(computed.chain, spot * 0.8, spot * 1.2, request.points ?? PROFILE_POINTS),
      flip: computed.levels.flip,
      flips: computed.levels.flips,
      byStrike: computed.levels.byStrike,
      source: cached.source,
      status,
    };
  }

  async getHistory(request: { ticker?: string } = {}) {
    const { ticker } = await this.resolve(request);
    return this.deps.storage.readHistory(ticker);
  }

  /** Export-and-clear: drops cached levels, history, statuses and chains; settings and keys stay. */
  async clearData(): Promise<void> {
    this.chains.clear();
    await this.deps.storage.clearData();
  }

  async getStatuses(): Promise<FeedStatus[]> {
    return Object.values(await this.deps.storage.readStatuses());
  }

  // ---- fetching -------------------------------------------------------------------------------

  /** Fetches and recomputes one ticker now (one request in flight per feed). */
  async refresh(tickerText?: string): Promise<FeedStatus> {
    const settings = await this.deps.storage.readSettings();
    const ticker = tickerText === undefined ? settings.ticker : normalizeTicker(tickerText);
    if (!ticker) throw new ServiceError(`"${tickerText}" is not a ticker`);
    const key = feedKey(settings.provider, ticker);
    const running = this.inFlight.get(key);
    if (running) return running;
    const work = this.refreshNow(settings, ticker).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, work);
    return work;
  }

  /** Text handed over from the popup or options page becomes the 'file' feed of its underlying. */
  async importChain(text: unknown, name: unknown): Promise<LevelsReply> {
    if (typeof text !== 'string') throw new ServiceError('import: the file content must be text');
    const label = typeof name === 'string' && name ? name.slice(0, 200) : 'imported file';
    const result = importChainText(text, label, this.deps.now());
    if (!result.ok) throw new ServiceError(result.error.message);
    const snapshot = result.snapshot;
    const ticker = normalizeTicker(snapshot.underlying);
    if (!ticker) throw new ServiceError(`${label}: the chain's underlying "${snapshot.underlying}" is not a ticker`);
    const settings = applySettingsPatch(await this.deps.storage.readSettings(), { provider: 'file', ticker });
    // Compute first: a chain the engine cannot use must not replace anything.
    const cached = this.cacheEntry(snapshot, settings, ticker, `${PROVIDER_LABELS.file}: ${label}`);
    if (typeof cached === 'string') throw new ServiceError(`${label}: ${cached}`);
    await this.store(feedKey('file', ticker), snapshot, cached, ticker, settings);
    await this.deps.storage.writeSettings(settings);
    const statuses = await this.deps.storage.readStatuses();
    const now = this.deps.now();
    statuses[feedKey('file', ticker)] = { ...emptyStatus('file', ticker), lastAttemptAt: now, lastSuccessAt: now };
    await this.deps.storage.writeStatuses(statuses);
    return this.getLevels({ ticker });
  }

  /** The alarm fired: refresh every due feed of the active provider, then set the next alarm. */
  async onAlarm(): Promise<void> {
    const settings = await this.deps.storage.readSettings();
    if (settings.provider !== 'file') {
      const statuses = await this.deps.storage.readStatuses();
      const now = this.deps.now();
      for (const ticker of this.watched(settings)) {
        const status = statuses[feedKey(settings.provider, ticker)];
        if (!status || status.nextDueAt === null || status.nextDueAt <= now + 1000) await this.refresh(ticker);
      }
    }
    await this.reschedule();
  }

  /** Called on every worker start: recreate the alarm from stored state. */
  async start(): Promise<void> {
    await this.reschedule();
  }

  // ---- internals ------------------------------------------------------------------------------

  private watched(settings: Settings): string[] {
    return [settings.ticker];
  }

  private async reschedule(): Promise<void> {
    const settings = await this.deps.storage.readSettings();
    if (settings.provider === 'file') return;
    const statuses = await this.deps.storage.readStatuses();
    const now = this.deps.now();
    let when = Infinity;
    for (const ticker of this.watched(settings)) {
      const status = statuses[feedKey(settings.provider, ticker)];
      when = Math.min(when, status?.nextDueAt ?? now);
    }
    if (Number.isFinite(when)) await this.deps.scheduleAlarm(Math.max(when, now + MIN_ALARM_DELAY_MS));
  }

  private async resolve(request: { ticker?: string; expiry?: string }) {
    const settings = await this.deps.storage.readSettings();
    const ticker = request.ticker === undefined ? settings.ticker : normalizeTicker(request.ticker);
    if (!ticker) throw new ServiceError(`"${request.ticker}" is not a ticker`);
    const filterText = request.expiry ?? settings.expiryFilter;
    const filter = parseExpiryFilter(filterText);
    if (typeof filter === 'string') throw new ServiceError(filter);
    return { settings, ticker, key: feedKey(settings.provider, ticker), filterText, filter };
  }

  /** The cached levels, or — when there are none and the feed is not backing off — a fetch first. */
  private async cachedOrFetched(settings: Settings, ticker: string): Promise<CachedLevels | null> {
    const key = feedKey(settings.provider, ticker);
    const cached = await this.deps.storage.readCache(key);
    if (cached) return cached;
    const status = await this.status(settings.provider, ticker);
    if (status.failures > 0 && status.nextDueAt !== null && status.nextDueAt > this.deps.now()) return null;
    await this.refresh(ticker);
    return this.deps.storage.readCache(key);
  }

  private async status(provider: ProviderId, ticker: string): Promise<FeedStatus> {
    return (await this.deps.storage.readStatuses())[feedKey(provider, ticker)] ?? emptyStatus(provider, ticker);
  }

  private async refreshNow(settings: Settings, ticker: string): Promise<FeedStatus> {
    const key = feedKey(settings.provider, ticker);
    const now = this.deps.now();
    const result = await this.fetchChain(settings, ticker);
    let error: ProviderError | null = result.ok ? null : result.error;
    if (result.ok) {
      const entry = this.cacheEntry(result.snapshot, settings, ticker, PROVIDER_LABELS[settings.provider]);
      if (typeof entry === 'string') error = { kind: 'not-a-chain', message: entry };
      else await this.store(key, result.snapshot, entry, ticker, settings);
    }
    const statuses = await this.deps.storage.readStatuses();
    const previous = statuses[key] ?? emptyStatus(settings.provider, ticker);
    const finished = this.deps.now();
    const status: FeedStatus = error
      ? {
          ...previous,
          lastAttemptAt: now,
          failures: previous.failures + 1,
          lastError: { kind: error.kind, message: error.message, at: finished },
          nextDueAt: finished + backoffDelay(previous.failures + 1, error.retryAfterMs),
        }
      : {
          ...previous,
          lastAttemptAt: now,
          lastSuccessAt: finished,
          failures: 0,
          lastError: null,
          lastDurationMs: finished - now,
          nextDueAt: settings.provider === 'file' || settings.provider === 'sample' ? null : nextRegularRefresh(finished, finished, settings.refreshMinutes),
        };
    statuses[key] = status;
    await this.deps.storage.writeStatuses(statuses);
    await this.reschedule();
    // Tabs hear of failures too: they keep the last good levels and mark them stale.
    if (!error || (await this.deps.storage.readCache(key))) await this.deps.broadcast(await this.getLevels({ ticker }));
    return status;
  }

  private async fetchChain(settings: Settings, ticker: string): Promise<ProviderResult> {
    const context = { fetch: this.deps.fetch, now: this.deps.now, timeoutMs: this.deps.timeoutMs };
    const keys = settings.provider === 'tradier' || settings.provider === 'polygon' ? await this.deps.storage.readKeys() : {};
    switch (settings.provider) {
      case 'cboe':
        return fetchCboe(ticker, context, this.deps.urls?.cboe);
      case 'tradier':
        return fetchTradier(ticker, context, { token: keys.tradier ?? '', limiter: this.tradierLimiter, baseUrl: this.deps.urls?.tradier });
      case 'polygon':
        return fetchPolygon(ticker, context, { key: keys.polygon ?? '', baseUrl: this.deps.urls?.polygon });
      case 'custom':
        if (!settings.customUrl) return { ok: false, error: { kind: 'network', message: 'no custom URL is set (options page)' } };
        return fetchCustomUrl(settings.customUrl, ticker, context);
      case 'file': {
        const stored = await this.chain(feedKey('file', ticker));
        return stored ? { ok: true, snapshot: stored } : { ok: false, error: { kind: 'unknown-ticker', message: `no imported file for ${ticker}` } };
      }
      case 'sample': {
        if (ticker !== SAMPLE_SNAPSHOT.underlying) {
          return { ok: false, error: { kind: 'unknown-ticker', message: `the bundled sample is ${SAMPLE_SNAPSHOT.underlying} only` } };
        }
        try {
          const text = await this.deps.loadSample();
          return { ok: true, snapshot: parseChainText(text, { provider: 'sample', fetchedAt: this.deps.now() }) };
        } catch (error) {
          const message = error instanceof ChainFormatError ? error.message : `cannot load the sample: ${(error as Error).message}`;
          return { ok: false, error: { kind: 'not-a-chain', message } };
        }
      }
    }
  }

  private compute(snapshot: ChainSnapshot, settings: Settings, ticker: string, filter: ExpiryFilter) {
    const { rate, dividend } = rateFor(settings, ticker);
    const chain = prepareChain(snapshot, { rate, dividend, signModel: settings.signModel, expiryFilter: filter, evaluatedAt: snapshot.asOf });
    return { chain, ...levelsOfPreparedChain(chain, snapshot.warnings, { transitionBand: settings.transitionBand }) };
  }

  /** The cache entry for a snapshot, or the reason the engine cannot use it. */
  private cacheEntry(snapshot: ChainSnapshot, settings: Settings, ticker: string, label: string): CachedLevels | string {
    try {
      const { chain, levels } = this.compute(snapshot, settings, ticker, { kind: 'all' });
      const spot = chain.spot;
      return {
        settingsKey: settingsKey(settings, ticker),
        levels,
        heatmap: heatmapGrid(chain),
        profile: profilePoints(chain, spot * 0.8, spot * 1.2, PROFILE_POINTS),
        source: sourceOf(snapshot, settings.provider, label),
        atmIv: atmIv(snapshot)?.iv ?? null,
        computedAt: this.deps.now(),
      };
    } catch (error) {
      if (error instanceof EngineInputError) return error.message;
      throw error;
    }
  }

  private async store(key: string, snapshot: ChainSnapshot, entry: CachedLevels, ticker: string, settings: Settings): Promise<void> {
    this.chains.clear(); // keep one parsed chain in memory at most
    this.chains.set(key, snapshot);
    await this.deps.storage.writeChain(key, snapshot);
    await this.deps.storage.writeCache(key, entry);
    if (settings.provider !== 'sample') {
      const session = sessionOfData(snapshot.asOf);
      const history = await this.deps.storage.readHistory(ticker);
      await this.deps.storage.writeHistory(ticker, recordSession(history, session, summarize(entry.levels, entry.atmIv)));
    }
  }

  private async recompute(key: string, settings: Settings, ticker: string): Promise<CachedLevels | null> {
    const chain = await this.chain(key);
    if (!chain) return null;
    const cached = await this.deps.storage.readCache(key);
    const entry = this.cacheEntry(chain, settings, ticker, cached?.source.label ?? PROVIDER_LABELS[settings.provider]);
    if (typeof entry === 'string') return null;
    await this.deps.storage.writeCache(key, entry);
    return entry;
  }

  private async chain(key: string): Promise<ChainSnapshot | null> {
    const inMemory = this.chains.get(key);
    if (inMemory) return inMemory;
    const stored = await this.deps.storage.readChain(key);
    if (stored) {
      this.chains.clear();
      this.chains.set(key, stored);
    }
    return stored;
  }

  private async historyFor(ticker: string, levels: Levels, cached: CachedLevels, settings: Settings) {
    const history = await this.deps.storage.readHistory(ticker);
    const session = sessionOfData(cached.source.asOf);
    return {
      diff: diffAgainstPrevious(history, session, levels),
      ivShift: ivShiftSinceSessionStart(history.find((entry) => entry.session === session), cached.atmIv, settings.ivShiftThreshold),
    };
  }

  private isStale(status: FeedStatus, source: SourceInfo | null, settings: Settings): boolean {
    if (!source) return true;
    if (status.lastError && (status.lastSuccessAt === null || status.lastError.at >= status.lastSuccessAt)) return true;
    const now = this.deps.now();
    return source.provider !== 'file' && source.provider !== 'sample' && isMarketOpen(now) && now - source.fetchedAt > 3 * settings.refreshMinutes * 60000;
  }

  /** Settings are the ones the caller already read: one read per question. */
  private reply(
    settings: Settings,
    ticker: string,
    expiryFilter: string,
    levels: Levels | null,
    cached: CachedLevels | null,
    status: FeedStatus,
    history: { diff: LevelsReply['diff']; ivShift: LevelsReply['ivShift'] } | null,
  ): LevelsReply {
    return {
      ticker,
      expiryFilter,
      levels,
      source: cached?.source ?? null,
      status,
      stale: this.isStale(status, cached?.source ?? null, settings),
      diff: history?.diff ?? null,
      ivShift: history?.ivShift ?? null,
    };
  }
}

/** The inputs levels depend on besides the chain: when they change, cached levels are recomputed. */
export function settingsKey(settings: Settings, ticker: string): string {
  return JSON.stringify([settings.signModel, rateFor(settings, ticker), settings.transitionBand]);
}

/** The session a snapshot's data belongs to: the one in progress, or the last one closed. */
export function sessionOfData(asOf: number): string {
  const current = currentOrNextSession(asOf);
  return asOf >= current.open ? current.date : lastClosedSession(asOf).date;
}

function sourceOf(snapshot: ChainSnapshot, provider: ProviderId, label: string): SourceInfo {
  return {
    provider,
    label,
    underlying: snapshot.underlying,
    asOf: snapshot.asOf,
    fetchedAt: snapshot.fetchedAt,
    delayed: snapshot.delayed,
    sample: provider === 'sample',
    asOfInferred: snapshot.asOfInferred,
  };
}
