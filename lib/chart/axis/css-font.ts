/**
 * The font size in a CSS font shorthand, as canvas `ctx.font` holds it: "bold 11px -apple-system,
 * BlinkMacSystemFont", "12px/1.2 Trebuchet MS", "italic small-caps 700 9pt Georgia", "0.75em Arial".
 * The size is the first token with a length unit or a size keyword (a bare number is a weight).
 */

const KEYWORD_PX: Record<string, number> = {
  'xx-small': 9,
  'x-small': 10,
  small: 13,
  medium: 16,
  large: 18,
  'x-large': 24,
  'xx-large': 32,
  'xxx-large': 48,
};

const ABSOLUTE_PX: Record<string, number> = { px: 1, pt: 4 / 3, pc: 16, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, q: 96 / 101.6 };

/**
 * Size in CSS px, or null (system fonts such as "caption", viewport units). Relative units resolve
 * against `basePx` (the element's font size; canvas default 10px is the usual caller's 16px parent)
 * and `rootPx`; ex and ch count as half an em.
 */
export function cssFontSizePx(font: string, basePx = 16, rootPx = 16): number | null {
  // A chart draws every label of a frame in one or two fonts: parse each once.
  const key = `${font}|${basePx}|${rootPx}`;
  const known = sizes.get(key);
  if (known !== undefined) return known;
  const size = parseFontSize(font, basePx, rootPx);
  if (sizes.size >= MAX_REMEMBERED) sizes.clear();
  sizes.set(key, size);
  return size;
}

const sizes = new Map<string, number | null>();
const MAX_REMEMBERED = 256;

function parseFontSize(font: string, basePx: number, rootPx: number): number | null {
  for (const token of font.trim().split(/\s+/)) {
    const size = token.split('/')[0].toLowerCase();
    if (size in KEYWORD_PX) return KEYWORD_PX[size];
    if (size === 'smaller') return basePx / 1.2;
    if (size === 'larger') return basePx * 1.2;
    const match = /^(\d*\.?\d+(?:e[+-]?\d+)?)(px|pt|pc|in|cm|mm|q|em|rem|ex|ch|%)$/.exec(size);
    if (!match) continue;
    const number = Number(match[1]);
    const unit = match[2];
    if (unit in ABSOLUTE_PX) return number * ABSOLUTE_PX[unit];
    if (unit === 'em') return number * basePx;
    if (unit === 'rem') return number * rootPx;
    if (unit === '%') return (number / 100) * basePx;
    return number * basePx * 0.5; // ex, ch
  }
  return null;
}
