/** Marks on heatmap cells: black or white ink, whichever reads, at WCAG's 4.5:1 for small text on every colour of both scales. */
import { describe, expect, it } from 'vitest';
import { contrastRatio, divergingColour, inkOn, sequentialColour } from '../../../lib/colour';

describe('contrast', () => {
  it("gives WCAG's ratios for known pairs", () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // #767676 on white is the classic lightest grey that passes 4.5:1 (4.54).
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
    expect(contrastRatio('#e53935', '#ffffff')).toBeCloseTo(contrastRatio('#ffffff', '#e53935'), 12);
  });

  it('picks black on light colours and white on dark ones', () => {
    expect(inkOn('#ffffff')).toBe('#000000');
    expect(inkOn('#f5f6f8')).toBe('#000000');
    expect(inkOn('#131722')).toBe('#ffffff');
    expect(inkOn('#c62828')).toBe('#ffffff');
  });

  it('reaches 4.5:1 on every colour of both heatmap scales in both themes', () => {
    let worst = Infinity;
    for (const theme of ['light', 'dark'] as const)
      for (let step = -200; step <= 200; step++) {
        for (const colour of [divergingColour(step / 200, 1, theme), sequentialColour(step / 200, 1, theme)])
          worst = Math.min(worst, contrastRatio(colour, inkOn(colour)));
      }
    expect(worst).toBeGreaterThanOrEqual(4.5);
  });
});
