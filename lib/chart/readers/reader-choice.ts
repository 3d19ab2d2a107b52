/**
 * Which readers run and which one's charts are drawn, from what each reported: the first reader in
 * the table's order that reads wins. A chart API that reads stops the page's own reading (its text,
 * its canvas labels, calibration); the page's text waits on a site whose API comes late (TradingView)
 * until that API answered or its wait ran out; calibration runs once the page reader failed and is
 * offered after it failed for a while — at once when a reader says the chart is out of every reader's
 * reach. Pure: the clock comes in `now`.
 */
import type { PlotRect } from '../mapping';
import { NO_READER, READERS, reads, type ChartView, type ReaderId, type ReaderState } from './readers';

/** Calibration is offered once the page reader has read nothing this long. */
export const OFFER_CALIBRATION_AFTER_MS = 2500;

interface ReaderSituation {
  /** The latest report of each running reader (a stopped reader has none). */
  reports: ReadonlyMap<ReaderId, ReaderState>;
  running: ReadonlySet<ReaderId>;
  /** The page's host name: a reader's own site waits for its API. */
  hostname: string;
  /** When the overlay started, and now (ms, one clock). */
  startedAt: number;
  now: number;
}

/** The panel's words for the reader in use (`dataReader`: the test contract's name). */
export interface ReaderNote {
  id: ReaderId | null;
  dataReader: string;
  label: string;
  offerCalibration: boolean;
  /** Whether the page's own text is being read (only while no chart API reads). */
  readsPage: boolean;
}

export interface ReaderChoice {
  /** The reader whose charts are drawn, or null: none reads. */
  current: ReaderId | null;
  /** The charts drawn and told to the background: the current reader's; with none, calibration's (its plot is where the handles go). */
  charts: readonly ChartView[];
  /** The active chart's plot (else calibration's): the panel docks there, the handles go there. */
  activePlot: PlotRect | null;
  /** The readers that run from now on. */
  run: ReadonlySet<ReaderId>;
  note: ReaderNote;
  /** Since when the page reader reads nothing while it runs (null: it reads, or does not run). */
  pageFailingSince: number | null;
  /** When the clock alone may change this choice (a site's wait ends, calibration is offered); null: nothing ahead. */
  recheckAt: number | null;
}

type Row = (typeof READERS)[number];

const onSite = (hostname: string, hosts: readonly string[]) => hosts.some((host) => hostname === host || hostname.endsWith(`.${host}`));

/** The choice after `previous` (which remembers since when the page reader fails). */
export function chooseReader(situation: ReaderSituation, previous: ReaderChoice | null): ReaderChoice {
  const { reports, running, now } = situation;
  const rowsThat = (kind: Row['reads']) => READERS.filter((row) => row.reads === kind);
  const apiReads = rowsThat('api').some((row) => reads(reports.get(row.id)));
  // A site's own API comes late: its page is not read until that API answered, or its wait ran out.
  const waits = rowsThat('api').flatMap((row) =>
    'ownSite' in row && onSite(situation.hostname, row.ownSite.hosts) && !reports.has(row.id)
      ? [situation.startedAt + row.ownSite.waitMs]
      : [],
  );
  const waitEnds = waits.filter((end) => now < end);
  const pageRuns = !apiReads && waitEnds.length === 0;

  const pageReports = rowsThat('page').flatMap((row) => (running.has(row.id) && reports.has(row.id) ? [reports.get(row.id)!] : []));
  const pageFails = pageRuns && pageReports.length > 0 && !pageReports.some((state) => reads(state));
  const pageFailingSince = pageFails ? (previous?.pageFailingSince ?? now) : null;

  const run = new Set<ReaderId>();
  for (const row of READERS) {
    const runs =
      row.reads === 'api' ||
      (row.reads === 'drawing' && !apiReads) ||
      (row.reads === 'page' && pageRuns) ||
      (row.reads === 'user' && pageRuns && (running.has(row.id) || pageFailingSince !== null));
    if (runs) run.add(row.id);
  }

  const currentRow = READERS.find((row) => reads(reports.get(row.id))) ?? null;
  const current = currentRow ? reports.get(currentRow.id)! : null;
  const userState = rowsThat('user')
    .map((row) => reports.get(row.id))
    .find((state) => state !== undefined);
  const charts = current?.charts ?? userState?.charts ?? [];
  const active = charts.find((chart) => chart.active) ?? charts[0];
  const activePlot = active?.plot ?? userState?.charts[0]?.plot ?? null;

  const readsPage = rowsThat('page').some((row) => run.has(row.id));
  let note: ReaderNote;
  let offerAt: number | null = null;
  if (currentRow && current) {
    note = {
      id: currentRow.id,
      dataReader: currentRow.dataReader,
      label: currentRow.label + currentRow.detail(current),
      // Calibrated: offered again (to recalibrate).
      offerCalibration: currentRow.reads === 'user',
      readsPage,
    };
  } else {
    const unreachable = READERS.map((row) => reports.get(row.id)?.unreachable).find((reason) => reason) ?? null;
    const pageNote = pageReports.map((state) => state.note).find((reason) => reason);
    // Calibration needs a chart to calibrate: the user reader found one.
    const canCalibrate = Boolean(userState?.charts.some((chart) => chart.plot)) && pageFailingSince !== null;
    const offerCalibration = canCalibrate && (unreachable !== null || now - pageFailingSince >= OFFER_CALIBRATION_AFTER_MS);
    if (canCalibrate && !offerCalibration) offerAt = pageFailingSince + OFFER_CALIBRATION_AFTER_MS;
    note = {
      id: null,
      dataReader: NO_READER,
      label:
        unreachable ?? (readsPage ? `no readable price axis on this page yet${pageNote ? ` (${pageNote})` : ''}` : 'looking for a chart…'),
      offerCalibration,
      readsPage,
    };
  }
  const ahead = [...waitEnds, ...(offerAt !== null ? [offerAt] : [])];
  return {
    current: currentRow?.id ?? null,
    charts,
    activePlot,
    run,
    note,
    pageFailingSince,
    recheckAt: ahead.length ? Math.min(...ahead) : null,
  };
}
