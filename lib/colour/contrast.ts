/**
 * WCAG 2 contrast: the relative luminance of an sRGB colour, the ratio between two, and the ink (black
 * or white) that reads best on a background — for marks drawn on coloured cells, where the cell's
 * colour varies with its value. Black or white always reaches 4.5:1 on any colour (their ranges meet
 * near luminance 0.18), so the better of the two is always legible as small text.
 */

const channel = (value: number) => (value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4);

/** WCAG relative luminance of `#rrggbb`, 0 (black) to 1 (white). */
function relativeLuminance(hex: string): number {
  const digits = hex.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((start) => channel(parseInt(digits.slice(start, start + 2), 16) / 255));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(first: string, second: string): number {
  const [light, dark] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

/** Black or white, whichever contrasts more with `background`. */
export function inkOn(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff';
}
