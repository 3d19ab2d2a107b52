/**
 * Feeds: one per (provider, ticker). Fetches through the provider table, passes each new chain through
 * the gate (lib/chain/gate.ts, against the summary of the feed's own last good chain), analyses what
 * passes, keeps the last good levels and the chain they came from, keeps a refused chain aside for the
 * user to accept, records status and history, and keeps the one refresh alarm pointed at the next due
 * feed. Every refresh path records a status and re-arms the schedule, whatever throws; all state is in storage (an MV3 worker can die at any moment) and
 * memory holds only the last chain and the requests in flight.
 */
import type { ChainSnapshot } from '../chain/model';
import { checkChain, summarizeChain, type ChainRefusalCode, type ChainSummary } from '../chain/gate';
import { analyzeChain } from '../gex/analyze';
import { EngineInputError } from '../gex/prepared-chain';
import { ALL_EXPIRIES } from '../gex/expiry-filter';
import { recordSession, sessionOfData, summarize } from '../gex/history';
import { importChainText } from '../providers/custom-url';
import { providerSpec } from '../providers/registry';
import { slidingWindowLimiter, type RateLimiter } from '../providers/rate-limiter';
import type { FetchLike, ProviderError, ProviderId, ProviderResult } from '../providers/types';
import { applySettingsPatch, normalizeTicker, settingsAssumptions, type Settings } from '../settings';
import type { FeedStatus, RefusedChain, SourceInfo, StorageUsage } from '../protocol';
import { backoffDelay, nextRegularRefresh } from './schedule';
import { freshness, type Freshness } from './freshness';
import { KeyedQueue } from './store';
import { chainKeyOwner, nonFiniteIn, refusedChain, refusedChainKey, withGateWarnings } from './chain-gate';
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
const STORAGE_BUDGET_BYTES = 48 * 1024 * 1024;
/** viewedAt is written at most this often per feed. */
const VIEWED_RESOLUTION_MS = 3600 * 1000;
/** A page may ask for a refresh at most this often per feed (a chart reload, not a quota drain). */
export const PAGE_REFRESH_INTERVAL_MS = 60000;

export function feedKey(provider: ProviderId, ticker: string): string {
  return `${provider}:${ticker}`;
}

function emptyStatus(provider: ProviderId, ticker: string): FeedStatus {
  return {
    key: feedKey(provider, ticker),
    provider,
    ticker,
    lastAttemptAt: null,
    lastSuccessAt: null,
    failures: 0,
    lastError: null,
    nextDueAt: null,
  };
}

/** The inputs levels depend on besides the chain: when they change, cached levels are recomputed. */
export function settingsKey(settings: Settings, ticker: string): string {
  return JSON.stringify(settingsAssumptions(settings, ticker));
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

/** The cache entry for a snapshot (levels for all expiries), or the reason the engine cannot use it. */
function cacheEntryOf(snapshot: ChainSnapshot, settings: Settings, ticker: string, label: string, now: number): CachedLevels | string {
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

/** What became of a fetched, imported or accepted chain. */
type Admission = { ok: true; kept: StoredChain } | { ok: false; error: ProviderError; refused?: RefusedChain };

/** Chain bytes a feed holds: its current chain and the refused one kept aside. */
const heldBytes = (status: FeedStatus) => (status.chain?.bytes ?? 0) + (status.refused?.stored?.bytes ?? 0);

export class Feeds {
  private readonly inFlight = new Map<string, Promise<FeedStatus>>();
  /** The last chain read or fetched, by feed key: a cache only (storage holds the truth). */
  private readonly chains = new Map<string, ChainSnapshot>();
  private readonly tradierLimiter: RateLimiter;
  /** Per feed, one chain at a time goes through the gate (refresh, import, acceptance). */
  private readonly gateQueue = new KeyedQueue();

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
    if (typeof entry === 'string' || nonFiniteIn(entry)) return cached;
    const recomputed: CachedLevels = { ...entry, summary: cached.summary ?? summarizeChain(chain) };
    await this.deps.storage.cache(key).set(recomputed);
    return recomputed;
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
   * caller then makes that feed the active one). It passes the same gate as a fetched chain, against
   * that file feed's last good chain: a refused file replaces nothing, its status says why, and it is
   * kept aside to accept. Returns the ticker; throws when the text is no chain the engine can use.
   */
  async importChain(text: string, name: string): Promise<string> {
    const label = name ? name.slice(0, 200) : 'imported file';
    const result = importChainText(text, label, this.deps.now());
    if (!result.ok) throw new ServiceError(result.error.message);
    const snapshot = result.snapshot;
    const ticker = normalizeTicker(snapshot.underlying);
    if (!ticker) throw new ServiceError(`${label}: the chain's underlying "${snapshot.underlying}" is not a ticker`);
    const settings = applySettingsPatch(await this.deps.storage.settings.get(), { provider: 'file', ticker });
    const started = this.deps.now();
    const admission = await this.gateQueue.run(feedKey('file', ticker), async () => {
      const admission = await this.admit(ticker, snapshot, settings, `${providerSpec('file').sourceLabel}: ${label}`);
      // A chain the engine cannot use at all is the file's error, said to the importer: nothing is recorded.
      if (admission.ok || admission.refused) await this.record(settings, ticker, started, admission, { viewed: true });
      return admission;
    });
    if (!admission.ok && !admission.refused) throw new ServiceError(`${label}: ${admission.error.message}`);
    if (admission.ok) await this.sweep().catch(() => undefined);
    return ticker;
  }

  /**
   * The user's decision: the chain refused for a feed becomes its current one — its levels computed and
   * kept, its summary the one the next chain is judged against. Refused levels that are not finite
   * cannot be shown and are not kept, so they cannot be accepted.
   */
  async acceptRefused(provider: ProviderId, ticker: string): Promise<FeedStatus> {
    const key = feedKey(provider, ticker);
    const started = this.deps.now();
    const status = await this.gateQueue.run(key, async () => {
      const { refused } = await this.status(provider, ticker);
      const what = `${ticker} chain from ${providerSpec(provider).sourceLabel}`;
      if (!refused) throw new ServiceError(`there is no refused ${what} to use`);
      if (!refused.acceptable) throw new ServiceError(`the refused ${what} cannot be used: ${refused.reason}`);
      const snapshot = await this.deps.storage.readChain(refusedChainKey(key));
      if (!snapshot) throw new ServiceError(`the refused ${what} is no longer kept; refresh to fetch it again`);
      const settings: Settings = { ...(await this.deps.storage.settings.get()), provider };
      const entry = cacheEntryOf(snapshot, settings, ticker, refused.label, this.deps.now());
      if (typeof entry === 'string') throw new ServiceError(`the refused ${what} cannot be used: ${entry}`);
      const notFinite = nonFiniteIn(entry);
      if (notFinite) throw new ServiceError(`the refused ${what} cannot be used: ${notFinite}`);
      const kept = await this.keep(key, snapshot, { ...entry, summary: summarizeChain(snapshot) }, ticker, settings);
      await this.deps.storage.deleteChain(refusedChainKey(key));
      return this.record(settings, ticker, started, { ok: true, kept });
    });
    await this.reschedule().catch(() => undefined);
    await this.sweep().catch(() => undefined);
    await this.deps.onUpdated(ticker).catch(() => undefined);
    return status ?? this.status(provider, ticker);
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
    const provider = settings.provider;
    const started = this.deps.now();
    const { admission, status } = await this.gateQueue.run(feedKey(provider, ticker), async () => {
      let admission: Admission;
      try {
        const result = await this.fetchChain(settings, ticker);
        admission = result.ok
          ? await this.admit(ticker, result.snapshot, settings, providerSpec(provider).sourceLabel)
          : { ok: false, error: result.error };
      } catch (thrown) {
        // Storage full, a date the calendar cannot place, a bug: the feed still records why and re-arms.
        admission = { ok: false, error: { kind: 'internal', message: (thrown as Error)?.message ?? String(thrown) } };
      }
      return { admission, status: await this.record(settings, ticker, started, admission) };
    });
    await this.reschedule().catch(() => undefined);
    if (admission.ok) await this.sweep().catch(() => undefined);
    // Tabs hear of failures too: they keep the last good levels and mark them stale.
    await this.deps.onUpdated(ticker).catch(() => undefined);
    if (status) return status;
    const error = admission.ok ? null : { ...admission.error, at: this.deps.now() };
    return { ...emptyStatus(provider, ticker), lastAttemptAt: started, failures: error ? 1 : 0, lastError: error };
  }

  /**
   * The gate between a new chain and the feed's last good levels (the feed is settings.provider's):
   * a chain that passes, and whose levels are all finite numbers, becomes the feed's current one. One
   * that does not replaces nothing; it is kept aside (one per feed, compact) for the user to accept.
   */
  private async admit(ticker: string, snapshot: ChainSnapshot, settings: Settings, label: string): Promise<Admission> {
    const key = feedKey(settings.provider, ticker);
    const check = checkChain(snapshot, { ticker, previous: await this.previousSummary(key) });
    const refuse = async (code: ChainRefusalCode | 'not-finite', reason: string, keepAside: boolean): Promise<Admission> => {
      const aside = refusedChainKey(key);
      let stored: StoredChain | null = null;
      if (keepAside)
        stored = await this.deps.storage.writeChain(
          aside,
          snapshot,
          (await this.status(settings.provider, ticker)).refused?.stored?.fingerprint,
        );
      else await this.deps.storage.deleteChain(aside);
      const refused = refusedChain({ code, reason, at: this.deps.now(), label, summary: check.summary, stored });
      return { ok: false, error: { kind: 'refused', message: reason }, refused };
    };
    if (!check.ok) return refuse(check.code, check.reason, true);
    snapshot.warnings = withGateWarnings(snapshot.warnings, check.warnings);
    const entry = cacheEntryOf(snapshot, settings, ticker, label, this.deps.now());
    if (typeof entry === 'string') return { ok: false, error: { kind: 'not-a-chain', message: entry } };
    const notFinite = nonFiniteIn(entry);
    if (notFinite) return refuse('not-finite', notFinite, false);
    const kept = await this.keep(key, snapshot, { ...entry, summary: check.summary }, ticker, settings);
    await this.deps.storage.deleteChain(refusedChainKey(key));
    return { ok: true, kept };
  }

  /** The summary of the feed's last good chain (the next chain is judged against it), or null. */
  private async previousSummary(key: string): Promise<ChainSummary | null> {
    const cached = await this.deps.storage.cache(key).get();
    if (!cached) return null;
    if (cached.summary) return cached.summary;
    // Levels kept before the gate existed: summarize the chain they came from.
    const chain = await this.chain(key);
    return chain ? summarizeChain(chain) : null;
  }

  /**
   * Writes what a refresh, an import or an acceptance came to into the status of the feed of
   * settings.provider (null if it cannot).
   */
  private async record(
    settings: Settings,
    ticker: string,
    started: number,
    admission: Admission,
    options: { viewed?: boolean } = {},
  ): Promise<FeedStatus | null> {
    const { provider } = settings;
    const finished = this.deps.now();
    return this.deps.storage
      .status(feedKey(provider, ticker))
      .update((stored): FeedStatus => {
        const previous = stored ?? emptyStatus(provider, ticker);
        const viewedAt = options.viewed ? finished : previous.viewedAt;
        if (!admission.ok) {
          const { error } = admission;
          return {
            ...previous,
            lastAttemptAt: started,
            failures: previous.failures + 1,
            lastError: { kind: error.kind, message: error.message, at: finished },
            nextDueAt: finished + backoffDelay(previous.failures + 1, error.retryAfterMs),
            ...(viewedAt === undefined ? {} : { viewedAt }),
            // A new refusal replaces the chain kept aside; any other failure leaves that one to the user.
            refused: admission.refused ?? previous.refused ?? null,
          };
        }
        return {
          ...previous,
          lastAttemptAt: started,
          lastSuccessAt: finished,
          failures: 0,
          lastError: null,
          lastDurationMs: finished - started,
          viewedAt: viewedAt ?? finished,
          chain: { fingerprint: admission.kept.fingerprint, bytes: admission.kept.bytes },
          nextDueAt: providerSpec(provider).scheduled ? nextRegularRefresh(finished, finished, settings.refreshMinutes) : null,
          refused: null,
        };
      })
      .catch(() => null);
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
      await this.deps.storage
        .history(ticker)
        .update((history) => recordSession(history, session, summarize(entry.levels, entry.atmIv), { replace }));
    }
    return stored;
  }

  /** A chart, the popup or the schedule asked for a feed (written at most hourly: eviction needs no more). */
  async markViewed(provider: ProviderId, ticker: string): Promise<void> {
    const now = this.deps.now();
    const status = await this.deps.storage.status(feedKey(provider, ticker)).get();
    if (status && (status.viewedAt ?? 0) > now - VIEWED_RESOLUTION_MS) return;
    await this.deps.storage
      .status(feedKey(provider, ticker))
      .update((stored) => ({ ...(stored ?? emptyStatus(provider, ticker)), viewedAt: now }));
  }

  /** What is kept, by feed, against the budget. */
  async usage(): Promise<StorageUsage> {
    const statuses = await this.deps.storage.statuses();
    const feeds = statuses
      .filter((status) => heldBytes(status) > 0)
      .map((status) => ({
        key: status.key,
        ticker: status.ticker,
        provider: status.provider,
        bytes: heldBytes(status),
        viewedAt: status.viewedAt ?? null,
      }));
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
      await this.deps.storage.deleteChain(refusedChainKey(key));
      await this.deps.storage.cache(key).remove();
      await this.deps.storage.status(key).remove();
      evicted.push(key);
    };
    for (const status of statuses) if (!kept.has(status.key) && now - lastSeen(status) > EVICT_AFTER_MS) await evict(status.key);
    let total = statuses.filter((status) => !evicted.includes(status.key)).reduce((sum, status) => sum + heldBytes(status), 0);
    for (const status of statuses
      .filter((candidate) => !evicted.includes(candidate.key) && !kept.has(candidate.key) && heldBytes(candidate) > 0)
      .sort((a, b) => lastSeen(a) - lastSeen(b))) {
      if (total <= this.budget) break;
      total -= heldBytes(status);
      await evict(status.key);
    }
    // Chains whose feed is gone (an interrupted eviction, 0.1's leftovers) go too, refused ones with their feed.
    const known = new Set(statuses.map((status) => status.key).filter((key) => !evicted.includes(key)));
    for (const key of await this.deps.storage.chainFeeds())
      if (!known.has(chainKeyOwner(key).feed)) await this.deps.storage.deleteChain(key);
    return evicted;
  }
}
