/**
 * Level history, the previous session's lines and alerts in real Chromium:
 * - three chain files of three dates imported make a three-session history, each session holding the
 *   flip and walls `npm run levels -- FILE --json` gives for its own file (in the popup's table too);
 * - the previous session's flip and walls are drawn on an open chart page as "prev" lines
 *   (data-prev-level), on the chart's own y for their price, and the panel's switch hides them;
 * - a local data server whose second chain moves spot across the flip fires exactly one alert, and a
 *   third identical refresh fires none.
 *
 * The project holds one real chain file per underlying; the other dates are derived from it for this
 * test (tests/shifted-chain.ts): every date in the file — the Date line, each row's expiration and each
 * OCC symbol — moves by whole weeks (weekdays stay true, each expiry stays as far from as-of), and the
 * underlying's last price is set, so each derived session has levels of its own. The derived files are
 * written to a temporary folder and read by the levels command like any file.
 * Data reaches the extension from this test's localhost server (custom URL) or through importChain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromiumWithExtension, type ExtensionBrowser } from './helpers/chromium';
import { startServer, type TestServer } from './helpers/server';
import { fixturesDir, pagesDir, projectRoot } from './helpers/paths';
import { ask } from './helpers/protocol';
import { levelsCommand } from './helpers/levels-cli';
import { shiftCboeCsv } from '../shifted-chain';
import { DEFAULT_ALERTS } from '../../lib/alerts/alert-settings';
import type { AlertsReply, HistoryEntry } from '../../lib/protocol';

const SPX_FILE = join(projectRoot, 'assets/sample/cboe-spx-2024-01-07.csv.gz');
const NVDA_FILE = join(fixturesDir, 'cboe-nvda-2025-01-06.csv.gz');
const TOLERANCE_PX = 1.5;

const gunzipText = async (file: string) => gunzipSync(await readFile(file)).toString('utf8');

/** Runs in the page: the overlay's previous-session lines, with their centre and the chart's own y for their price. */
function previousLines() {
  const root = document.querySelector('gexmap-overlay')?.shadowRoot;
  const api = (window as unknown as { chartApi: { priceToY(price: number): number } }).chartApi;
  return [...(root?.querySelectorAll<HTMLElement>('[data-prev-level]') ?? [])].map((element) => {
    const rect = element.getBoundingClientRect();
    const price = Number(element.dataset.price);
    return {
      level: element.dataset.prevLevel!,
      price,
      session: element.dataset.session!,
      centre: rect.top + rect.height / 2,
      expected: api.priceToY(price),
      label: element.textContent ?? '',
      hasDataLevel: element.hasAttribute('data-level'),
    };
  });
}

describe('Chromium: level history, previous session lines, alerts', () => {
  let browser: ExtensionBrowser;
  let server: TestServer;
  let page: Page;
  let work: string;

  const openPopup = async () => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    return popup;
  };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'gexmap-history-'));
    server = await startServer({ '/pages/': pagesDir });
    browser = await launchChromiumWithExtension();
    page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("three chain files of three dates make three sessions, each with its own file's flip and walls (as the levels command gives them)", async () => {
    const nvda = await gunzipText(NVDA_FILE);
    // Dec 30, 2024 and Jan 13, 2025 derived from the real Jan 6, 2025 file; imported oldest first.
    const files: [string, string][] = [
      ['nvda-2024-12-30.csv', shiftCboeCsv(nvda, { weeks: -1, spot: 146.1 })],
      ['nvda-2025-01-06.csv', nvda],
      ['nvda-2025-01-13.csv', shiftCboeCsv(nvda, { weeks: 1, spot: 162 })],
    ];
    const expected: Awaited<ReturnType<typeof levelsCommand>>[] = [];
    for (const [name, text] of files) {
      const path = join(work, name);
      await writeFile(path, text);
      expected.push(await levelsCommand(path));
      await ask(page, 'importChain', { text, name });
    }
    const history = await ask<HistoryEntry[]>(page, 'getHistory', { ticker: 'NVDA' });
    expect(history.map((entry) => entry.session)).toEqual(['2024-12-30', '2025-01-06', '2025-01-13']);
    history.forEach((entry, index) => {
      expect(entry.latest.flip).toBeCloseTo(expected[index].flip, 9);
      expect(entry.latest.callWall).toBe(expected[index].callWall);
      expect(entry.latest.putWall).toBe(expected[index].putWall);
      expect(entry.latest.spot).toBe(expected[index].spot);
    });
    // Each file's own walls: a history that mixed files up could not match all three.
    expect(expected.map((levels) => levels.callWall)).toEqual([140, 150, 160]);
    // Importing a session again replaces it: still three.
    await ask(page, 'importChain', { text: files[1][1], name: 'nvda-2025-01-06-again.csv' });
    expect((await ask<HistoryEntry[]>(page, 'getHistory', { ticker: 'NVDA' })).map((entry) => entry.session)).toEqual([
      '2024-12-30',
      '2025-01-06',
      '2025-01-13',
    ]);

    // The popup (on the file imported last): the history section, closed until opened, shows the three
    // sessions newest first, with their changes.
    const popup = await openPopup();
    await expect.poll(() => popup.getByTestId('spot').textContent(), { timeout: 10000 }).toBe('150.28');
    await popup.getByRole('tab', { name: 'History', exact: true }).click();
    expect(await popup.locator('#history-heading').textContent()).toBe('History and alerts · NVDA');
    const rows = popup.getByTestId('history-table').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10000 }).toBe(3);
    expect(await rows.evaluateAll((items) => items.map((row) => row.getAttribute('data-session')))).toEqual([
      '2025-01-13',
      '2025-01-06',
      '2024-12-30',
    ]);
    const shown = await rows.evaluateAll((items) =>
      items.map((row) =>
        ['row-flip', 'row-call-wall', 'row-put-wall'].map((id) =>
          Number(row.querySelector(`[data-testid="${id}"]`)!.getAttribute('data-value')),
        ),
      ),
    );
    expect(shown.map(([flip, call, put]) => [flip.toFixed(6), call, put])).toEqual(
      [...expected].reverse().map((levels) => [levels.flip.toFixed(6), levels.callWall, levels.putWall]),
    );
    // Day-over-day: Jan 13 against Jan 6, call wall +10.
    expect(await rows.first().locator('[data-testid="row-call-wall"] .change').textContent()).toBe('+10');
    await expect.poll(() => popup.getByTestId('history-chart').locator('canvas').count(), { timeout: 10000 }).toBeGreaterThan(0);
    // Export: a CSV of the three sessions.
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('export-history').click()]);
    expect(download.suggestedFilename()).toBe('gexmap-history-NVDA-2025-01-13.csv');
    const csv = (await readFile(await download.path(), 'utf8')).trim().split('\n');
    expect(csv).toHaveLength(4);
    expect(csv[3]).toMatch(/^NVDA,2025-01-13,2025-01-14T02:30:00\.000Z,162,125\.83,160,140,positive,/);
    // Today: the latest session's refreshes, on New York time.
    await popup.getByRole('tab', { name: 'Today' }).click();
    expect(await popup.getByTestId('today-caption').textContent()).toMatch(
      /^Mon Jan 13, 2025: spot at each of 1 refresh against the flip and the walls as they stood then \(New York time, EST\)\.$/,
    );
    await expect.poll(() => popup.getByTestId('today-chart').locator('canvas').count(), { timeout: 10000 }).toBeGreaterThan(0);
    await popup.close();
  });

  it("draws the previous session's flip and walls as prev lines on an open chart, on the chart's y, beside today's; the panel hides them", async () => {
    // The previous session: the sample moved a week back (Sun Dec 31, 2023: Friday Dec 29's data), spot 4660.
    const previousText = shiftCboeCsv(await gunzipText(SPX_FILE), { weeks: -1, spot: 4660, keepExpiries: true });
    const previousPath = join(work, 'spx-2023-12-31.csv');
    await writeFile(previousPath, previousText);
    const previous = await levelsCommand(previousPath);
    const today = await levelsCommand(SPX_FILE);
    await ask(page, 'importChain', { text: previousText, name: 'spx-2023-12-31.csv' });
    await ask(page, 'importChain', { text: await gunzipText(SPX_FILE), name: 'spx-2024-01-07.csv' });
    await ask(page, 'setSiteEnabled', { pattern: 'http://127.0.0.1/*', enabled: true });

    const chart = await browser.context.newPage();
    await chart.setViewportSize({ width: 1100, height: 700 });
    await chart.goto(`${server.origin}/pages/chart.html`);
    await expect.poll(async () => (await chart.evaluate(previousLines)).length, { timeout: 15000 }).toBe(3);
    const lines = await chart.evaluate(previousLines);
    expect(lines.map((line) => [line.level, line.price, line.session])).toEqual([
      ['flip', previous.flip, '2023-12-29'],
      ['call-wall', previous.callWall, '2023-12-29'],
      ['put-wall', previous.putWall, '2023-12-29'],
    ]);
    expect(previous.putWall).toBe(4600); // not today's 4700: the lines are the other session's
    for (const line of lines) {
      expect(Math.abs(line.centre - line.expected)).toBeLessThanOrEqual(TOLERANCE_PX);
      expect(line.label).toMatch(/^prev /);
      expect(line.hasDataLevel).toBe(false);
    }
    expect(lines[0].label).toBe(`prev Flip ${previous.flip.toFixed(1)} · Dec 29`);
    // Today's lines are still the only [data-level] elements.
    const current = await chart
      .locator('gexmap-overlay [data-level]')
      .evaluateAll((items) => items.map((item) => [item.getAttribute('data-level'), Number(item.getAttribute('data-price'))]));
    expect(current).toEqual([
      ['flip', today.flip],
      ['call-wall', today.callWall],
      ['put-wall', today.putWall],
    ]);

    // The panel's switch hides them on this site, and shows them again.
    await chart.locator('gexmap-overlay .gx-pill').click();
    const toggle = chart.locator('gexmap-overlay [data-switch="previous"]');
    await toggle.uncheck();
    await expect.poll(async () => (await chart.evaluate(previousLines)).length, { timeout: 10000 }).toBe(0);
    expect(await chart.locator('gexmap-overlay [data-level]').count()).toBe(3);
    await toggle.check();
    await expect.poll(async () => (await chart.evaluate(previousLines)).length, { timeout: 10000 }).toBe(3);
    // The setting turns them off everywhere (on by default).
    const settings = await ask<{ lines: Record<string, unknown> }>(page, 'getSettings');
    expect(settings.lines.previous).toBe(true);
    await ask(page, 'updateSettings', { lines: { ...settings.lines, previous: false } });
    await expect.poll(async () => (await chart.evaluate(previousLines)).length, { timeout: 10000 }).toBe(0);
    expect(await chart.locator('gexmap-overlay [data-level]').count()).toBe(3);
    await ask(page, 'updateSettings', { lines: settings.lines });
    await chart.close();
  });

  it('a second chain that moves spot across the flip fires exactly one alert, and a third identical one none', async () => {
    await ask(page, 'clearData');
    const sample = await gunzipText(SPX_FILE);
    // 10:52 AM: spot 4697.24, below the flip (4724.7); 10:57 AM: 4750, above it by more than the hysteresis band.
    const bodies = [sample, shiftCboeCsv(sample, { weeks: 0, spot: 4750, time: '10:57 AM' })];
    let served = 0;
    let body = bodies[0];
    server.route('/chains/SPX.csv', (_request, response) => {
      served++;
      response.writeHead(200, { 'content-type': 'text/csv' });
      response.end(body);
    });
    // Only the flip and the regime: the same move also takes the put wall from 4700 to 4800 (GEX depends
    // on spot), a level move its own trigger would rightly report; this test is about one crossing.
    const alerts = {
      ...DEFAULT_ALERTS,
      tickers: ['SPX'],
      triggers: { flipCross: true, regimeChange: true, wallNear: false, levelMove: false },
    };
    await ask(page, 'updateSettings', {
      provider: 'custom',
      customUrl: `${server.origin}/chains/{ticker}.csv`,
      ticker: 'SPX',
      expiryFilter: 'all',
      alerts,
    });

    await ask(page, 'refresh', { ticker: 'SPX' });
    let reply = await ask<AlertsReply>(page, 'getAlerts', { ticker: 'SPX' });
    expect(reply.log).toEqual([]);
    expect(reply.lastCheck?.price).toBe(4697.2402);

    body = bodies[1];
    await ask(page, 'refresh', { ticker: 'SPX' });
    reply = await ask<AlertsReply>(page, 'getAlerts', { ticker: 'SPX' });
    expect(reply.log).toHaveLength(1);
    const firstCheck = reply.lastCheck!.at;

    await ask(page, 'refresh', { ticker: 'SPX' });
    reply = await ask<AlertsReply>(page, 'getAlerts', { ticker: 'SPX' });
    expect(served).toBe(3);
    // The third refresh was checked (a later check) and fired nothing.
    expect(reply.lastCheck!.at).toBeGreaterThan(firstCheck);
    expect(reply.log).toHaveLength(1);
    const [alert] = reply.log;
    expect(alert).toMatchObject({
      ticker: 'SPX',
      trigger: 'flip-cross',
      price: 4750,
      source: { kind: 'provider', label: 'Custom URL', asOf: Date.parse('2024-01-07T15:57:00Z') },
    });
    expect(alert.message).toMatch(
      /^SPX at 4,750\.00 is now above the gamma flip 4,724\.7 \(it was below\)\. The regime is now positive gamma .*Price: Custom URL, as of Sun Jan 7, 2024, 10:57 AM EST \(/,
    );
    // The notifications permission was never granted here: the alert is in the log, said not shown.
    expect(alert.notified).toBe(false);

    // The popup's alerts tab: on for SPX, the notifications note, the one alert.
    const popup = await openPopup();
    await expect.poll(() => popup.getByTestId('spot').textContent(), { timeout: 10000 }).toBe('4,750.00');
    await popup.getByRole('tab', { name: 'History', exact: true }).click();
    expect(await popup.locator('#history-heading').textContent()).toBe('History and alerts · SPX');
    await popup.getByRole('tab', { name: 'Alerts' }).click();
    await expect.poll(() => popup.getByTestId('alert-log').locator('li').count(), { timeout: 10000 }).toBe(1);
    expect(await popup.getByTestId('alerts-on').isChecked()).toBe(true);
    expect(await popup.getByTestId('alert-log').locator('li').getAttribute('data-trigger')).toBe('flip-cross');
    expect(await popup.getByTestId('notifications-off').isVisible()).toBe(true);
    expect(await popup.getByTestId('alert-last-check').textContent()).toMatch(
      /^Last checked .*: 4,750\.00 from Custom URL, as of Sun Jan 7, 2024, 10:57 AM EST/,
    );
    // Turning alerts off for SPX from the popup (no permission asked for that).
    await popup.getByTestId('alerts-on').click();
    await expect.poll(() => popup.getByTestId('alerts-on').isChecked()).toBe(false);
    await expect.poll(async () => (await ask<AlertsReply>(page, 'getAlerts', { ticker: 'SPX' })).on, { timeout: 10000 }).toBe(false);
    await popup.close();
  });
});
