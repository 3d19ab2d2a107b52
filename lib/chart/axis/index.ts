/**
 * Reading a price axis the way a person does: numeric tick labels (DOM, SVG or canvas text), grouped in
 * columns, paired with the tick marks or grid lines beside them, fitted robustly to a linear or log
 * scale, ranked against the expected price, and followed while the chart moves. Code outside this
 * folder enters through this file.
 */
export { choosePriceAxis } from './axis-choice';
export { scoreAxisFit, type AxisFit } from './axis-score';
export { CanvasLabelFrames } from './canvas-frames';
export { uprightCanvasLabels, type CanvasBox, type CanvasTextCall, type Matrix2D } from './canvas-label';
export { canvasRectMark } from './canvas-mark';
export { FOLLOW_AT_MOST_MS, followColumn, trackOf, type ColumnTrack } from './column-track';
export { readPriceAxis, readTickText, type AxisLabel, type HorizontalMark } from './price-axis';
export { horizontalSegments, type HorizontalSegment } from './svg-path';
export { svgTextTickY, textBoxTickY } from './text-anchor';
export { labelBands, reachesBand, type Band } from './tick-pairing';
export { parseTickValue } from './tick-text';
