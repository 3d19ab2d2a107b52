/**
 * Drawing levels on a chart: the one table of level kinds (key, label, colour), which levels a chart
 * draws and with what labels, their placement on a mapping, label layout and the previous session's
 * lines. Code outside this folder enters through this file.
 */
export { stackLabels } from './label-layout';
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
export { DEFAULT_LINES, levelsToDraw, type LineChoice } from './level-labels';
export { describeFromSpot, placeLevels, type PlacedLevel } from './placement';
export { placePreviousLevels, type PlacedPreviousLevel } from './previous-lines';
