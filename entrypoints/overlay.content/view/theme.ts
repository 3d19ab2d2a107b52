/**
 * Light or dark, from the chart's own background: the colour painted under the middle of the plot —
 * the first opaque background up from the element there, or, for a canvas chart, the canvas's own
 * pixels beside the middle (read-only; a canvas another origin tainted keeps its secret).
 */
import type { PlotRect } from '../../../lib/chart/mapping';

export type Theme = 'light' | 'dark';

function parseColour(text: string): [number, number, number, number] | null {
  const match = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? 1 : Number(match[4])] : null;
}

/** Relative luminance (sRGB, 0 to 1). */
function luminance([r, g, b]: [number, number, number, number]): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The canvas's pixel at a viewport point, when the canvas is a 2D one whose pixels may be read. */
function canvasPixel(canvas: HTMLCanvasElement, x: number, y: number): [number, number, number, number] | null {
  try {
    const rect = canvas.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0 || canvas.width === 0) return null;
    // Only a canvas already drawn in 2D: getContext would otherwise pick the canvas's kind for the page.
    const context = canvas.getContext('2d', { willReadFrequently: false });
    if (!context) return null;
    const px = Math.floor(((x - rect.left) / rect.width) * canvas.width);
    const py = Math.floor(((y - rect.top) / rect.height) * canvas.height);
    const [r, g, b, a] = context.getImageData(px, py, 1, 1).data;
    return a > 128 ? [r, g, b, a / 255] : null;
  } catch {
    return null; // tainted by another origin, or not readable
  }
}

export function chartTheme(plot: PlotRect | null, ownHost: Element): Theme {
  const x = plot ? plot.left + plot.width * 0.5 : window.innerWidth / 2;
  const y = plot ? plot.top + Math.min(plot.height - 2, 6) : window.innerHeight / 2;
  // Near the plot's top edge, mid-width: background, not a candle (or our own panel, docked at a corner).
  const stack = document.elementsFromPoint(x, y).filter((element) => !ownHost.contains(element));
  for (const element of stack) {
    if (element instanceof HTMLCanvasElement) {
      const pixel = canvasPixel(element, x, y);
      if (pixel) return luminance(pixel) < 0.4 ? 'dark' : 'light';
      continue;
    }
    const colour = parseColour(getComputedStyle(element).backgroundColor);
    if (colour && colour[3] > 0.5) return luminance(colour) < 0.4 ? 'dark' : 'light';
    // SVG charts paint their background as a shape's fill.
    if (element instanceof SVGElement) {
      const fill = parseColour(getComputedStyle(element).fill);
      if (fill && fill[3] > 0.5 && element.tagName.toLowerCase() === 'rect') return luminance(fill) < 0.4 ? 'dark' : 'light';
    }
  }
  return 'light'; // nothing painted: the browser's white
}
