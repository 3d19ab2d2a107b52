/**
 * The icons the manifest lists: each PNG the size its name says, rendered from the SVG source
 * (scripts/render-icons.ts); the store's 128 px icon keeps Chrome Web Store's 16 px transparent margin;
 * the toolbar sizes fill their square (a tile, legible on light and dark toolbars).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodePng } from './png';

const iconDir = fileURLToPath(new URL('../../../assets/icon/', import.meta.url));
const alphaAt = (pixels: ReturnType<typeof decodePng>, x: number, y: number) => pixels.rgba[(y * pixels.width + x) * 4 + 3];

describe('the icons', () => {
  for (const size of [16, 32, 48, 128]) {
    it(`${size}.png is ${size}×${size} with a transparent background around an opaque mark`, () => {
      const pixels = decodePng(readFileSync(join(iconDir, `${size}.png`)));
      expect([pixels.width, pixels.height]).toEqual([size, size]);
      const margin = size === 128 ? 16 : 0;
      // The mark's centre is opaque; the square's corner is (mostly) clear: a rounded tile. The margin is clear.
      expect(alphaAt(pixels, size >> 1, size >> 1)).toBe(255);
      expect(alphaAt(pixels, 0, 0)).toBeLessThan(64);
      let opaqueOutside = 0;
      let opaqueInside = 0;
      for (let y = 0; y < size; y++)
        for (let x = 0; x < size; x++) {
          const inside = x >= margin && x < size - margin && y >= margin && y < size - margin;
          if (alphaAt(pixels, x, y) === 0) continue;
          if (inside) opaqueInside++;
          else opaqueOutside++;
        }
      expect(opaqueOutside).toBe(0);
      // A tile, not a glyph on nothing: most of the art square is covered.
      expect(opaqueInside / (size - 2 * margin) ** 2).toBeGreaterThan(0.9);
    });
  }

  it('has its SVG sources beside the PNGs', () => {
    expect(readFileSync(join(iconDir, 'icon.svg'), 'utf8')).toMatch(/^<svg [^>]*viewBox="0 0 128 128"/);
    expect(readFileSync(join(iconDir, 'icon-16.svg'), 'utf8')).toMatch(/^<svg [^>]*viewBox="0 0 16 16"/);
  });
});
