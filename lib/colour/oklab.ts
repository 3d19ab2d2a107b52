/**
 * sRGB <-> OKLab (Björn Ottosson, 2020): a colour space where equal steps look like equal steps, so
 * a ramp interpolated in it reads as ordered. Pure arithmetic; hex strings in and out.
 */

export interface Oklab {
  /** Perceived lightness, 0 (black) to 1 (white). */
  L: number;
  a: number;
  b: number;
}

const toLinear = (channel: number) => (channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4);
const fromLinear = (channel: number) => (channel <= 0.0031308 ? 12.92 * channel : 1.055 * channel ** (1 / 2.4) - 0.055);

export function hexToOklab(hex: string): Oklab {
  const digits = hex.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((start) => toLinear(parseInt(digits.slice(start, start + 2), 16) / 255));
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return {
    L: 0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    a: 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    b: 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  };
}

/** Linear sRGB channels of an OKLab colour (outside 0–1 when the colour is out of gamut). */
function linearRgb({ L, a, b }: Oklab): [number, number, number] {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ];
}

const inGamut = (colour: Oklab) => linearRgb(colour).every((channel) => channel >= -1e-6 && channel <= 1 + 1e-6);

/**
 * The colour as #rrggbb. Out-of-gamut colours lose chroma (never lightness or hue), so a ramp keeps
 * the lightness it was designed with.
 */
export function oklabToHex(colour: Oklab): string {
  let fitted = colour;
  if (!inGamut(colour)) {
    let low = 0;
    let high = 1;
    for (let step = 0; step < 24; step++) {
      const middle = (low + high) / 2;
      if (inGamut({ L: colour.L, a: colour.a * middle, b: colour.b * middle })) low = middle;
      else high = middle;
    }
    fitted = { L: colour.L, a: colour.a * low, b: colour.b * low };
  }
  return `#${linearRgb(fitted)
    .map((channel) =>
      Math.round(Math.min(1, Math.max(0, fromLinear(Math.min(1, Math.max(0, channel))))) * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** OKLab from lightness, chroma and hue angle in degrees (OKLCh). */
export function oklch(L: number, chroma: number, hueDegrees: number): Oklab {
  const angle = (hueDegrees * Math.PI) / 180;
  return { L, a: chroma * Math.cos(angle), b: chroma * Math.sin(angle) };
}
