/**
 * A tab's charts change quickly (canvas labels first, then TradingView's API, then a symbol switch):
 * the subscription the background keeps is the tab's latest request, even when an earlier one, whose
 * levels took a fetch, finishes after it — else every later push draws charts the tab no longer shows.
 */
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { harness, SPX_URL, useCustomUrl } from './harness';
import { FIXTURES, fixtureText } from '../fixtures';

describe('subscriptions in the order the tab asked', () => {
  it('keeps the later request when the earlier one finishes last, and pushes what the tab shows now', async () => {
    const service = harness(new IDBFactory());
    await useCustomUrl(service);
    service.host.answer(SPX_URL, { body: fixtureText(FIXTURES.spx) });
    await service.questions.getLevels(); // SPX held
    // The popup's ticker is QQQ, whose data host does not answer (the fetch times out after 50 ms).
    service.host.answer(/QQQ/, { hang: true });
    await service.changes.update({ ticker: 'QQQ' });
    // First: follow the popup's ticker (this one waits on the data host).
    const first = service.subscriptions.subscribe(9, { follow: true });
    // Then, before it is answered: the chart turned out to be an ES1! chart.
    const second = service.subscriptions.subscribe(9, { symbols: ['CME_MINI:ES1!'] });
    const [firstPush, secondPush] = await Promise.all([first, second]);
    expect(firstPush.charts.map((chart) => [chart.symbol, chart.ticker])).toEqual([[null, 'QQQ']]);
    expect(secondPush.charts.map((chart) => chart.symbol)).toEqual(['CME_MINI:ES1!']);
    const kept = (await service.storage.subscriptions()).get(9);
    expect(kept).toMatchObject({ symbols: ['CME_MINI:ES1!'], follow: false });
    // A settings change pushes to the tab what it shows now: the ES1! chart.
    await service.changes.update({ lines: { ...(await service.questions.publicSettings()).lines, putWall: false } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await service.subscriptions.settingsChanged();
    const pushed = service.pushes.filter((entry) => entry.tabId === 9).at(-1)!.push;
    expect(pushed.charts.map((chart) => [chart.symbol, chart.ticker])).toEqual([['CME_MINI:ES1!', 'SPX']]);
  });
});
