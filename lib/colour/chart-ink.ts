/**
 * Colours for lines and text drawn on a canvas (the profile chart), per theme: a canvas cannot follow
 * CSS, so each colour must itself read on the background it lands on. Bars take the heatmap's sign
 * colours, so red and teal mean the same thing in both views.
 */
import { signColours, type Theme } from './diverging-scale';
import { levelColour, SPOT_COLOUR } from '../chart/levels';

export interface ChartInk {
  /** Net GEX below and above zero (the heatmap's scale ends). */
  negative: string;
  positive: string;
  /** Total GEX across hypothetical spots, and the flip where it crosses zero. */
  curve: string;
  spot: string;
  axis: string;
  grid: string;
}

export function chartInk(theme: Theme): ChartInk {
  return {
    ...signColours(theme),
    // The flip's amber is too pale on white (contrast 1.8:1): a darker amber there.
    curve: theme === 'dark' ? levelColour('flip') : '#b26a00',
    // The spot blue is dim on a dark panel (3.6:1): a lighter blue there.
    spot: theme === 'dark' ? '#82a8ff' : SPOT_COLOUR,
    axis: theme === 'dark' ? '#a3a6af' : '#5d606b',
    grid: 'rgba(128,128,128,.18)',
  };
}
