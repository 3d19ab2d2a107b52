/**
 * Drawing levels on a chart: the one table of level kinds (key, label, colour), which levels a chart
 * draws and with what labels, their placement on a mapping, label layout, the previous session's
 * lines, and what one chart draws from all of them. Code outside this folder enters through this file.
 */
export { chartDrawing, staleNow, type ChartDrawing, type LabelledLevel, type Zone } from './chart-drawing';
export { staggerRows } from './label-stagger';
export {
  DEFAULT_LINE_COLOURS,
  HIDEABLE,
  LEVEL_KINDS,
  SPOT_COLOUR,
  levelColour,
  levelKind,
  type Hideable,
  type LevelKind,
  type LineColours,
} from './level-kinds';
export { DEFAULT_LINES, type LineChoice } from './level-labels';
export { describeFromSpot } from './placement';
export { type PlacedPreviousLevel } from './previous-lines';
