/**
 * Feeds: one per (provider, ticker). Fetches through the provider table, analyses each new chain,
 * keeps the last good levels and the chain they came from, records status and history, and keeps
 * the one refresh alarm pointed at the next due feed. Every refresh path records a status and re-arms
 * the schedule, whatever throws; all state is in storage (an MV3 worker can die at any moment) and
 * memory holds only the last chain and the requests in flight.
 */
import type { ChainSnapshot } from '../chain/model';
import { analyzeChain } from '../gex/analyze';
import { EngineInputError } from '../gex/prepared-chain';
import { ALL_EXPIRIES } from '../gex/expiry-filter';
import { recordSession, sessionOfData, summarize } from '../gex/history';
import { importChainText } from '../providers/custom-url';
import { providerSpec } from '../providers/registry';
import { slidingWindowLimiter, type RateLimiter } from '../providers/rate-limiter';
import type { FetchLike, ProviderError, ProviderId, ProviderResult } from '../providers/types';
import { applySettingsPatch, normalizeTicker, settingsAssumptions, type Settings } from '../settings';
import type { FeedStatus, SourceInfo, StorageUsage } from '../protocol';
import { backoffDelay, nextRegularRefresh } from './schedule';
import { freshness, type Freshness } from './freshness';
import type { CachedLevels, ServiceStorage, StoredChain } from './storage-port';

export interface FeedDeps {
  storage: ServiceStorage;
  fetch: FetchLike;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** The bundled sample's CSV text. */
  loadSample: () => Promise<string>;
  /** Sets the single refresh alarm. */
  scheduleAlarm: (when: number) => Promise<void>;
  /** A feed's levels or status changed: tabs showing the ticker are told. */
  onUpdated: (ticker: string) => Promise<void>;
  /** Tickers open charts show: the schedule refreshes them beside the active ticker. */
  chartTickers: () => Promise<string[]>;
  /** Base URLs, overridable for tests. */
  urls?: { cboe?: string; tradier?: string; polygon?: string };
  timeoutMs?: number;
  /** Chains kept in all, at most (default STORAGE_BUDGET_BYTES). */
  budgetBytes?: number;
}

export class ServiceError extends Error {}

/** Chrome refuses alarms sooner than 30 s in packed extensions. */
const MIN_ALARM_DELAY_MS = 30000;
/** Feeds nobody viewed for this long are evicted (their history stays). */
export const EVICT_AFTER_MS = 7 * 24 * 3600 * 1000;
/** Chains kept in all, at most (SPX takes about 2 MB compact). */
export const STORAGE_BUDGET_BYTES = 48 * 1024 * 1024;
/** viewedAt is written at most this often per feed. */
const VIEWED_RESOLUTION_MS = 3600 * 1000;
/** A page may ask for a refresh at most this often per feed (a chart reload, not a quota drain). */
export const PAGE_REFRESH_INTERVAL_MS = 60000;

export function feedKey(provider: ProviderId, ticker: string): string {
  return `${provider}:${ticker}`;
}

export function emptyStatus(provider: ProviderId, ticker: string): FeedStatus {
  return { key: feedKey(provider, ticker), provider, ticker, lastAttemptAt: null, lastSuccessAt: null, failures: 0, lastError: null, nextDueAt: null };
}

/** The inputs levels depend on besides the chain: when they change, cached levels are recomputed. */
export function settingsKey(settings: Settings, ticker: string): string {
  return JSON.stringify(settingsAssumptions(settings, ticker));
}

export function sourceOf(snapshot: ChainSnapshot, provider: ProviderId, label: string): SourceInfo {
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

/** The cache entry for a snapshot (levels for all expiries), or the reason the engine cannot use it. */
export function cacheEntryOf(snapshot: ChainSnapshot, settings: Settings, ticker: string, label: string, now: number): CachedLevels | string {
  try {
    const analysis = analyzeChain(snapshot, settingsAssumptions(settings, ticker), ALL_EXPIRIES);
    return {
      settingsKey: settingsKey(settings, ticker),
      levels: analysis.levels,
      heatmap: analysis.heatmap(),
      profile: analysis.profile(),
      source: sourceOf(snapshot, settings.provider, label),
      assumptions: analysis.assumptions,
      atmIv: analysis.atmIv,
      computedAt: now,
    };
  } catch (error) {
    if (error instanceof EngineInputError) return error.message;
    throw error;
  }
}

export type RefreshCaller = 'extension' | 'page' | 'schedule';

export class Feeds {
  private readonly inFlight = new Map<string, Promise<FeedStatus>>();
  /** The last chain read or fetched, by feed key: a cache only (storage holds the truth). */
  private readonly chains = new Map<string, ChainSnapshot>();
  private readonly tradierLimiter: RateLimiter;

  private readonly budget: number;

  constructor(private readonly deps: FeedDeps) {
    this.tradierLimiter = slidingWindowLimiter(120, 60000, deps.now, deps.sleep);
    this.budget = deps.budgetBytes ?? STORAGE_BUDGET_BYTES;
  }

  async status(provider: ProviderId, ticker: string): Promise<FeedStatus> {
    return (await this.deps.storage.status(feedKey(provider, ticker)).get()) ?? emptyStatus(provider, ticker);
  }

  /** How fresh a feed's levels are now, and when they turn stale (or old) by the clock. */
  freshness(status: FeedStatus, source: SourceInfo | null, settings: Settings): Freshness {
    return freshness(source, status, source ? providerSpec(source.provider).scheduled : false, settings.refreshMinutes, this.deps.now());
  }

  /** The last good levels, recomputed from the stored chain when the settings they rest on changed. */
  async lastGood(settings: Settings, ticker: string): Promise<CachedLevels | null> {
    const key = feedKey(settings.provider, ticker);
    const cached = await this.deps.storage.cache(key).get();
    if (!cached || cached.settingsKey === settingsKey(settings, ticker)) return cached;
    const chain = await this.chain(key);
    if (!chain) return cached;
    const entry = cacheEntryOf(chain, settings, ticker, cached.source.label, this.deps.now());
    if (typeof entry === 'string') return cached;
    await this.deps.storage.cache(key).set(entry);
    return entry;
  }

  /** The last good levels, or — when there are none and the feed is not backing off — a fetch first. */
  async ensure(settings: Settings, ticker: string): Promise<CachedLevels | null> {
    const cached = await this.lastGood(settings, ticker);
    if (cached) return cached;
    const status = await this.status(settings.provider, ticker);
    if (status.failures > 0 && status.nextDueAt !== null && status.nextDueAt > this.deps.now()) return null;
    await this.refresh(ticker, 'extension');
    return this.deps.storage.cache(feedKey(settings.provider, ticker)).get();
  }

  /** The whole chain behind a feed's levels (for filters and views the cache does not hold). */
  async chain(key: string): Promise<ChainSnapshot | null> {
    const inMemory = this.chains.get(key);
    if (inMemory) return inMemory;
    const stored = await this.deps.storage.readChain(key);
    if (stored) this.remember(key, stored);
    return stored;
  }

  /**
   * Fetches and recomputes one ticker now (one request in flight per feed). A page's request respects
   * the feed's backoff and a minimum interval: reloading a chart must not spend a paid quota.
   */
  async refresh(tickerText: string | undefined, caller: RefreshCaller): Promise<FeedStatus> {
    const settings = await this.deps.storage.settings.get();
    const ticker = tickerText === undefined ? settings.ticker : normalizeTicker(tickerText);
    if (!ticker) throw new ServiceError(`"${tickerText}" is not a ticker`);
    const key = feedKey(settings.provider, ticker);
    const running = this.inFlight.get(key);
    if (running) return running;
    if (caller === 'page') {
      const status = await this.status(settings.provider, ticker);
      const now = this.deps.now();
      const backingOff = status.failures > 0 && status.nextDueAt !== null && status.nextDueAt > now;
      if (backingOff || (status.lastAttemptAt !== null && now - status.lastAttemptAt < PAGE_REFRESH_INTERVAL_MS)) return status;
    }
    const work = this.refreshNow(settings, ticker).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, work);
    return work;
  }

  /**
   * Text handed over from the popup or options page becomes the 'file' feed of its underlying (the
   * caller then makes that feed the active one). Returns the ticker.
   */
  async importChain(text: string, name: string): Promise<string> {
    const label = name ? name.slice(0, 200) : 'imported file';
    const result = importChainText(text, label, this.deps.now());
    if (!result.ok) throw new ServiceError(result.error.message);
    const snapshot = result.snapshot;
    const ticker = normalizeTicker(snapshot.underlying);
    if (!ticker) throw new ServiceError(`${label}: the chain's underlying "${snapshot.underlying}" is not a ticker`);
    const settings = applySettingsPatch(await this.deps.storage.settings.get(), { provider: 'file', ticker });
    // Compute first: a chain the engine cannot use must not replace anything.
    const entry = cacheEntryOf(snapshot, settings, ticker, `${providerSpec('file').sourceLabel}: ${label}`, this.deps.now());
    if (typeof entry === 'string') throw new ServiceError(`${label}: ${entry}`);
    const key = feedKey('file', ticker);
    const stored = await this.keep(key, snapshot, entry, ticker, settings);
    const now = this.deps.now();
    await this.deps.storage.status(key).set({ ...emptyStatus('file', ticker), lastAttemptAt: now, lastSuccessAt: now, viewedAt: now, chain: { fingerprint: stored.fingerprint, bytes: stored.bytes } });
    await this.sweep().catch(() => undefined);
    return ticker;
  }

  /** The alarm fired: refresh every due watched feed of the active provider, then set the next alarm. */
  async onAlarm(): Promise<void> {
    try {
      const settings = await this.deps.storage.settings.get();
      if (providerSpec(settings.provider).scheduled) {
        const now = this.deps.now();
        for (const ticker of await this.watched(settings)) {
          const status = await this.status(settings.provider, ticker);
          if (status.nextDueAt === null || status.nextDueAt <= now + 1000) await this.refresh(ticker, 'schedule').catch(() => undefined);
        }
      }
    } finally {
      await this.reschedule();
    }
  }

  /** Called on every worker start: recreate the alarm from stored state. */
  async start(): Promise<void> {
    await this.reschedule();
  }

  forgetChains(): void {
    this.chains.clear();
  }

  /** The alarm goes to the earliest due watched feed, at least 30 s ahead. */
  async reschedule(): Promise<void> {
    const settings = await this.deps.storage.settings.get();
    if (!providerSpec(settings.provider).scheduled) return;
    const now = this.deps.now();
    let when = Infinity;
    for (const ticker of await this.watched(settings)) {
      const status = await this.status(settings.provider, ticker);
      when = Math.min(when, status.nextDueAt ?? now);
    }
    if (Number.isFinite(when)) await this.deps.scheduleAlarm(Math.max(when, now + MIN_ALARM_DELAY_MS));
  }

  private async watched(settings: Settings): Promise<string[]> {
    // Tickers with alerts on are watched too: an alert cannot wait for a chart or the popup to ask.
    return [...new Set([settings.ticker, ...(await this.deps.chartTickers()), ...settings.alerts.tickers])];
  }

  private async refreshNow(settings: Settings, ticker: string): Promise<FeedStatus> {
    const key = feedKey(settings.provider, ticker);
    const started = this.deps.now();
    let error: ProviderError | null = null;
    let kept: StoredChain | null = null;
    try {
      const result = await this.fetchChain(settings, ticker);
      if (!result.ok) error = result.error;
      else {
        const entry = cacheEntryOf(result.snapshot, settings, ticker, providerSpec(settings.provider).sourceLabel, this.deps.now());
        if (typeof entry === 'string') error = { kind: 'not-a-chain', message: entry };
        else kept = await this.keep(key, result.snapshot, entry, ticker, settings);
      }
    } catch (thrown) {
      // Storage full, a date the calendar cannot place, a bug: the feed still records why and re-arms.
      error = { kind: 'internal', message: (thrown as Error)?.message ?? String(thrown) };
    }
    const finished = this.deps.now();
    const status = await this.deps.storage
      .status(key)
      .update((stored) => {
        const previous = stored ?? emptyStatus(settings.provider, ticker);
        return error
          ? {
              ...previous,
              lastAttemptAt: started,
              failures: previous.failures + 1,
              lastError: { kind: error.kind, message: error.message, at: finished },
              nextDueAt: finished + backoffDelay(previous.failures + 1, error.retryAfterMs),
            }
          : {
              ...previous,
              lastAttemptAt: started,
              lastSuccessAt: finished,
              failures: 0,
              lastError: null,
              lastDurationMs: finished - started,
              viewedAt: previous.viewedAt ?? finished,
              chain: kept ? { fingerprint: kept.fingerprint, bytes: kept.bytes } : previous.chain,
              nextDueAt: providerSpec(settings.provider).scheduled ? nextRegularRefresh(finished, finished, settings.refreshMinutes) : null,
            };
      })
      .catch(() => null);
    await this.reschedule().catch(() => undefined);
    if (!error) await this.sweep().catch(() => undefined);
    // Tabs hear of failures too: they keep the last good levels and mark them stale.
    await this.deps.onUpdated(ticker).catch(() => undefined);
    return status ?? { ...emptyStatus(settings.provider, ticker), lastAttemptAt: started, failures: 1, lastError: error && { ...error, at: finished } };
  }

  private async fetchChain(settings: Settings, ticker: string): Promise<ProviderResult> {
    const spec = providerSpec(settings.provider);
    return spec.fetchChain(ticker, {
      context: { fetch: this.deps.fetch, now: this.deps.now, timeoutMs: this.deps.timeoutMs },
      keys: spec.key ? await this.deps.storage.keys.get() : {},
      customUrl: settings.customUrl,
      tradierLimiter: this.tradierLimiter,
      loadSample: this.deps.loadSample,
      importedChain: (wanted) => this.chain(feedKey('file', wanted)),
      urls: this.deps.urls,
    });
  }

  private remember(key: string, snapshot: ChainSnapshot): void {
    this.chains.clear(); // one parsed chain in memory at most
    this.chains.set(key, snapshot);
  }

  /** Keeps a chain and its levels; the chain is written only when it changed. */
  private async keep(key: string, snapshot: ChainSnapshot, entry: CachedLevels, ticker: string, settings: Settings): Promise<StoredChain> {
    this.remember(key, snapshot);
    const previous = (await this.deps.storage.status(key).get())?.chain?.fingerprint;
    const stored = await this.deps.storage.writeChain(key, snapshot, previous);
    await this.deps.storage.cache(key).set(entry);
    if (settings.provider !== 'sample') {
      const session = sessionOfData(snapshot.asOf);
      // A file stands for its whole session: importing the same session again replaces it.
      const replace = settings.provider === 'file';
      await this.deps.storage.history(ticker).update((history) => recordSession(history, session, summarize(entry.levels, entry.atmIv), { replace }));
    }
    return stored;
  }

  /** A chart, the popup or the schedule asked for a feed (written at most hourly: eviction needs no more). */
  async markViewed(provider: ProviderId, ticker: string): Promise<void> {
    const now = this.deps.now();
    const status = await this.deps.storage.status(feedKey(provider, ticker)).get();
    if (status && (status.viewedAt ?? 0) > now - VIEWED_RESOLUTION_MS) return;
    await this.deps.storage.status(feedKey(provider, ticker)).update((stored) => ({ ...(stored ?? emptyStatus(provider, ticker)), viewedAt: now }));
  }

  /** What is kept, by feed, against the budget. */
  async usage(): Promise<StorageUsage> {
    const statuses = await this.deps.storage.statuses();
    const feeds = statuses
      .filter((status) => status.chain)
      .map((status) => ({ key: status.key, ticker: status.ticker, provider: status.provider, bytes: status.chain!.bytes, viewedAt: status.viewedAt ?? null }));
    return {
      feeds,
      chainBytes: feeds.reduce((sum, feed) => sum + feed.bytes, 0),
      budgetBytes: this.budget,
      historyTickers: await this.deps.storage.historyTickers(),
    };
  }

  /**
   * Storage stays bounded: feeds nobody viewed for EVICT_AFTER_MS go (chain, levels, status; the
   * session history stays), and past the budget the least recently viewed chains go first. The feeds
   * the popup and open charts show are kept whatever their age.
   */
  async sweep(): Promise<string[]> {
    const settings = await this.deps.storage.settings.get();
    const kept = new Set((await this.watched(settings)).map((ticker) => feedKey(settings.provider, ticker)));
    const now = this.deps.now();
    const statuses = await this.deps.storage.statuses();
    const lastSeen = (status: FeedStatus) => status.viewedAt ?? status.lastSuccessAt ?? status.lastAttemptAt ?? 0;
    const evicted: string[] = [];
    const evict = async (key: string) => {
      this.chains.delete(key);
      await this.deps.storage.deleteChain(key);
      await this.deps.storage.cache(key).remove();
      await this.deps.storage.status(key).remove();
      evicted.push(key);
    };
    for (const status of statuses) if (!kept.has(status.key) && now - lastSeen(status) > EVICT_AFTER_MS) await evict(status.key);
    let total = statuses.filter((status) => !evicted.includes(status.key)).reduce((sum, status) => sum + (status.chain?.bytes ?? 0), 0);
    for (const status of statuses.filter((candidate) => !evicted.includes(candidate.key) && !kept.has(candidate.key) && candidate.chain).sort((a, b) => lastSeen(a) - lastSeen(b))) {
      if (total <= this.budget) break;
      total -= status.chain!.bytes;
      await evict(status.key);
    }
    // Chains whose feed is gone (an interrupted eviction, 0.1's leftovers) go too.
    const known = new Set(statuses.map((status) => status.key).filter((key) => !evicted.includes(key)));
    for (const key of await this.deps.storage.chainFeeds()) if (!known.has(key)) await this.deps.storage.deleteChain(key);
    return evicted;
  }
}
