/**
 * Questions: the replies the popup, the options page and open charts get. Levels for all expiries
 * come from the feed's cache; a filter or another view analyses the stored chain (one prepared chain
 * per snapshot, filter and assumptions, shared by every view through analyzeChain).
 */
import { analyzeChain, DEFAULT_PROFILE_POINTS, type Analysis } from '../gex/analyze';
import { parseExpiryFilter, type ExpiryFilter } from '../gex/expiry-filter';
import { diffAgainstPrevious, previousLevels, sessionOfData, type HistoryEntry } from '../gex/history';
import { dayOverDay } from '../gex/day-over-day';
import { ivShiftSinceSessionStart } from '../gex/iv-shift';
import type { Levels } from '../gex/levels';
import type { Greek } from '../gex/greek-exposure';
import { normalizeTicker, settingsAssumptions, type Settings } from '../settings';
import type { ChartLevels, FeedStatus, HeatmapReply, LevelsReply, ProfileReply, PublicSettings, SessionHistoryReply } from '../protocol';
import { feedKey, ServiceError, type Feeds } from './feeds';
import type { CachedLevels, ServiceStorage } from './storage-port';

/** What one ticker gives each chart that shows it. */
export type ChartData = Pick<ChartLevels, 'levels' | 'heatmap' | 'previous'>;

interface Resolved {
  settings: Settings;
  ticker: string;
  key: string;
  filterText: string;
  filter: ExpiryFilter;
}

export class Questions {
  constructor(
    private readonly storage: ServiceStorage,
    private readonly feeds: Feeds,
  ) {}

  async publicSettings(): Promise<PublicSettings> {
    const [settings, keys] = await Promise.all([this.storage.settings.get(), this.storage.keys.get()]);
    return { ...settings, keys: { tradier: Boolean(keys.tradier), polygon: Boolean(keys.polygon) } };
  }

  async getLevels(request: { ticker?: string; expiry?: string } = {}): Promise<LevelsReply> {
    const resolved = await this.resolve(request);
    const { cached, status } = await this.lastGood(resolved);
    if (!cached) return this.levelsReply(resolved, null, null, status);
    const analysis = await this.filtered(resolved);
    return this.levelsReply(resolved, cached, analysis, status);
  }

  /**
   * The active ticker's last good levels (all expiries) as they stand: nothing fetched, nothing marked
   * viewed — for the toolbar badge, which must not keep a feed alive or spend a request.
   */
  async peekLevels(): Promise<LevelsReply> {
    const resolved = await this.resolve({ expiry: 'all' });
    const cached = await this.feeds.lastGood(resolved.settings, resolved.ticker);
    return this.levelsReply(resolved, cached, null, await this.feeds.status(resolved.settings.provider, resolved.ticker));
  }

  async getHeatmap(request: { ticker?: string; expiry?: string; strikes?: number; greek?: Greek } = {}): Promise<HeatmapReply> {
    const resolved = await this.resolve(request);
    const { cached, status } = await this.lastGood(resolved);
    if (!cached) return { ticker: resolved.ticker, grid: null, source: null, status, stale: true };
    const greek = request.greek ?? 'gamma';
    const cachedView = request.strikes === undefined && greek === 'gamma';
    const analysis = await this.filtered(resolved, !cachedView);
    const grid = analysis
      ? analysis.heatmap({ ...(request.strikes === undefined ? {} : { strikeCount: request.strikes }), greek })
      : cachedView
        ? cached.heatmap
        : null;
    return {
      ticker: resolved.ticker,
      grid,
      source: cached.source,
      status,
      stale: this.feeds.freshness(status, cached.source, resolved.settings).stale,
    };
  }

  async getProfile(request: { ticker?: string; expiry?: string; points?: number } = {}): Promise<ProfileReply> {
    const resolved = await this.resolve(request);
    const { cached, status } = await this.lastGood(resolved);
    const empty: ProfileReply = {
      ticker: resolved.ticker,
      spot: null,
      points: [],
      flip: null,
      flips: [],
      byStrike: [],
      source: null,
      status,
    };
    if (!cached) return empty;
    const otherPoints = request.points !== undefined && request.points !== DEFAULT_PROFILE_POINTS;
    const analysis = await this.filtered(resolved, otherPoints);
    if (!analysis) {
      if (otherPoints) throw new ServiceError(`the ${resolved.ticker} chain is no longer stored; refresh to fetch it again`);
      const { levels } = cached;
      return {
        ticker: resolved.ticker,
        spot: levels.spot,
        points: cached.profile,
        flip: levels.flip,
        flips: levels.flips,
        byStrike: levels.byStrike,
        source: cached.source,
        status,
      };
    }
    const { levels } = analysis;
    return {
      ticker: resolved.ticker,
      spot: levels.spot,
      points: analysis.profile(request.points),
      flip: levels.flip,
      flips: levels.flips,
      byStrike: levels.byStrike,
      source: cached.source,
      status,
    };
  }

  async getHistory(request: { ticker?: string } = {}): Promise<HistoryEntry[]> {
    const { ticker } = await this.resolve(request);
    return this.storage.history(ticker).get();
  }

  /** The stored sessions as rows with their day-over-day changes, and the latest session's path. */
  async getSessionHistory(request: { ticker?: string } = {}): Promise<SessionHistoryReply> {
    const { ticker } = await this.resolve(request);
    const history = await this.storage.history(ticker).get();
    const latest = history.at(-1);
    return { ticker, rows: dayOverDay(history), today: latest ? { session: latest.session, path: latest.path } : null };
  }

  async getStatuses(): Promise<FeedStatus[]> {
    return this.storage.statuses();
  }

  /** What a chart of `ticker` draws: the levels under the popup's filter, the heatmap and the previous session's levels. */
  async chartLevels(ticker: string): Promise<ChartData> {
    const levels = await this.getLevels({ ticker });
    if (!levels.levels || !levels.source) return { levels, heatmap: null, previous: null };
    const heatmap = (await this.getHeatmap({ ticker })).grid;
    // History keeps all-expiries levels: beside levels under another filter they would compare unlike with unlike.
    const filter = parseExpiryFilter(levels.expiryFilter);
    const comparable = typeof filter !== 'string' && filter.kind === 'all';
    const previous = comparable ? previousLevels(await this.storage.history(ticker).get(), sessionOfData(levels.source.asOf)) : null;
    return { levels, heatmap, previous };
  }

  /**
   * The basis of a futures chart from the ticker's chain (the forward at the futures' settlement minus
   * spot), with where it comes from; null when the symbol is not a futures contract or the chain has
   * no forward to give.
   */
  async futuresBasis(ticker: string, chartSymbol: string): Promise<{ basis: number; note: string } | null> {
    const settings = await this.storage.settings.get();
    const chain = await this.feeds.chain(feedKey(settings.provider, ticker));
    if (!chain) return null;
    try {
      const basis = analyzeChain(chain, settingsAssumptions(settings, ticker)).futuresBasis(chartSymbol);
      return basis ? { basis: basis.basis, note: basis.description } : null;
    } catch {
      return null;
    }
  }

  private async resolve(request: { ticker?: string; expiry?: string }): Promise<Resolved> {
    const settings = await this.storage.settings.get();
    const ticker = request.ticker === undefined ? settings.ticker : normalizeTicker(request.ticker);
    if (!ticker) throw new ServiceError(`"${request.ticker}" is not a ticker`);
    const filterText = request.expiry ?? settings.expiryFilter;
    const filter = parseExpiryFilter(filterText);
    if (typeof filter === 'string') throw new ServiceError(filter);
    return { settings, ticker, key: feedKey(settings.provider, ticker), filterText, filter };
  }

  private async lastGood(resolved: Resolved): Promise<{ cached: CachedLevels | null; status: FeedStatus }> {
    const cached = await this.feeds.ensure(resolved.settings, resolved.ticker);
    if (cached) await this.feeds.markViewed(resolved.settings.provider, resolved.ticker);
    return { cached, status: await this.feeds.status(resolved.settings.provider, resolved.ticker) };
  }

  /**
   * The analysis behind a filtered (or otherwise uncached) view, or null when the cached all-expiries
   * levels answer it — they do for the common case without reading the chain back from storage.
   */
  private async filtered(resolved: Resolved, uncachedView = false): Promise<Analysis | null> {
    if (resolved.filter.kind === 'all' && !uncachedView) return null;
    const chain = await this.feeds.chain(resolved.key);
    if (!chain) return null;
    try {
      return analyzeChain(chain, settingsAssumptions(resolved.settings, resolved.ticker), resolved.filter);
    } catch {
      return null; // the cached levels were computed from this chain: a failure here leaves them standing
    }
  }

  private async levelsReply(
    resolved: Resolved,
    cached: CachedLevels | null,
    analysis: Analysis | null,
    status: FeedStatus,
  ): Promise<LevelsReply> {
    const { settings, ticker, filterText } = resolved;
    const { stale, staleAfter, oldAfter } = this.feeds.freshness(status, cached?.source ?? null, settings);
    const base = { ticker, expiryFilter: filterText, status, source: cached?.source ?? null, stale, staleAfter, oldAfter };
    if (!cached) return { ...base, levels: null, diff: null, ivShift: null, assumptions: null };
    const levels: Levels = analysis?.levels ?? cached.levels;
    const history = await this.storage.history(ticker).get();
    const session = sessionOfData(cached.source.asOf);
    return {
      ...base,
      levels,
      diff: diffAgainstPrevious(history, session, levels),
      ivShift: ivShiftSinceSessionStart(
        history.find((entry) => entry.session === session),
        cached.atmIv,
        settings.ivShiftThreshold,
      ),
      assumptions: analysis?.assumptions ?? cached.assumptions,
    };
  }
}
