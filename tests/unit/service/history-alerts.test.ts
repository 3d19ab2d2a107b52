/**
 * History, previous lines and alerts through the composed background (what the browser runs):
 * imported files of three dates make three sessions, each with its own file's levels; a chart's push
 * carries the previous session's flip and walls; a refresh whose spot crosses the flip fires one alert,
 * and identical refreshes after it fire none.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { computeLevels } from '../../../lib/gex/levels';
import { parseChainText } from '../../../lib/chain/parse';
import { DEFAULT_ALERTS } from '../../../lib/alerts/alert-settings';
import type { FiredAlert } from '../../../lib/alerts/alert-model';
import { shiftCboeCsv } from '../../shifted-chain';
import { FIXTURES, fixtureText } from '../fixtures';
import { harness, MINUTE, SPX_URL, useCustomUrl } from './harness';

const NVDA_RATES = { rate: 0.04, dividend: 0 };
const SPX_RATES = { rate: 0.04, dividend: 0.013 };

describe('history, previous levels and alerts in the background', () => {
  let idb: IDBFactory;
  beforeEach(() => {
    idb = new IDBFactory();
  });

  it("imports of three dates give three sessions, each with its own file's levels, and day-over-day changes between them", async () => {
    const service = harness(idb);
    // One real NVDA file, and the same file moved a week earlier and a week later with spots of their own.
    const files = [
      ['nvda-2024-12-30.csv', shiftCboeCsv(fixtureText(FIXTURES.nvda), { weeks: -1, spot: 146.1 })],
      ['nvda-2025-01-06.csv', fixtureText(FIXTURES.nvda)],
      ['nvda-2025-01-13.csv', shiftCboeCsv(fixtureText(FIXTURES.nvda), { weeks: 1, spot: 162 })],
    ] as const;
    for (const [name, text] of files) await service.changes.importChain(text, name);
    const expected = files.map(([, text]) => computeLevels(parseChainText(text), NVDA_RATES));
    const reply = await service.questions.getSessionHistory({ ticker: 'NVDA' });
    expect(reply.rows.map((row) => row.session)).toEqual(['2024-12-30', '2025-01-06', '2025-01-13']);
    reply.rows.forEach((row, index) => {
      expect(row.spot).toBe(expected[index].spot);
      expect(row.flip).toBeCloseTo(expected[index].flip!, 9);
      expect([row.callWall, row.putWall]).toEqual([expected[index].callWall, expected[index].putWall]);
    });
    // The walls differ by file, so a mix-up could not pass unseen.
    expect(reply.rows.map((row) => row.callWall)).toEqual([140, 150, 160]);
    expect(reply.rows[1].change).toMatchObject({ callWall: 10, putWall: 0 });
    expect(reply.rows[1].change.spot).toBeCloseTo(150.2802 - 146.1, 9);
    expect(reply.rows[0].change).toEqual({ spot: null, flip: null, callWall: null, putWall: null });
    // The same session imported again replaces it: still three sessions, the new file's spot.
    await service.changes.importChain(shiftCboeCsv(fixtureText(FIXTURES.nvda), { weeks: 1, spot: 158 }), 'nvda-2025-01-13-again.csv');
    const again = await service.questions.getSessionHistory({ ticker: 'NVDA' });
    expect(again.rows.map((row) => [row.session, row.spot])).toEqual([
      ['2024-12-30', 146.1],
      ['2025-01-06', 150.2802],
      ['2025-01-13', 158],
    ]);
    expect(again.today).toMatchObject({ session: '2025-01-13' });
    expect(again.today!.path.map((point) => point.spot)).toEqual([158]);
  });

  it("a chart's push carries the previous session's flip and walls (none for the oldest session, none under another expiry filter)", async () => {
    const service = harness(idb);
    const previousText = shiftCboeCsv(fixtureText(FIXTURES.spx), { weeks: -1, spot: 4660, keepExpiries: true });
    await service.changes.importChain(previousText, 'spx-2023-12-31.csv');
    let push = await service.subscriptions.subscribe(3, { follow: true });
    expect(push.charts[0].previous).toBeNull();
    await service.changes.importChain(fixtureText(FIXTURES.spx), 'spx-2024-01-07.csv');
    push = await service.subscriptions.subscribe(4, { follow: true });
    const expected = computeLevels(parseChainText(previousText), SPX_RATES);
    expect(push.charts[0].previous).toEqual({
      session: '2023-12-29',
      asOf: '2023-12-31T15:52:00.000Z',
      flip: expected.flip,
      callWall: expected.callWall,
      putWall: expected.putWall,
    });
    expect(push.charts[0].previous!.putWall).toBe(4600); // not today's 4700: the other session's
    await service.changes.update({ expiryFilter: '0dte' });
    push = await service.subscriptions.subscribe(5, { follow: true });
    expect(push.charts[0].levels?.levels).not.toBeNull();
    expect(push.charts[0].previous).toBeNull();
  });

  it('a refresh whose spot crosses the flip fires one alert; identical refreshes after it fire none; the log and the last check say so', async () => {
    const shown: FiredAlert[] = [];
    const service = harness(idb, undefined, undefined, { notify: async (alert) => (shown.push(alert), true) });
    const { host, clock } = service;
    await useCustomUrl(service);
    await service.changes.update({ alerts: { ...DEFAULT_ALERTS, tickers: ['SPX'] } });
    // 10:52 AM: spot 4697.24, below the flip (4724.7); 10:57 AM: 4750, above it.
    host.answer(SPX_URL, { body: fixtureText(FIXTURES.spx) });
    await service.feeds.refresh('SPX', 'extension');
    expect((await service.alerts.reply('SPX')).log).toEqual([]);
    const above = shiftCboeCsv(fixtureText(FIXTURES.spx), { weeks: 0, spot: 4750, time: '10:57 AM' });
    host.answer(SPX_URL, { body: above });
    clock.now += 5 * MINUTE;
    await service.feeds.refresh('SPX', 'extension');
    for (let again = 0; again < 2; again++) {
      clock.now += 5 * MINUTE;
      await service.feeds.refresh('SPX', 'extension');
    }
    expect(host.calls).toHaveLength(4);
    const { log, lastCheck, on } = await service.alerts.reply('SPX');
    const crossings = log.filter((alert) => alert.trigger === 'flip-cross');
    expect(crossings).toHaveLength(1);
    expect(crossings[0]).toMatchObject({
      ticker: 'SPX',
      price: 4750,
      notified: true,
      source: { kind: 'provider', label: 'Custom URL', asOf: Date.parse('2024-01-07T15:57:00Z') },
    });
    expect(crossings[0].message).toContain('is now above the gamma flip 4,724.7 (it was below). The regime is now positive gamma');
    // The same move took the put wall from 4700 to 4800: a level move of its own, said once too.
    expect(log.map((alert) => alert.trigger).sort()).toEqual(['flip-cross', 'move:put-wall']);
    expect(shown.map((alert) => alert.id).sort()).toEqual(log.map((alert) => alert.id).sort());
    expect(on).toBe(true);
    expect(lastCheck).toMatchObject({ price: 4750, at: clock.now, source: 'provider' });
  });

  it('the schedule refreshes the tickers with alerts on, though no chart and no popup shows them', async () => {
    const service = harness(idb);
    await useCustomUrl(service);
    service.host.answer('http://127.0.0.1:9/chains/', (url) => ({
      body: fixtureText(url.endsWith('/SPY.csv') ? FIXTURES.spy : FIXTURES.spx),
    }));
    await service.feeds.onAlarm();
    expect(service.host.calls.map((call) => call.url)).toEqual([SPX_URL]);
    await service.changes.update({ alerts: { ...DEFAULT_ALERTS, tickers: ['SPY'] } });
    service.clock.now += 10 * MINUTE;
    await service.feeds.onAlarm();
    expect(
      service.host.calls
        .map((call) => call.url)
        .slice(1)
        .sort(),
    ).toEqual([SPX_URL, SPX_URL.replace('SPX', 'SPY')]);
  });

  it('fires nothing for a ticker with alerts off, for imported files and for the sample', async () => {
    const service = harness(idb);
    const { host, clock } = service;
    await useCustomUrl(service);
    host.answer(SPX_URL, { body: fixtureText(FIXTURES.spx) });
    await service.feeds.refresh('SPX', 'extension');
    host.answer(SPX_URL, { body: shiftCboeCsv(fixtureText(FIXTURES.spx), { weeks: 0, spot: 4750, time: '10:57 AM' }) });
    clock.now += 5 * MINUTE;
    await service.feeds.refresh('SPX', 'extension');
    expect((await service.alerts.reply('SPX')).log).toEqual([]);
    await service.changes.update({ alerts: { ...DEFAULT_ALERTS, tickers: ['SPX'] } });
    await service.changes.importChain(fixtureText(FIXTURES.spx), 'spx.csv');
    await service.changes.importChain(shiftCboeCsv(fixtureText(FIXTURES.spx), { weeks: 0, spot: 4750, time: '10:57 AM' }), 'spx-later.csv');
    expect(await service.alerts.feedUpdated('SPX')).toEqual([]);
    await service.changes.update({ provider: 'sample' });
    await service.feeds.refresh('SPX', 'extension');
    expect((await service.alerts.reply('SPX')).log).toEqual([]);
  });
});
