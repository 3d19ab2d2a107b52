/**
 * Alerts: after each refresh of a live feed, the provider's spot is checked against the latest levels
 * for the tickers the user turned alerts on for (lib/alerts/triggers.ts decides); what fires is logged
 * and handed to `notify` (a system notification where the user allowed them). Imported files and the
 * bundled sample are no live price: they never fire. All state is in storage (the worker may die).
 */
import { evaluateAlerts } from '../alerts/triggers';
import type { FiredAlert, PriceObservation } from '../alerts/alert-model';
import { appendToLog } from '../alerts/alert-log';
import { sessionOfData } from '../gex/history';
import { normalizeTicker } from '../settings';
import { providerSpec } from '../providers/registry';
import type { AlertsReply } from '../protocol';
import { feedKey, ServiceError } from './feeds';
import type { ServiceStorage } from './storage-port';

export interface AlertDeps {
  storage: ServiceStorage;
  now: () => number;
  /** Shows an alert to the user; resolves true when it was shown (false: notifications not allowed). */
  notify?: (alert: FiredAlert) => Promise<boolean>;
}

export class Alerts {
  constructor(private readonly deps: AlertDeps) {}

  /** A feed refreshed (or failed to): checks its ticker's latest spot when alerts are on for it. */
  async feedUpdated(ticker: string): Promise<FiredAlert[]> {
    const settings = await this.deps.storage.settings.get();
    if (!settings.alerts.tickers.includes(ticker) || !providerSpec(settings.provider).scheduled) return [];
    const cached = await this.deps.storage.cache(feedKey(settings.provider, ticker)).get();
    if (!cached || cached.source.sample) return [];
    const state = await this.deps.storage.alertState(ticker).get();
    // A failed refresh leaves the same levels: nothing new to check.
    if (state?.lastCheck && state.lastCheck.at >= cached.computedAt && state.lastCheck.asOf === cached.source.asOf) return [];
    const observation: PriceObservation = {
      price: cached.levels.spot,
      asOf: cached.source.asOf,
      source: 'provider',
      label: cached.source.label,
    };
    return this.check(ticker, observation);
  }

  /** Checks one price of a ticker against its latest levels; logs and shows what fires. */
  async check(ticker: string, observation: PriceObservation): Promise<FiredAlert[]> {
    const settings = await this.deps.storage.settings.get();
    const cached = await this.deps.storage.cache(feedKey(settings.provider, ticker)).get();
    if (!cached) return [];
    const session = sessionOfData(cached.source.asOf);
    const entry = (await this.deps.storage.history(ticker).get()).find((candidate) => candidate.session === session);
    const first = entry?.first ?? null;
    const now = this.deps.now();
    let fired: FiredAlert[] = [];
    await this.deps.storage.alertState(ticker).update((state) => {
      const result = evaluateAlerts(state, {
        ticker,
        session,
        observation,
        levels: cached.levels,
        sessionStart: first && { asOf: Date.parse(first.asOf), flip: first.flip, callWall: first.callWall, putWall: first.putWall },
        settings: settings.alerts,
        now,
      });
      fired = result.fired;
      return result.state;
    });
    if (fired.length === 0) return [];
    const shown = await Promise.all(
      fired.map((alert) => (this.deps.notify ? this.deps.notify(alert).catch(() => false) : Promise.resolve(false))),
    );
    const logged = fired.map((alert, index) => ({ ...alert, notified: shown[index] }));
    await this.deps.storage.alertLog.update((log) => appendToLog(log, logged));
    return logged;
  }

  async reply(tickerText?: string): Promise<AlertsReply> {
    const settings = await this.deps.storage.settings.get();
    const ticker = tickerText === undefined ? settings.ticker : normalizeTicker(tickerText);
    if (!ticker) throw new ServiceError(`"${tickerText}" is not a ticker`);
    const [state, log] = await Promise.all([this.deps.storage.alertState(ticker).get(), this.deps.storage.alertLog.get()]);
    return { ticker, on: settings.alerts.tickers.includes(ticker), lastCheck: state?.lastCheck ?? null, log };
  }

  async clearLog(): Promise<void> {
    await this.deps.storage.alertLog.set([]);
  }
}
