/**
 * Colour scales for exposure maps, built in OKLab so equal steps in value look like equal steps in
 * colour. Zero is a quiet neutral close to the background; the stronger a value, the further its
 * lightness moves away from the background (lighter on a dark panel, darker on a light one), so
 * "how much" reads by lightness alone and "which sign" by hue:
 *  - diverging (net GEX): red for negative (dealers short gamma), teal for positive (long gamma),
 *    symmetric: +v and −v have the same lightness;
 *  - sequential (|GEX| concentration): neutral to violet, the colour of the absolute-gamma level.
 * Values beyond the scale maximum are clipped to the end colour (see lib/gex/heatmap-scale.ts for how
 * the maximum is chosen).
 */
import { oklabToHex, oklch, type Oklab } from './oklab';

export type Theme = 'light' | 'dark';

interface Ramp {
  neutral: Oklab;
  negative: Oklab;
  positive: Oklab;
  concentrated: Oklab;
}

/** Hue angles (OKLCh degrees): teal and red like the level lines, violet like the absolute-gamma strike. */
const TEAL = 185;
const RED = 27;
const VIOLET = 320;

const RAMPS: Record<Theme, Ramp> = {
  // Near-white neutral; ends dark enough for white text contrast and for the eye to find them.
  light: {
    neutral: oklch(0.96, 0, 0),
    negative: oklch(0.5, 0.17, RED),
    positive: oklch(0.5, 0.1, TEAL),
    concentrated: oklch(0.45, 0.17, VIOLET),
  },
  // Neutral a step above the panel (#131722–#1e222d), ends bright.
  dark: {
    neutral: oklch(0.3, 0, 0),
    negative: oklch(0.76, 0.14, RED),
    positive: oklch(0.76, 0.12, TEAL),
    concentrated: oklch(0.78, 0.13, VIOLET),
  },
};

const mix = (from: Oklab, to: Oklab, t: number): Oklab => ({
  L: from.L + (to.L - from.L) * t,
  a: from.a + (to.a - from.a) * t,
  b: from.b + (to.b - from.b) * t,
});

/**
 * Where a value sits on the scale: −1 … 1 for the diverging scale (0 at zero), clipped beyond ±max.
 * A maximum of 0 (nothing to show) puts every value at 0.
 */
export function scalePosition(value: number, max: number): number {
  if (!(max > 0) || !Number.isFinite(value)) return 0;
  return Math.max(-1, Math.min(1, value / max));
}

/** Net exposure: red below zero, teal above, neutral at zero. */
export function divergingColour(value: number, max: number, theme: Theme): string {
  const position = scalePosition(value, max);
  const ramp = RAMPS[theme];
  return oklabToHex(mix(ramp.neutral, position < 0 ? ramp.negative : ramp.positive, Math.abs(position)));
}

/** Magnitude only (|net| or call + |put|): neutral at zero, violet at the maximum. */
export function sequentialColour(value: number, max: number, theme: Theme): string {
  const ramp = RAMPS[theme];
  return oklabToHex(mix(ramp.neutral, ramp.concentrated, Math.abs(scalePosition(value, max))));
}

/** The ends of the diverging scale: what bars and swatches elsewhere use for "negative" and "positive". */
export function signColours(theme: Theme): { negative: string; positive: string } {
  return { negative: divergingColour(-1, 1, theme), positive: divergingColour(1, 1, theme) };
}

/** Evenly spaced colours along a scale, for a CSS gradient in a legend. */
export function rampStops(kind: 'diverging' | 'sequential', theme: Theme, count = 9): string[] {
  return Array.from({ length: count }, (_, index) => {
    const t = index / (count - 1);
    return kind === 'diverging' ? divergingColour(t * 2 - 1, 1, theme) : sequentialColour(t, 1, theme);
  });
}
