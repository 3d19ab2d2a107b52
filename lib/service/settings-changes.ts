/**
 * Settings changes, from the extension's own pages only: each write is validated, then everything it
 * affects follows at once — the schedule, the sites the overlay is registered on, and every open
 * chart (lines, colours, symbol rules and basis reach it without a reload).
 */
import type { ApiKeys, ProviderId } from '../providers/types';
import { applySettingsPatch, normalizeTicker, type Settings, type SettingsPatch } from '../settings';
import type { LevelsReply, PublicSettings } from '../protocol';
import { ServiceError, type Feeds } from './feeds';
import type { Questions } from './questions';
import type { Subscriptions } from './subscriptions';
import type { ServiceStorage } from './storage-port';

export interface SettingsChangeDeps {
  storage: ServiceStorage;
  feeds: Feeds;
  questions: Questions;
  subscriptions: Subscriptions;
  /** Makes the overlay's per-site registrations match the enabled sites. */
  syncSites: (sites: readonly string[]) => Promise<void>;
  /** Runs the overlay in a tab right away (after the user turned its site on). */
  injectOverlay: (tabId: number) => Promise<void>;
  /** After any settings change (the toolbar badge follows the active ticker). */
  onChanged?: () => void;
}

const RECENTS = 10;

export class SettingsChanges {
  constructor(private readonly deps: SettingsChangeDeps) {}

  async update(patch: SettingsPatch): Promise<PublicSettings> {
    let before: Settings | null = null;
    const after = await this.deps.storage.settings.update((current) => {
      before = current;
      return applySettingsPatch(current, patch);
    });
    await this.follow(before!, after);
    return this.deps.questions.publicSettings();
  }

  async setKeys(keys: ApiKeys): Promise<PublicSettings> {
    await this.deps.storage.keys.update((current) => {
      const next: ApiKeys = { ...current };
      for (const name of ['tradier', 'polygon'] as const) {
        const value = keys[name]?.trim();
        if (value === undefined) continue;
        if (value === '') delete next[name];
        else next[name] = value;
      }
      return next;
    });
    return this.deps.questions.publicSettings();
  }

  /**
   * Makes a ticker active, then answers its levels; it joins the recent tickers only once it has given
   * a chain (a mistyped ticker does not stay among the chips).
   */
  async setTicker(text: string): Promise<LevelsReply> {
    const ticker = normalizeTicker(text);
    if (!ticker) throw new ServiceError(`"${text}" is not a ticker (letters, digits, dots; up to 10)`);
    let before: Settings | null = null;
    const after = await this.deps.storage.settings.update((current) => {
      before = current;
      return { ...current, ticker };
    });
    const reply = await this.deps.questions.getLevels({ ticker });
    if (reply.levels || reply.status.refused) {
      await this.deps.storage.settings.update((current) => ({
        ...current,
        recents: [ticker, ...current.recents.filter((recent) => recent !== ticker)].slice(0, RECENTS),
      }));
    }
    await this.follow(before!, after);
    return reply;
  }

  /** A chain file the user picked becomes the active feed: the file provider, its underlying. */
  async importChain(text: string, name: string): Promise<LevelsReply> {
    const ticker = await this.deps.feeds.importChain(text, name);
    await this.update({ provider: 'file', ticker });
    return this.deps.questions.getLevels({ ticker });
  }

  /**
   * The user decided to use a chain the gate refused (default: the active provider and ticker): it
   * becomes that feed's current chain; answers the ticker's levels.
   */
  async acceptRefusedChain(request: { ticker?: string; provider?: ProviderId }): Promise<LevelsReply> {
    const settings = await this.deps.storage.settings.get();
    const ticker = request.ticker === undefined ? settings.ticker : normalizeTicker(request.ticker);
    if (!ticker) throw new ServiceError(`"${request.ticker}" is not a ticker`);
    await this.deps.feeds.acceptRefused(request.provider ?? settings.provider, ticker);
    return this.deps.questions.getLevels({ ticker });
  }

  /** The one door for turning the overlay on or off for a site. */
  async setSiteEnabled(request: { pattern: string; enabled: boolean; tabId?: number }): Promise<PublicSettings> {
    const { enabledSites } = await this.deps.storage.settings.get();
    const sites = request.enabled ? [...enabledSites, request.pattern] : enabledSites.filter((site) => site !== request.pattern);
    const updated = await this.update({ enabledSites: sites });
    if (request.enabled && request.tabId !== undefined) await this.deps.injectOverlay(request.tabId).catch(() => undefined);
    return updated;
  }

  async clearData(): Promise<void> {
    this.deps.feeds.forgetChains();
    await this.deps.storage.clearData();
  }

  private async follow(before: Settings, after: Settings): Promise<void> {
    const changed = (name: keyof Settings) => JSON.stringify(before[name]) !== JSON.stringify(after[name]);
    if (changed('enabledSites')) await this.deps.syncSites(after.enabledSites);
    if (changed('provider') || changed('refreshMinutes') || changed('ticker')) await this.deps.feeds.reschedule().catch(() => undefined);
    // Open charts follow without waiting on this reply (a new provider may take a fetch to answer).
    void this.deps.subscriptions.settingsChanged().catch(() => undefined);
    this.deps.onChanged?.();
  }
}
