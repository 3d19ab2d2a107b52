/**
 * What the background hears of the page's charts: their symbols (null: a chart that follows the
 * popup's ticker), told on change only, and what it answers. Symbols the background paused (too many
 * new ones from this page in a minute) are asked for again once that minute has passed.
 */
import { sendMessage } from '../../utils/messaging';
import type { OverlayPush } from '../../lib/protocol';
import type { ChartView } from '../../lib/chart/readers';

/** When the background paused a page's new symbols, ask again after its minute has passed. */
const PAUSED_RETRY_MS = 61000;

export interface ChartSubscription {
  /** Tells the background these charts' symbols, when they changed. */
  follow(charts: readonly ChartView[]): void;
  /** A push came: where it paused symbols, `askAgain` is called (to follow the charts anew) after the pause. */
  pushed(push: OverlayPush, askAgain: () => void): void;
}

export function chartSubscription(onPush: (push: OverlayPush) => void, onError: (error: Error) => void): ChartSubscription {
  let subscribed: string | null = null;
  let retry = 0;
  return {
    follow(charts) {
      const symbols = [...new Set(charts.map((chart) => chart.symbol).filter((symbol): symbol is string => symbol !== null))].sort();
      const follow = charts.some((chart) => chart.symbol === null && chart.plot !== null);
      if (symbols.length === 0 && !follow) return;
      const key = JSON.stringify([symbols, follow]);
      if (key === subscribed) return;
      subscribed = key;
      void sendMessage('subscribe', { symbols, follow }).then((push) => {
        if (key === subscribed) onPush(push);
      }, onError);
    },
    pushed(push, askAgain) {
      if (!push.charts.some((chart) => chart.problem?.startsWith('gexmap paused'))) return;
      clearTimeout(retry);
      retry = window.setTimeout(() => {
        subscribed = null;
        askAgain();
      }, PAUSED_RETRY_MS);
    },
  };
}
