/** Everything the overlay draws, from one state object the controller computes. */
import { HELP_TERMS, helpText, type HelpTermId } from '../../../lib/format/help-terms';
import type { PlotRect } from '../../../lib/chart/mapping';
import type { ChartLevels } from '../../../lib/protocol';
import { staleNow, type ChartDrawing, type Hideable, type LineColours } from '../../../lib/chart/levels';
import type { ReaderNote } from '../../../lib/chart/readers';
import { Lines } from './Lines';
import { Panel, type PanelPlace } from './Panel';
import { useState } from 'preact/hooks';
import { Heatmap } from '../../../components/Heatmap';
import { HeatmapMeasureSwitch } from '../../../components/HeatmapMeasureSwitch';
import type { HeatmapMeasure } from '../../../lib/gex/heatmap-scale';
import type { HeatmapGrid } from '../../../lib/gex/heatmap';
import type { Levels } from '../../../lib/gex/levels';
import { CalibrationHandles, type HandleDraft } from './CalibrationHandles';
import { describeAsOf } from '../../../lib/format/time';
import { REGIMES } from '../../../lib/gex/regimes';

export interface OverlayViewState {
  /** The chart's own background: the overlay's colours follow it. */
  theme: 'light' | 'dark';
  /** Levels hidden from the panel on this site. */
  hidden: Hideable[];
  reader: ReaderNote | null;
  drawings: ChartDrawing[];
  /** What the background said the active chart draws (null until it answered). */
  chart: ChartLevels | null;
  /** The active chart's pane (calibration handles go there). */
  activePlot: PlotRect | null;
  panel: PanelPlace;
  calibrating: boolean;
  calibrationError: string | null;
  message: string | null;
  now: number;
  colours: LineColours | null;
}

export interface OverlayActions {
  placePanel: (place: PanelPlace) => void;
  startCalibration: () => void;
  saveCalibration: (handles: [HandleDraft, HandleDraft]) => void;
  cancelCalibration: () => void;
  toggle: (kind: Hideable, shown: boolean) => void;
}

const SWITCHES: [Hideable, string][] = [
  ['flip', 'Flip'],
  ['flip-band', 'Flip band'],
  ['call-wall', 'Call wall'],
  ['put-wall', 'Put wall'],
  ['previous', 'Previous session'],
];

/** The help each switch and the panel's numbers carry (the popup's table; 'previous' says its own). */
const SWITCH_HELP: Partial<Record<Hideable, string>> = {
  flip: helpText('flip'),
  'flip-band': helpText('flip-band'),
  'call-wall': helpText('call-wall'),
  'put-wall': helpText('put-wall'),
  previous: 'Dashed: the previous session’s latest flip and walls, to see how far they moved.',
};

/** What the panel's glossary explains, in the order a trader meets it. */
const PANEL_HELP: HelpTermId[] = ['regime', 'flip', 'flip-band', 'call-wall', 'put-wall', 'heatmap', 'sign-model', 'age'];

/** The pill's glance: ticker, regime, flip. */
function Pill({ state }: { state: OverlayViewState }) {
  const levels = state.chart?.levels?.levels;
  const stale = state.chart?.levels ? staleNow(state.chart.levels, state.now) : false;
  if (!state.chart?.ticker || !levels) return <span>gexmap{state.chart?.ticker ? ` · ${state.chart.ticker}` : ''}</span>;
  return (
    <span>
      gexmap · <strong>{state.chart.ticker}</strong> {REGIMES[levels.regime].mark}
      {levels.flip !== null ? ` · flip ${(levels.flip + state.chart.basis).toFixed(1)}` : ''}
      {stale && <span class="gx-badge-stale"> · stale</span>}
    </span>
  );
}

function Status({ state }: { state: OverlayViewState }) {
  const { reader, message, now } = state;
  const ticker = state.chart?.ticker ?? null;
  const reply = state.chart?.levels ?? null;
  if (!ticker) return <span class="gx-muted">{state.chart?.problem ?? message ?? reader?.label ?? 'Looking for a chart…'}</span>;
  if (!reply) return <span class="gx-muted">{ticker}: loading levels…</span>;
  const error = reply.status.lastError;
  if (!reply.levels || !reply.source) {
    return (
      <span data-state="error">
        {ticker}: no levels{error ? ` — ${error.message}` : ''}
      </span>
    );
  }
  const stale = staleNow(reply, now);
  const old = reply.oldAfter !== null && now >= reply.oldAfter;
  return (
    <span data-state={stale ? 'stale' : old ? 'old' : 'ok'}>
      {ticker} · {reply.levels.regime} γ · {reply.source.sample ? 'SAMPLE · ' : ''}
      {reply.source.delayed ? 'delayed · ' : ''}
      {describeAsOf(reply.source.asOf, now)}
      {old && <span class="gx-badge-stale"> · old data: not today's</span>}
      {stale && <span class="gx-badge-stale"> · stale{error ? `: ${error.message}` : ''}</span>}
      {state.chart?.basisNote && <span class="gx-muted"> · {state.chart.basisNote}</span>}
      {reader && (
        <span
          class="gx-muted"
          data-testid="gexmap-reader"
          data-reader={reader.dataReader}
          data-reads-page={reader.readsPage ? 'yes' : 'no'}
        >
          {' '}
          · {reader.label}
        </span>
      )}
    </span>
  );
}

/** The panel's heatmap with its net / |GEX| switch (a view choice: kept while the page lives, not saved). */
function PanelHeatmap({ grid, levels }: { grid: HeatmapGrid; levels: Levels }) {
  const [measure, setMeasure] = useState<HeatmapMeasure>('net');
  return (
    <>
      <p class="gx-switches">
        <HeatmapMeasureSwitch measure={measure} onChange={setMeasure} />
      </p>
      <Heatmap grid={grid} flip={levels.flip} callWall={levels.callWall} putWall={levels.putWall} measure={measure} />
    </>
  );
}

/** The lines of every chart (redrawn whenever a chart moves: kept small). */
export function LinesLayer({ state }: { state: OverlayViewState }) {
  return (
    <div class="gx-root" data-theme={state.theme}>
      {!state.calibrating &&
        state.drawings.map(
          (drawing) =>
            drawing.plot &&
            (drawing.placed.length > 0 || (drawing.previous?.length ?? 0) > 0) && (
              <Lines
                key={drawing.id}
                chart={drawing.id}
                placed={drawing.placed}
                previous={drawing.previous}
                plot={drawing.plot}
                zone={drawing.zone}
                colours={state.colours}
                stale={drawing.stale}
              />
            ),
        )}
    </div>
  );
}

/** The panel and the calibration handles (redrawn only when what they show changed). */
export function PanelLayer({ state, actions }: { state: OverlayViewState; actions: OverlayActions }) {
  const levels = state.chart?.levels?.levels ?? null;
  const heatmap = state.chart?.heatmap ?? null;
  return (
    <div class="gx-root" data-theme={state.theme}>
      {state.calibrating && state.activePlot && (
        <CalibrationHandles
          plot={state.activePlot}
          onSave={actions.saveCalibration}
          onCancel={actions.cancelCalibration}
          error={state.calibrationError}
        />
      )}
      {/* While calibrating, the panel steps aside so it cannot cover the handles. */}
      {!state.calibrating && (
        <Panel
          place={state.panel}
          onPlace={actions.placePanel}
          title="gexmap"
          pill={<Pill state={state} />}
          pillAction={
            // No line can be placed until the trader calibrates: say so on the closed pill too.
            state.reader?.offerCalibration && state.reader.id !== 'calibration' ? (
              <button
                type="button"
                class="gx-pill-action"
                data-action="calibrate"
                title="gexmap cannot read this chart's price axis: drag two handles onto prices you can read."
                onClick={actions.startCalibration}
              >
                Calibrate
              </button>
            ) : undefined
          }
          status={<Status state={state} />}
        >
          {levels && (
            <p class="gx-switches" aria-label="Levels drawn on this site">
              {SWITCHES.filter(([kind]) => kind !== 'previous' || state.chart?.previous).map(([kind, label]) => (
                <label key={kind} title={SWITCH_HELP[kind]}>
                  <input
                    type="checkbox"
                    data-switch={kind}
                    checked={!state.hidden.includes(kind)}
                    onChange={(event) => actions.toggle(kind, (event.target as HTMLInputElement).checked)}
                  />{' '}
                  {label}
                </label>
              ))}
            </p>
          )}
          {state.reader?.offerCalibration && (
            <p>
              <button type="button" data-action="calibrate" onClick={actions.startCalibration}>
                {state.reader.id === 'calibration' ? 'Recalibrate' : 'Calibrate this chart'}
              </button>{' '}
              <span class="gx-muted">gexmap cannot read this chart's price axis: drag two handles onto prices you can read.</span>
            </p>
          )}
          {heatmap && levels ? <PanelHeatmap grid={heatmap} levels={levels} /> : <span class="gx-muted">No heatmap yet.</span>}
          {levels && <p class="gx-muted">Sign model: {levels.signModel} (assumed). OI is not net dealer risk.</p>}
          {levels && (
            <details class="gx-help" data-testid="gexmap-help">
              <summary>What these mean</summary>
              <dl>
                {PANEL_HELP.map((id) => (
                  <div key={id}>
                    <dt>{HELP_TERMS[id].label}</dt>
                    <dd>{HELP_TERMS[id].text}</dd>
                  </div>
                ))}
              </dl>
            </details>
          )}
        </Panel>
      )}
    </div>
  );
}
