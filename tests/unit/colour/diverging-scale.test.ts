import { describe, expect, it } from 'vitest';
import { hexToOklab, oklabToHex, oklch } from '../../../lib/colour/oklab';
import { divergingColour, rampStops, scalePosition, sequentialColour, signColours, type Theme } from '../../../lib/colour/diverging-scale';

const lightness = (hex: string) => hexToOklab(hex).L;
const chroma = (hex: string) => Math.hypot(hexToOklab(hex).a, hexToOklab(hex).b);
const THEMES: Theme[] = ['light', 'dark'];

describe('OKLab conversion', () => {
  it('matches the published reference values', () => {
    // Ottosson's table: sRGB red is (0.627955, 0.224863, 0.125846); white is L 1, black L 0.
    const red = hexToOklab('#ff0000');
    expect(red.L).toBeCloseTo(0.627955, 5);
    expect(red.a).toBeCloseTo(0.224863, 5);
    expect(red.b).toBeCloseTo(0.125846, 5);
    expect(hexToOklab('#ffffff').L).toBeCloseTo(1, 5);
    expect(hexToOklab('#000000').L).toBeCloseTo(0, 5);
  });

  it('round-trips a colour and keeps lightness when a colour is out of gamut', () => {
    expect(oklabToHex(hexToOklab('#26a69a'))).toBe('#26a69a');
    // Chroma 0.4 at L 0.5 is far outside sRGB: chroma is reduced, lightness kept.
    const fitted = oklabToHex(oklch(0.5, 0.4, 185));
    expect(lightness(fitted)).toBeCloseTo(0.5, 2);
    expect(chroma(fitted)).toBeLessThan(0.4);
  });
});

describe('diverging scale (net GEX)', () => {
  for (const theme of THEMES) {
    it(`${theme}: zero is the neutral grey, the same for any maximum`, () => {
      const neutral = divergingColour(0, 1e9, theme);
      expect(chroma(neutral)).toBeLessThan(0.005);
      expect(divergingColour(0, 5, theme)).toBe(neutral);
      expect(divergingColour(123, 0, theme)).toBe(neutral); // nothing to scale against
    });

    it(`${theme}: +v and −v have the same lightness, red below zero and teal above`, () => {
      for (const value of [0.1, 0.3, 0.5, 0.8, 1]) {
        const up = divergingColour(value * 2e9, 2e9, theme);
        const down = divergingColour(-value * 2e9, 2e9, theme);
        expect(Math.abs(lightness(up) - lightness(down))).toBeLessThan(0.005);
        const { a: upA } = hexToOklab(up);
        const { a: downA } = hexToOklab(down);
        expect(upA).toBeLessThan(0); // teal: green side of the a axis
        expect(downA).toBeGreaterThan(0); // red
      }
    });

    it(`${theme}: lightness moves away from the background monotonically with |v|`, () => {
      const sweep = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1].map((t) => lightness(divergingColour(t, 1, theme)));
      const steps = sweep.slice(1).map((value, index) => value - sweep[index]);
      if (theme === 'light')
        steps.forEach((step) => expect(step).toBeLessThan(0)); // darker on white
      else steps.forEach((step) => expect(step).toBeGreaterThan(0)); // lighter on a dark panel
    });

    it(`${theme}: clips beyond the maximum`, () => {
      expect(divergingColour(5e9, 1e9, theme)).toBe(divergingColour(1e9, 1e9, theme));
      expect(divergingColour(-5e9, 1e9, theme)).toBe(divergingColour(-1e9, 1e9, theme));
      expect(signColours(theme)).toEqual({ negative: divergingColour(-1e9, 1e9, theme), positive: divergingColour(1e9, 1e9, theme) });
    });
  }

  it('ends far enough from the background to be read on it', () => {
    // The light ramp ends darker than mid-grey, the dark ramp lighter: both away from their panel.
    expect(lightness(signColours('light').negative)).toBeLessThan(0.55);
    expect(lightness(signColours('dark').positive)).toBeGreaterThan(0.7);
  });

  it('places values on the scale as value / max, clipped to ±1', () => {
    expect(scalePosition(5e8, 1e9)).toBe(0.5);
    expect(scalePosition(-3e9, 1e9)).toBe(-1);
    expect(scalePosition(Number.NaN, 1)).toBe(0);
  });
});

describe('sequential scale (|GEX| concentration)', () => {
  for (const theme of THEMES) {
    it(`${theme}: neutral at zero, monotone in magnitude, clipped, sign-blind`, () => {
      expect(sequentialColour(0, 1, theme)).toBe(divergingColour(0, 1, theme));
      const sweep = [0, 0.25, 0.5, 0.75, 1].map((t) => lightness(sequentialColour(t, 1, theme)));
      const steps = sweep.slice(1).map((value, index) => value - sweep[index]);
      steps.forEach((step) => expect(theme === 'light' ? -step : step).toBeGreaterThan(0));
      expect(sequentialColour(3, 1, theme)).toBe(sequentialColour(1, 1, theme));
      expect(sequentialColour(-0.5, 1, theme)).toBe(sequentialColour(0.5, 1, theme));
    });
  }

  it('gives legend stops from one end to the other', () => {
    const stops = rampStops('diverging', 'light', 5);
    expect(stops).toEqual([-1, -0.5, 0, 0.5, 1].map((value) => divergingColour(value, 1, 'light')));
  });
});
