/** Everything the overlay draws, from one state object the controller computes. */
import type { PlacedLevel } from '../../../lib/chart/placement';
import type { PlotRect } from '../../../lib/chart/mapping';
import type { ChartLevels } from '../../../lib/protocol';
import type { LineColours } from '../../../lib/chart/level-kinds';
import { Lines } from './Lines';
import { Panel, type PanelPlace } from './Panel';
import { Heatmap } from '../../../components/Heatmap';
import { CalibrationHandles, type HandleDraft } from './CalibrationHandles';
import { formatAge } from '../../../lib/format/numbers';
import type { AdapterName } from '../adapters/adapter';

export interface OverlayViewState {
  adapter: AdapterName | null;
  plot: PlotRect | null;
  placed: PlacedLevel[];
  /** What the background said this chart draws (null until it answered). */
  chart: ChartLevels | null;
  panel: PanelPlace;
  calibrating: boolean;
  calibrationError: string | null;
  message: string | null;
  now: number;
  colours: LineColours | null;
}

export interface OverlayActions {
  placePanel(place: PanelPlace): void;
  startCalibration(): void;
  saveCalibration(handles: [HandleDraft, HandleDraft]): void;
  cancelCalibration(): void;
}

function Status({ state }: { state: OverlayViewState }) {
  const { adapter, message } = state;
  const ticker = state.chart?.ticker ?? null;
  const reply = state.chart?.levels ?? null;
  if (!ticker) return <span class="gx-muted">{message ?? 'Looking for a chart…'}</span>;
  if (!reply) return <span class="gx-muted">{ticker}: loading levels…</span>;
  const error = reply.status.lastError;
  if (!reply.levels || !reply.source) {
    return <span data-state="error">{ticker}: no levels{error ? ` — ${error.message}` : ''}</span>;
  }
  const ageMs = state.now - reply.source.asOf;
  // Recent data says how old it is; old data (the sample, a weekend file) says when it is from.
  const age = ageMs < 2 * 86400000 ? `${formatAge(ageMs)} ago` : new Date(reply.source.asOf).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  return (
    <span data-state={reply.stale ? 'stale' : 'ok'}>
      {ticker} · {reply.levels.regime} γ · {reply.source.sample ? 'SAMPLE · ' : ''}
      {reply.source.delayed ? 'delayed · ' : ''}as of {age}
      {reply.stale && <span class="gx-badge-stale"> · stale{error ? `: ${error.message}` : ''}</span>}
      {adapter && <span class="gx-muted"> · {adapter === 'tradingview' ? 'TradingView' : adapter === 'generic' ? 'axis read' : 'calibrated'}</span>}
    </span>
  );
}

export function OverlayView({ state, actions }: { state: OverlayViewState; actions: OverlayActions }) {
  const levels = state.chart?.levels?.levels ?? null;
  const heatmap = state.chart?.heatmap ?? null;
  return (
    <div class="gx-root" data-stale={String(Boolean(state.chart?.levels?.stale && levels))}>
      {state.plot && state.placed.length > 0 && !state.calibrating && <Lines placed={state.placed} plot={state.plot} colours={state.colours} />}
      {state.calibrating && state.plot && (
        <CalibrationHandles plot={state.plot} onSave={actions.saveCalibration} onCancel={actions.cancelCalibration} error={state.calibrationError} />
      )}
      {/* While calibrating, the panel steps aside so it cannot cover the handles. */}
      {!state.calibrating && <Panel place={state.panel} onPlace={actions.placePanel} title="gexmap" status={<Status state={state} />}>
        {state.adapter === 'calibration' && !state.calibrating && (
          <p>
            <button type="button" data-action="calibrate" onClick={actions.startCalibration}>
              {state.placed.length ? 'Recalibrate' : 'Calibrate this chart'}
            </button>{' '}
            <span class="gx-muted">This chart's axis is a canvas: set two prices you can read.</span>
          </p>
        )}
        {heatmap && levels ? (
          <Heatmap grid={heatmap} flip={levels.flip} callWall={levels.callWall} putWall={levels.putWall} />
        ) : (
          <span class="gx-muted">No heatmap yet.</span>
        )}
        {levels && <p class="gx-muted">Sign model: {levels.signModel} (assumed). OI is not net dealer risk.</p>}
      </Panel>}
    </div>
  );
}
