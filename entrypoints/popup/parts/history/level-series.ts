/** The four lines the history charts draw, in one place: spot and the three levels, with their colours. */
import type uPlot from 'uplot';
import { levelColour, SPOT_COLOUR } from '../../../../lib/chart/levels';
import { formatPrice } from '../../../../lib/format/numbers';

export const LEVEL_SERIES: uPlot.Series[] = [
  { label: 'Spot', stroke: SPOT_COLOUR, width: 2, value: (_u, value) => formatPrice(value ?? null) },
  { label: 'Flip', stroke: levelColour('flip'), width: 1.5, value: (_u, value) => formatPrice(value ?? null, 1) },
  { label: 'Call wall', stroke: levelColour('call-wall'), width: 1.5, value: (_u, value) => formatPrice(value ?? null, 0) },
  { label: 'Put wall', stroke: levelColour('put-wall'), width: 1.5, value: (_u, value) => formatPrice(value ?? null, 0) },
];

export const AXIS_STYLE = { stroke: '#888', grid: { stroke: 'rgba(128,128,128,.15)' }, ticks: { stroke: 'rgba(128,128,128,.3)' } };
