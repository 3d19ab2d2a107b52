/**
 * Which reader's charts are drawn and which readers run, from what each reported: the table's order,
 * a chart API stopping the page's own reading, TradingView's wait for its API, calibration offered
 * after the axis reader failed for a while (at once where no reader can reach the chart).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  NO_READER,
  OFFER_CALIBRATION_AFTER_MS,
  READERS,
  chooseReader,
  pageChart,
  sameReport,
  type ChartView,
  type ReaderChoice,
  type ReaderId,
  type ReaderState,
} from '../../../lib/chart/readers';
import type { PriceMapping } from '../../../lib/chart/mapping';

const LINEAR: PriceMapping = { kind: 'linear', intercept: 40 + 4850 * 1.6, slope: -1.6 };
const LOG: PriceMapping = { kind: 'log', intercept: 9000, slope: -1000 };
const PLOT = { left: 40, top: 40, width: 700, height: 400 };
const T0 = 1_000_000;
const ALL: ReaderId[] = ['tradingview', 'chart-api', 'axis-text', 'canvas-labels', 'calibration'];

const reading = (mapping: PriceMapping = LINEAR, note?: string): ReaderState => ({ charts: pageChart(mapping, PLOT), note });
const failing = (note: string | null = null): ReaderState => ({ charts: pageChart(null, null), note });
const layout = (count: number): ReaderState => ({
  charts: Array.from({ length: count }, (_, index): ChartView => ({
    id: String(index),
    symbol: 'SP:SPX',
    mapping: LINEAR,
    plot: PLOT,
    active: index === 0,
  })),
});

function choose(
  reports: Partial<Record<ReaderId, ReaderState>>,
  { running = ALL, hostname = 'example.com', now = T0 + 10_000, previous = null as ReaderChoice | null } = {},
): ReaderChoice {
  const map = new Map(Object.entries(reports) as [ReaderId, ReaderState][]);
  return chooseReader({ reports: map, running: new Set(running), hostname, startedAt: T0, now }, previous);
}
const runs = (choice: ReaderChoice) => ALL.filter((id) => choice.run.has(id));

describe('the readers table', () => {
  it("keeps the panel's data-reader names of the test contract apart from the readers' ids", () => {
    expect(Object.fromEntries(READERS.map((row) => [row.id, row.dataReader]))).toEqual({
      tradingview: 'tradingview',
      'chart-api': 'api',
      'axis-text': 'generic',
      'canvas-labels': 'canvas',
      calibration: 'calibration',
    });
    expect(NO_READER).toBe('none');
  });

  it("is what the README tells traders: the panel's labels, in the table's order", () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    // Italic words (single asterisks) in the README that are a reader's label, each where it first appears.
    const labels: string[] = READERS.map((row) => row.label);
    const named = [...readme.matchAll(/(?<!\*)\*([^*\n]+)\*(?!\*)/g)].map((match) => match[1]).filter((words) => labels.includes(words));
    expect([...new Set(named)]).toEqual(labels);
  });
});

describe('choosing the reader', () => {
  it("draws the first reader in the table's order that reads, named in the panel's words", () => {
    const all = {
      tradingview: layout(2),
      'chart-api': reading(LINEAR, 'ECharts'),
      'axis-text': reading(LOG),
      'canvas-labels': reading(),
      calibration: reading(),
    };
    const order: [ReaderId, string, string][] = [
      ['tradingview', 'tradingview', 'TradingView chart API (2 charts)'],
      ['chart-api', 'api', 'chart API: ECharts'],
      ['axis-text', 'generic', 'axis text, log scale'],
      ['canvas-labels', 'canvas', 'canvas labels, linear scale'],
      ['calibration', 'calibration', 'calibrated (by you: the price axis cannot be read)'],
    ];
    const reports: Partial<Record<ReaderId, ReaderState>> = { ...all };
    for (const [id, dataReader, label] of order) {
      const choice = choose(reports);
      expect([choice.current, choice.note.dataReader, choice.note.label]).toEqual([id, dataReader, label]);
      expect(choice.charts).toBe(reports[id]!.charts);
      // A reader that reports charts without a mapping reads nothing: the next one is drawn.
      reports[id] = failing();
    }
    expect(choose(reports).current).toBeNull();
    expect(choose({ tradingview: layout(1) }).note.label).toBe('TradingView chart API');
  });

  it("stops the page's own reading while a chart API reads, and starts it again once none does", () => {
    expect(runs(choose({ 'chart-api': reading() }))).toEqual(['tradingview', 'chart-api']);
    expect(runs(choose({ tradingview: layout(1), 'axis-text': failing() }))).toEqual(['tradingview', 'chart-api']);
    expect(choose({ 'chart-api': reading() }).note.readsPage).toBe(false);
    // The library's charts went away: the page's text and its canvas labels are read again.
    const back = choose({ 'chart-api': { charts: [], note: null } }, { running: ['tradingview', 'chart-api'] });
    expect(runs(back)).toEqual(['tradingview', 'chart-api', 'axis-text', 'canvas-labels']);
    expect(back.note.readsPage).toBe(true);
  });

  it("waits on tradingview.com for TradingView's API before reading the page's text (not its canvas labels)", () => {
    const early = { hostname: 'www.tradingview.com', now: T0 + 1000, running: ['tradingview', 'chart-api'] as ReaderId[] };
    const waiting = choose({}, early);
    expect(runs(waiting)).toEqual(['tradingview', 'chart-api', 'canvas-labels']);
    expect(waiting.recheckAt).toBe(T0 + 5000);
    expect(waiting.note.label).toBe('looking for a chart…');
    // Its API said there is none: the page is read at once; and after five seconds in any case.
    expect(runs(choose({ tradingview: { charts: [] } }, early))).toContain('axis-text');
    expect(runs(choose({}, { ...early, now: T0 + 5000 }))).toContain('axis-text');
    // Any other site (one merely named like it, too) reads its page at once.
    expect(runs(choose({}, { ...early, hostname: 'nottradingview.com' }))).toContain('axis-text');
  });

  it('runs calibration once the axis reader failed, offers it after it failed for a while, and keeps it while the page is read', () => {
    const failed = choose(
      { 'axis-text': failing('no column of numbers') },
      { running: ['tradingview', 'chart-api', 'axis-text', 'canvas-labels'] },
    );
    expect(runs(failed)).toContain('calibration');
    expect(failed.pageFailingSince).toBe(T0 + 10_000);
    expect(failed.note).toMatchObject({
      dataReader: 'none',
      label: 'no readable price axis on this page yet (no column of numbers)',
      offerCalibration: false,
    });
    const calibrationFound = { 'axis-text': failing(), calibration: { charts: pageChart(null, PLOT) } };
    const soon = choose(calibrationFound, { previous: failed, now: T0 + 10_000 + OFFER_CALIBRATION_AFTER_MS - 1 });
    expect(soon.note.offerCalibration).toBe(false);
    expect(soon.recheckAt).toBe(T0 + 10_000 + OFFER_CALIBRATION_AFTER_MS);
    // Nothing reads: calibration's chart is the page's (the background is asked for its levels, the handles go there).
    expect(soon.charts).toBe(calibrationFound.calibration.charts);
    expect(soon.activePlot).toEqual(PLOT);
    const later = choose(calibrationFound, { previous: soon, now: T0 + 10_000 + OFFER_CALIBRATION_AFTER_MS });
    expect(later.note.offerCalibration).toBe(true);
    // The axis reads again: it is drawn, calibration keeps running (and takes over at once should the axis fail again)...
    const axisBack = choose({ 'axis-text': reading(), calibration: reading() }, { previous: later });
    expect([axisBack.current, axisBack.pageFailingSince, axisBack.note.offerCalibration]).toEqual(['axis-text', null, false]);
    expect(runs(axisBack)).toContain('calibration');
    // ...until a chart API reads: the page is not read at all.
    expect(runs(choose({ 'chart-api': reading(), 'axis-text': reading(), calibration: reading() }, { previous: axisBack }))).not.toContain(
      'calibration',
    );
    // Calibrated and in use: offered again (to recalibrate).
    expect(choose({ 'axis-text': failing(), calibration: reading() }).note).toMatchObject({ id: 'calibration', offerCalibration: true });
  });

  it('says why where no reader can reach the chart, and offers calibration at once', () => {
    const frame = 'The chart is in a frame from another site';
    const first = choose({
      tradingview: { charts: [], unreachable: frame },
      'axis-text': failing(),
      calibration: { charts: pageChart(null, PLOT) },
    });
    expect(first.note).toMatchObject({ id: null, dataReader: 'none', label: frame, offerCalibration: true });
    // Not without a chart element to calibrate against.
    expect(
      choose({ tradingview: { charts: [], unreachable: frame }, 'axis-text': failing(), calibration: { charts: [] } }).note
        .offerCalibration,
    ).toBe(false);
  });
});

describe('a report that changes nothing drawn', () => {
  // y = 40 + (4850 - price) * 1.6; at 4700 a shift of the intercept by d moves the line d px.
  const moved = (px: number): ReaderState => reading({ ...LINEAR, intercept: LINEAR.intercept + px });
  it('is the same charts within a twentieth of a pixel at the reference price', () => {
    expect(sameReport(reading(), moved(0.04), 4700)).toBe(true);
    expect(sameReport(reading(), moved(0.1), 4700)).toBe(false);
    expect(sameReport(reading(), { charts: pageChart(LINEAR, { ...PLOT, top: 41 }) }, 4700)).toBe(false);
    expect(sameReport(layout(1), layout(2), 4700)).toBe(false);
  });

  it("of a reader that reads nothing, also says the same words (a reading reader's are not compared)", () => {
    expect(sameReport(failing('no labels'), failing('no labels'), 4700)).toBe(true);
    expect(sameReport(failing('no labels'), failing('3 columns of numbers'), 4700)).toBe(false);
    expect(sameReport({ charts: [] }, { charts: [], unreachable: 'The chart is in a frame from another site' }, 4700)).toBe(false);
    expect(sameReport(reading(LINEAR, 'fit A'), reading(LINEAR, 'fit B'), 4700)).toBe(true);
  });
});
