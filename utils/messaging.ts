/**
 * The one messaging protocol between the background and every other part (popup, options, content
 * scripts). The background validates every request (lib/service/validate.ts): content scripts live
 * within a page's reach. API keys never appear in any reply.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { FeedStatus, HeatmapReply, HistoryEntry, LevelsReply, ProfileReply, PublicSettings } from '../lib/service/protocol';

export interface HelloReply {
  name: 'gexmap';
  version: string;
  /** UTC ms at the background when it answered. */
  now: number;
  /** UTC ms when this worker instance started (changes after the browser kills and restarts it). */
  startedAt: number;
  /** Where the request came from, as the background saw it. */
  from: 'content' | 'extension-page';
}

export interface ProtocolMap {
  /** Liveness and identity. */
  hello(request: { client: string }): HelloReply;
  /** Levels for a ticker (default: the active one) and expiry filter (default: the setting). */
  getLevels(request: { ticker?: string; expiry?: string }): LevelsReply;
  getHeatmap(request: { ticker?: string; expiry?: string; strikes?: number }): HeatmapReply;
  getProfile(request: { ticker?: string; expiry?: string; points?: number }): ProfileReply;
  getHistory(request: { ticker?: string }): HistoryEntry[];
  getStatus(): FeedStatus[];
  getSettings(): PublicSettings;
  /** Extension pages only. A partial settings object; every field is validated. */
  updateSettings(patch: Record<string, unknown>): PublicSettings;
  /** Extension pages only. Empty text removes a key. */
  setApiKeys(keys: { tradier?: string; polygon?: string }): PublicSettings;
  setTicker(request: { ticker: string }): LevelsReply;
  refresh(request: { ticker?: string }): FeedStatus;
  /** Extension pages only: a CBOE JSON or CSV file's text. */
  importChain(request: { text: string; name: string }): LevelsReply;
  /** Extension pages only: cached levels, history, statuses and chains (not settings, not keys). */
  clearData(): void;
  /**
   * Extension pages only (the popup, after the user granted the site's host permission): turn the
   * overlay on or off for a site; `tabId` also injects it into that tab right away.
   */
  setSiteEnabled(request: { pattern: string; enabled: boolean; tabId?: number }): PublicSettings;
  /**
   * Content scripts: this tab shows `ticker`; answers its levels and subscribes the tab to pushes.
   * `follow`: the chart has no symbol, so the tab follows the popup's ticker.
   */
  subscribe(request: { ticker: string; follow?: boolean }): LevelsReply;
  /** Background -> tabs: fresh levels for a ticker the tab subscribed to. */
  levelsUpdated(reply: LevelsReply): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
