/**
 * Perceptual colour scales (OKLab) for the heatmap and the profile chart, and the canvas inks per theme.
 * Code outside this folder enters through this file.
 */
export { contrastRatio, inkOn } from './contrast';
export { chartInk, type ChartInk } from './chart-ink';
export { divergingColour, rampStops, scalePosition, sequentialColour, type Theme } from './diverging-scale';
