/**
 * The popup's data: settings, the active ticker's levels, heatmap and profile, and the actions that
 * change them. Every reply the background gives is used as it comes (a ticker switch answers with the
 * new levels; nothing is fetched twice) — but only the latest request's: a trader switching fast gets
 * the ticker chosen last, whichever answer comes last.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../../utils/messaging';
import type { HeatmapReply, LevelsReply, ProfileReply, PublicSettings } from '../../lib/protocol';
import { normalizeTicker } from '../../lib/settings';
import { describeExpiryFilter, parseExpiryFilter } from '../../lib/gex/expiry-filter';
import { describeProviderError } from '../../lib/providers/types';
import type { Greek } from '../../lib/gex/greek-exposure';
import { SAMPLE_SNAPSHOT } from '../../lib/providers/sample';

export interface PopupData {
  settings: PublicSettings | null;
  /** The exposure the heatmap shows. */
  greek: Greek;
  reply: LevelsReply | null;
  heatmap: HeatmapReply | null;
  profile: ProfileReply | null;
  busy: string | null;
  /**
   * What the card's numbers are not yet (a ticker loading, a filter waiting for its date): the card
   * greys them and stops copying until the new ones arrive.
   */
  pending: string | null;
  /** The one problem said at a time (a refused action, a failed request). */
  error: string | null;
}

export interface PopupActions {
  chooseTicker: (text: string) => Promise<void>;
  chooseFilter: (text: string) => Promise<void>;
  refresh: () => Promise<void>;
  /** Uses the chain the checks refused for the ticker on screen (the user's decision). */
  acceptRefused: () => Promise<void>;
  chooseGreek: (greek: Greek) => Promise<void>;
  /** The bundled sample (SPX) becomes the source: levels in one click with no network. */
  useSample: () => Promise<void>;
  /** Drops a ticker from the recent chips. */
  forgetRecent: (ticker: string) => Promise<void>;
  /** A filter is chosen that needs a date not given yet (null: it has one, or needs none). */
  awaitDate: (label: string | null) => void;
  setSettings: (settings: PublicSettings) => void;
  setError: (error: string | null) => void;
}

export function useLevels(): [PopupData, PopupActions] {
  const [data, setData] = useState<PopupData>({
    settings: null,
    greek: 'gamma',
    reply: null,
    heatmap: null,
    profile: null,
    busy: 'Loading levels…',
    pending: null,
    error: null,
  });
  const patch = (change: Partial<PopupData>) => setData((current) => ({ ...current, ...change }));
  /** The number of the latest request that replaces what the card shows: an earlier one's answer is dropped. */
  const latest = useRef(0);

  /** The views beside the levels (heatmap, profile) for the ticker a reply is about, while `current()` holds. */
  async function showReply(reply: LevelsReply, current: () => boolean, greek: Greek = data.greek): Promise<void> {
    if (!current()) return;
    // These are the numbers asked for: nothing is pending once they are on screen.
    patch({ reply, heatmap: null, profile: null, pending: null });
    if (!reply.levels) return;
    const [heatmap, profile] = await Promise.all([
      sendMessage('getHeatmap', { ticker: reply.ticker, greek }),
      sendMessage('getProfile', { ticker: reply.ticker }),
    ]);
    if (current()) patch({ heatmap, profile });
  }

  /** Runs one request that replaces the card; `work` is told how to know it is still the latest. */
  async function run(busy: string, work: (current: () => boolean) => Promise<void>, pending: string | null = null): Promise<void> {
    const request = ++latest.current;
    const current = () => request === latest.current;
    patch({ busy, pending, error: null });
    try {
      await work(current);
    } catch (reason) {
      if (current()) patch({ error: (reason as Error).message });
    } finally {
      if (current()) patch({ busy: null, pending: null });
    }
  }

  useEffect(() => {
    void run('Loading levels…', async (current) => {
      const settings = await sendMessage('getSettings', undefined).catch((reason: Error) => {
        throw new Error(`The background did not answer: ${reason.message}`);
      });
      if (current()) patch({ settings });
      await showReply(await sendMessage('getLevels', {}), current);
    });
  }, []);

  const actions: PopupActions = {
    async chooseTicker(text) {
      const ticker = normalizeTicker(text);
      if (!ticker) {
        patch({ error: `"${text}" is not a ticker: letters, digits and dots, up to 10 (e.g. SPX, SPY, BRK.B).` });
        return;
      }
      await run(
        `Loading ${ticker}…`,
        async (current) => {
          const reply = await sendMessage('setTicker', { ticker });
          const settings = await sendMessage('getSettings', undefined);
          if (current()) patch({ settings });
          await showReply(reply, current);
        },
        data.reply && data.reply.ticker !== ticker ? `${ticker} is loading: these numbers are ${data.reply.ticker}’s` : null,
      );
    },
    async chooseFilter(text) {
      const filter = parseExpiryFilter(text);
      if (typeof filter === 'string') {
        patch({ error: filter });
        return;
      }
      await run(
        'Loading levels…',
        async (current) => {
          const settings = await sendMessage('updateSettings', { expiryFilter: text });
          if (current()) patch({ settings });
          await showReply(await sendMessage('getLevels', {}), current);
        },
        data.reply?.levels ? `Loading ${describeExpiryFilter(filter)}: these numbers are for ${data.reply.levels.expiryFilter}` : null,
      );
    },
    async refresh() {
      const ticker = data.reply?.ticker;
      await run('Refreshing…', async (current) => {
        const status = await sendMessage('refresh', ticker ? { ticker } : {});
        await showReply(await sendMessage('getLevels', ticker ? { ticker } : {}), current);
        // A refused chain has its own card, with the reason and the choice to use it.
        if (current() && status.lastError && status.failures > 0 && status.lastError.kind !== 'refused') {
          patch({ error: `Refresh failed — ${describeProviderError(status.lastError)}. Showing the last good levels.` });
        }
      });
    },
    async acceptRefused() {
      const ticker = data.reply?.ticker;
      await run('Using the new chain…', async (current) => {
        await showReply(await sendMessage('acceptRefusedChain', ticker ? { ticker } : {}), current);
      });
    },
    async chooseGreek(greek) {
      patch({ greek });
      const ticker = data.reply?.ticker;
      if (!ticker || !data.reply?.levels) return;
      try {
        const heatmap = await sendMessage('getHeatmap', { ticker, greek });
        // The card may have moved to another ticker meanwhile: its own heatmap comes with it.
        if (heatmap.ticker === ticker) setData((now) => (now.reply?.ticker === ticker && now.greek === greek ? { ...now, heatmap } : now));
      } catch (reason) {
        patch({ error: (reason as Error).message });
      }
    },
    async useSample() {
      await run('Loading the bundled sample…', async (current) => {
        const settings = await sendMessage('updateSettings', { provider: 'sample', ticker: SAMPLE_SNAPSHOT.underlying });
        if (current()) patch({ settings });
        await showReply(await sendMessage('getLevels', { ticker: SAMPLE_SNAPSHOT.underlying }), current);
      });
    },
    async forgetRecent(ticker) {
      const recents = data.settings?.recents.filter((recent) => recent !== ticker) ?? [];
      try {
        patch({ settings: await sendMessage('updateSettings', { recents }) });
      } catch (reason) {
        patch({ error: (reason as Error).message });
      }
    },
    awaitDate: (label) =>
      patch({
        pending:
          label && data.reply?.levels ? `Pick the date for “${label}”: these numbers are for ${data.reply.levels.expiryFilter}` : null,
      }),
    setSettings: (settings) => patch({ settings }),
    setError: (error) => patch({ error }),
  };
  return [data, actions];
}
