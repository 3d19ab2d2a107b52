/**
 * Draws the overlay's state into its two mounts: the lines every time (they move with the chart), the
 * panel only when what it shows changed (the age by the quarter minute, a new push, the reader...).
 */
import { h, render } from 'preact';
import type { ChartLevels } from '../../../lib/protocol';
import { LinesLayer, PanelLayer, type OverlayActions, type OverlayViewState } from './OverlayView';

export function overlayRenderer(mounts: { lines: Element; panel: Element }, actions: OverlayActions): (state: OverlayViewState) => void {
  let panelKey = '';
  return (viewState) => {
    const state = { ...viewState };
    render(h(LinesLayer, { state }), mounts.lines);
    const { reader, chart, activePlot, panel, calibrating, calibrationError, message, colours, theme, hidden } = state;
    const key =
      JSON.stringify([
        reader,
        panel,
        calibrating,
        calibrationError,
        message,
        colours,
        activePlot,
        theme,
        hidden,
        Math.floor(state.now / 15000),
      ]) + pushVersion(chart);
    if (key === panelKey) return;
    panelKey = key;
    render(h(PanelLayer, { state, actions }), mounts.panel);
  };
}

const pushVersions = new WeakMap<object, number>();
let nextPushVersion = 1;
/** A number per pushed object: a new push is a new number, the same one the same. */
function pushVersion(chart: ChartLevels | null): string {
  if (!chart) return ':none';
  let version = pushVersions.get(chart);
  if (version === undefined) pushVersions.set(chart, (version = nextPushVersion++));
  return `:${version}`;
}
