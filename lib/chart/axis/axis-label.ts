/**
 * A candidate tick label as a reader found it (DOM, SVG or a canvas draw call), in viewport CSS px.
 * The box is where the text is; `tickY` is where its tick is, which is not the box's centre when a
 * chart offsets labels from their ticks (baselines, `dy`, labels drawn above grid lines).
 */

/**
 * How a label's tick y was found, best first:
 * - 'tick': paired with a tick mark or grid line the chart drew (exact);
 * - 'anchor': from the text's anchor and alignment (SVG y/dy/baseline, canvas textBaseline; see text-anchor.ts);
 * - 'box': the centre of the label's box (a constant offset from the tick cannot be seen by any fit).
 */
export type TickSource = 'tick' | 'anchor' | 'box';

export interface AxisLabel {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** The tick's y; the box's vertical centre when absent. */
  tickY?: number;
  /** How tickY was found; 'box' when tickY is absent, 'anchor' when present and unsaid. */
  tickSource?: TickSource;
}

export function labelTickY(label: AxisLabel): number {
  return label.tickY ?? (label.top + label.bottom) / 2;
}

export function labelTickSource(label: AxisLabel): TickSource {
  return label.tickY === undefined ? 'box' : (label.tickSource ?? 'anchor');
}

export function labelCentreY(label: AxisLabel): number {
  return (label.top + label.bottom) / 2;
}
