/**
 * Subscriptions: the tabs showing charts, and what each is told. A tab subscribes with the symbols its
 * charts show (or to follow the popup's ticker); each symbol is mapped to an options underlying by the
 * user's symbol rules here, where the rules live. Whenever a ticker's levels change, or any setting an
 * open chart draws with, each tab concerned gets one push with everything it draws.
 */
import { mapChartSymbol } from '../market/symbol-map';
import { overlaySettingsOf, type Settings } from '../settings';
import type { ChartLevels, OverlayPush } from '../protocol';
import type { ChartData, Questions } from './questions';
import { PageQuota } from './page-quota';
import { feedKey } from './feeds';
import type { ServiceStorage, Subscription } from './storage-port';

export interface SubscriptionDeps {
  storage: ServiceStorage;
  questions: Questions;
  now: () => number;
  /** Delivers a push to a tab; rejects when the tab is gone. */
  send: (tabId: number, push: OverlayPush) => Promise<void>;
}

interface Mapped {
  symbol: string | null;
  ticker: string | null;
  /** Points, or null: from the chain's forwards (futures charts). */
  basis: number | null;
  basisNote: string | null;
  problem: string | null;
}

function mapSubscription(subscription: Subscription, settings: Settings): Mapped[] {
  const charts: Mapped[] = subscription.symbols.map((symbol) => {
    const mapped = mapChartSymbol(symbol, settings.symbolRules);
    if (!mapped) return { symbol, ticker: null, basis: 0, basisNote: null, problem: `No options underlying for ${symbol}.` };
    const note =
      mapped.basis !== null && mapped.basis !== 0
        ? `basis ${mapped.basis > 0 ? '+' : '−'}${Math.abs(mapped.basis)} from your symbol rule for ${mapped.rule}`
        : null;
    return { symbol, ticker: mapped.underlying, basis: mapped.basis, basisNote: note, problem: null };
  });
  if (subscription.follow) charts.push({ symbol: null, ticker: settings.ticker, basis: 0, basisNote: null, problem: null });
  return charts;
}

export class Subscriptions {
  private readonly quota: PageQuota;
  /** Per tab, the number of its latest subscribe request: an older one that finishes later must not win. */
  private readonly latestRequest = new Map<number, number>();

  constructor(private readonly deps: SubscriptionDeps) {
    this.quota = new PageQuota(deps.now);
  }

  /** This tab's charts show these symbols (or follow the popup): answers what to draw, remembers the tab. */
  async subscribe(tabId: number | undefined, request: { symbols?: string[]; follow?: boolean }): Promise<OverlayPush> {
    // Numbered on arrival: a tab's charts change quickly (a canvas read, then TradingView's API, then a
    // symbol switch), and a request whose levels take a fetch may finish after the next one.
    const order = tabId === undefined ? 0 : (this.latestRequest.get(tabId) ?? 0) + 1;
    if (tabId !== undefined) this.latestRequest.set(tabId, order);
    const settings = await this.deps.storage.settings.get();
    const wanted: Subscription = { symbols: [...new Set(request.symbols ?? [])], follow: request.follow === true, at: this.deps.now() };
    // A page names its symbols: tickers beyond its quota are not fetched (the chart is told why).
    const refused = new Set<string>();
    if (tabId !== undefined) {
      for (const chart of mapSubscription(wanted, settings)) {
        if (!chart.symbol || !chart.ticker) continue;
        const held = (await this.deps.storage.cache(feedKey(settings.provider, chart.ticker)).get()) !== null;
        if (!this.quota.allow(tabId, chart.ticker, held)) refused.add(chart.symbol);
      }
    }
    const subscription = { ...wanted, symbols: wanted.symbols.filter((symbol) => !refused.has(symbol)) };
    // The reply carries the levels (a fetch on the tab's behalf finishes first); then the tab is told of changes.
    const push = await this.pushFor(subscription, settings, new Map());
    for (const symbol of refused) {
      push.charts.push({
        symbol,
        ticker: null,
        basis: 0,
        basisNote: null,
        levels: null,
        heatmap: null,
        previous: null,
        problem: `gexmap paused new symbols on this page for a minute (too many in a row): ${symbol} waits.`,
      });
    }
    // Remembered unless a later request of this tab came in meanwhile (its charts are what it shows now).
    if (tabId !== undefined && this.latestRequest.get(tabId) === order) await this.deps.storage.subscription(tabId).set(subscription);
    return push;
  }

  async forget(tabId: number): Promise<void> {
    this.quota.forget(tabId);
    this.latestRequest.delete(tabId);
    await this.deps.storage.subscription(tabId).remove();
  }

  /** The tickers open charts show (the schedule keeps them fresh beside the popup's). */
  async tickers(): Promise<string[]> {
    const settings = await this.deps.storage.settings.get();
    const tickers = new Set<string>();
    for (const subscription of (await this.deps.storage.subscriptions()).values()) {
      for (const chart of mapSubscription(subscription, settings)) if (chart.ticker) tickers.add(chart.ticker);
    }
    return [...tickers];
  }

  /** A feed's levels changed: every tab with a chart of its ticker gets a fresh push. */
  async feedUpdated(ticker: string): Promise<void> {
    await this.pushAll((charts) => charts.some((chart) => chart.ticker === ticker));
  }

  /** Settings changed (ticker, filter, model, lines, colours, symbol rules): every tab gets a fresh push. */
  async settingsChanged(): Promise<void> {
    await this.pushAll(() => true);
  }

  private async pushAll(concerns: (charts: Mapped[]) => boolean): Promise<void> {
    const settings = await this.deps.storage.settings.get();
    const replies = new Map<string, Promise<ChartData>>();
    await Promise.all(
      [...(await this.deps.storage.subscriptions())].map(async ([tabId, subscription]) => {
        if (!concerns(mapSubscription(subscription, settings))) return;
        const push = await this.pushFor(subscription, settings, replies);
        try {
          await this.deps.send(tabId, push);
        } catch {
          await this.forget(tabId); // the tab is gone, or no longer shows a chart
        }
      }),
    );
  }

  /** The push for one tab; `replies` shares each ticker's levels between the tabs of one round. */
  private async pushFor(subscription: Subscription, settings: Settings, replies: Map<string, Promise<ChartData>>): Promise<OverlayPush> {
    const levelsOf = (ticker: string) => {
      let reply = replies.get(ticker);
      if (!reply) replies.set(ticker, (reply = this.deps.questions.chartLevels(ticker)));
      return reply;
    };
    const charts = await Promise.all(
      mapSubscription(subscription, settings).map(async (chart): Promise<ChartLevels> => {
        // Levels first: a ticker asked for the first time is fetched then, and its forwards come with it.
        const levels = chart.ticker ? await levelsOf(chart.ticker) : { levels: null, heatmap: null, previous: null };
        const basis =
          chart.basis === null && chart.ticker && chart.symbol ? await this.deps.questions.futuresBasis(chart.ticker, chart.symbol) : null;
        return { ...chart, basis: basis?.basis ?? chart.basis ?? 0, basisNote: basis?.note ?? chart.basisNote, ...levels };
      }),
    );
    return { charts, overlay: overlaySettingsOf(settings) };
  }
}

export type { Subscription };
