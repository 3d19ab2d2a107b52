import { describe, expect, it } from 'vitest';
import { chartInk } from '../../../lib/colour/chart-ink';
import { divergingColour } from '../../../lib/colour/diverging-scale';

/** WCAG contrast ratio of two #rrggbb colours, computed here from the sRGB definition. */
function contrast(one: string, two: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((start) => {
      const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
      return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(one), luminance(two)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

describe('profile chart colours', () => {
  it('colours bars with the heatmap scale ends: red below zero, teal above', () => {
    for (const theme of ['light', 'dark'] as const) {
      expect(chartInk(theme).negative).toBe(divergingColour(-1, 1, theme));
      expect(chartInk(theme).positive).toBe(divergingColour(1, 1, theme));
    }
  });

  it('draws spot and the curve in colours that read on the popup background of each theme', () => {
    // Backgrounds of entrypoints/popup/style.css: #ffffff (light), #131722 (dark). 3:1 is WCAG's bar for graphics.
    expect(contrast(chartInk('light').spot, '#ffffff')).toBeGreaterThan(3);
    expect(contrast(chartInk('dark').spot, '#131722')).toBeGreaterThan(3);
    expect(contrast(chartInk('light').curve, '#ffffff')).toBeGreaterThan(3);
    expect(contrast(chartInk('dark').curve, '#131722')).toBeGreaterThan(3);
    expect(chartInk('light').spot).not.toBe('#ffffff');
  });
});
