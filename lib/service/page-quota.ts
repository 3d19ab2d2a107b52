/**
 * What pages may make the extension fetch. A content script asks only for the tickers its charts show,
 * but a page controls what its chart says: so each tab may bring up a few tickers a minute, and pages
 * together only so many tickers the extension does not hold yet per hour (each one is a fetch, and with
 * a keyed provider the user's quota). Time is passed in.
 */

/** Distinct tickers one tab may show in a minute (a trader flipping through a watchlist stays under it). */
export const TAB_TICKERS_PER_MINUTE = 6;
/** Tickers not yet held that pages may bring in per hour. */
export const NEW_TICKERS_PER_HOUR = 30;

const MINUTE = 60000;
const HOUR = 60 * MINUTE;

export class PageQuota {
  private readonly perTab = new Map<number, Map<string, number>>();
  private readonly newTickers = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  /**
   * May `tabId` show `ticker` now? `held`: the extension already has levels for it (no fetch needed).
   * A yes is counted; a no leaves the counts as they were.
   */
  allow(tabId: number, ticker: string, held: boolean): boolean {
    const now = this.now();
    const tab = this.perTab.get(tabId) ?? new Map<string, number>();
    for (const [known, at] of tab) if (now - at >= MINUTE) tab.delete(known);
    for (const [known, at] of this.newTickers) if (now - at >= HOUR) this.newTickers.delete(known);
    const seenInTab = tab.has(ticker);
    if (!seenInTab && tab.size >= TAB_TICKERS_PER_MINUTE) return false;
    const isNew = !held && !this.newTickers.has(ticker);
    if (isNew && this.newTickers.size >= NEW_TICKERS_PER_HOUR) return false;
    tab.set(ticker, seenInTab ? tab.get(ticker)! : now);
    this.perTab.set(tabId, tab);
    if (isNew) this.newTickers.set(ticker, now);
    return true;
  }

  forget(tabId: number): void {
    this.perTab.delete(tabId);
  }
}
