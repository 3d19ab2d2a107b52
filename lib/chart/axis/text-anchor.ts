/**
 * A label's tick y from how its text is anchored, for readers that cannot pair it with a drawn
 * tick: SVG `y` + `dy` + dominant/alignment baseline, canvas `textBaseline`, or a text run's box.
 *
 * Convention: the tick is the vertical centre of the digits' glyph box (baseline up to digit
 * height), which is what charts centre a label on when they offset it from a baseline themselves
 * (d3's dy="0.32em" puts 10 px digits within 0.4 px of it); except for the centring baselines
 * (SVG `middle` and `central`, canvas `middle`), where the anchor itself is the tick: a chart that
 * asks for a centred label means its anchor y (canvas: see MiddleReading for the exception).
 *
 * All lengths are in the text's own coordinates (SVG user units, canvas units before the transform);
 * map the result to the viewport as the text is mapped (SVG screen CTM; canvas-label.ts).
 * Baseline positions follow Blink: top/bottom/middle from the em box (normalized typo metrics),
 * hanging at 80% of the ascent, ideographic at the descent.
 */

/** A font's vertical metrics in em, measured up from the alphabetic baseline (descents positive down). */
export interface FontMetricsEm {
  /** The font's ascent (hhea or typo with USE_TYPO_METRICS): SVG text-before-edge. */
  ascent: number;
  /** The font's descent: SVG text-after-edge and ideographic, canvas ideographic. */
  descent: number;
  /** The em box's top and bottom (typo ascent and descent scaled to sum to 1): canvas top, bottom, middle. */
  emAscent: number;
  emDescent: number;
  /** Height of the digit glyphs (about the cap height). */
  digitHeight: number;
  xHeight: number;
  /** The hanging baseline; 0.8 x ascent when the font has no baseline table. */
  hanging?: number;
}

/** Between Arial/Liberation Sans (0.905/0.212, digits 0.716) and DejaVu Sans (0.928/0.236, digits 0.729), Roboto close by. */
export const TYPICAL_SANS_METRICS: FontMetricsEm = {
  ascent: 0.92,
  descent: 0.22,
  emAscent: 0.77,
  emDescent: 0.23,
  digitHeight: 0.72,
  xHeight: 0.53,
};

export type SvgBaseline =
  'alphabetic' | 'middle' | 'central' | 'hanging' | 'text-before-edge' | 'text-after-edge' | 'ideographic' | 'mathematical';

type CanvasBaseline = 'top' | 'hanging' | 'middle' | 'alphabetic' | 'ideographic' | 'bottom';

const SVG_SYNONYMS: Record<string, SvgBaseline> = {
  auto: 'alphabetic',
  baseline: 'alphabetic',
  alphabetic: 'alphabetic',
  middle: 'middle',
  central: 'central',
  hanging: 'hanging',
  'text-before-edge': 'text-before-edge',
  'before-edge': 'text-before-edge',
  'text-top': 'text-before-edge',
  'text-after-edge': 'text-after-edge',
  'after-edge': 'text-after-edge',
  'text-bottom': 'text-after-edge',
  ideographic: 'ideographic',
  mathematical: 'mathematical',
};

/** Values that defer to the other property (or to the parent's baseline). */
const DEFERRING = new Set(['', 'auto', 'baseline', 'inherit', 'initial', 'unset', 'use-script', 'no-change', 'reset-size']);

/**
 * The baseline the glyphs sit on. `alignment-baseline` wins when set, where the engine applies it to
 * <text> (Blink and WebKit do; Gecko applies it only to <tspan>, so pass `alignmentApplies: false`
 * there). Unknown values read as alphabetic.
 */
export function resolveSvgBaseline(
  dominantBaseline?: string | null,
  alignmentBaseline?: string | null,
  alignmentApplies = true,
): SvgBaseline {
  const alignment = (alignmentBaseline ?? '').trim().toLowerCase();
  if (alignmentApplies && !DEFERRING.has(alignment) && SVG_SYNONYMS[alignment]) return SVG_SYNONYMS[alignment];
  const dominant = (dominantBaseline ?? '').trim().toLowerCase();
  return SVG_SYNONYMS[dominant] ?? 'alphabetic';
}

function metricsOf(overrides?: Partial<FontMetricsEm>): FontMetricsEm {
  return { ...TYPICAL_SANS_METRICS, ...overrides };
}

/** Height of an SVG baseline above the alphabetic one, em. */
function svgBaselineHeight(baseline: SvgBaseline, m: FontMetricsEm): number {
  switch (baseline) {
    case 'alphabetic':
      return 0;
    case 'middle':
      return m.xHeight / 2;
    case 'central':
      return (m.emAscent - m.emDescent) / 2;
    case 'hanging':
      return m.hanging ?? 0.8 * m.ascent;
    case 'text-before-edge':
      return m.ascent;
    case 'text-after-edge':
    case 'ideographic':
      return -m.descent;
    case 'mathematical':
      return m.ascent / 2;
  }
}

/** Height of a canvas textBaseline above the alphabetic one, em. */
function canvasBaselineHeight(baseline: CanvasBaseline, m: FontMetricsEm): number {
  switch (baseline) {
    case 'top':
      return m.emAscent;
    case 'hanging':
      return m.hanging ?? 0.8 * m.ascent;
    case 'middle':
      return (m.emAscent - m.emDescent) / 2;
    case 'alphabetic':
      return 0;
    case 'ideographic':
      return -m.descent;
    case 'bottom':
      return -m.emDescent;
  }
}

/** An SVG length as `dy` gives it: px or a bare number, em, ex; the first of a list. Unreadable: 0. */
export function svgLengthPx(
  value: string | number | null | undefined,
  fontSizePx: number,
  xHeightEm = TYPICAL_SANS_METRICS.xHeight,
): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : 0;
  const first = (value ?? '').trim().split(/[\s,]+/)[0];
  const match = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(px|em|ex)?$/i.exec(first);
  if (!match) return 0;
  const number = Number(match[1]);
  const unit = (match[2] ?? 'px').toLowerCase();
  return unit === 'em' ? number * fontSizePx : unit === 'ex' ? number * xHeightEm * fontSizePx : number;
}

export interface SvgTextAnchor {
  /** The text's `y` (first value), user units. */
  y: number;
  /** The text's `dy` (first value): "0.32em", "-2", 3. */
  dy?: string | number | null;
  /** Computed font size, user units. */
  fontSizePx: number;
  /** Computed `dominant-baseline` (inherited from parents in SVG 2). */
  dominantBaseline?: string | null;
  alignmentBaseline?: string | null;
  /** False in Gecko, which ignores alignment-baseline on <text>. Default true. */
  alignmentApplies?: boolean;
  metrics?: Partial<FontMetricsEm>;
}

export function svgTextTickY(text: SvgTextAnchor): number {
  const m = metricsOf(text.metrics);
  const anchor = text.y + svgLengthPx(text.dy, text.fontSizePx, m.xHeight);
  const baseline = resolveSvgBaseline(text.dominantBaseline, text.alignmentBaseline, text.alignmentApplies ?? true);
  if (baseline === 'middle' || baseline === 'central') return anchor;
  // The alphabetic baseline lies this baseline's height below the anchor; digits centre half their height above it.
  return anchor + (svgBaselineHeight(baseline, m) - m.digitHeight / 2) * text.fontSizePx;
}

/** What measureText gave, in the same units as y (pass the digits' metrics: "0123456789" in the label's font and baseline). */
export interface MeasuredText {
  actualBoundingBoxAscent?: number;
  actualBoundingBoxDescent?: number;
  fontBoundingBoxAscent?: number;
  fontBoundingBoxDescent?: number;
}

/**
 * How to read a canvas 'middle' baseline: 'anchor' (the default: Chart.js, uPlot and ECharts draw
 * their labels at the tick's y), or 'glyph-centre' for charts that shift the text so its glyphs
 * centre on the tick (Lightweight Charts adds (ascent - descent) / 2, measured, to the tick's y).
 * Pairing with drawn grid lines (tick-pairing.ts) settles it where the chart draws them.
 */
export type MiddleReading = 'anchor' | 'glyph-centre';

export interface CanvasTextAnchor {
  /** fillText's y, canvas units before the transform. */
  y: number;
  textBaseline: string;
  middle?: MiddleReading;
  /** Font size in the same units. */
  fontSizePx: number;
  measured?: MeasuredText;
  metrics?: Partial<FontMetricsEm>;
}

export function canvasTextTickY(text: CanvasTextAnchor): number {
  const baseline = (text.textBaseline.trim().toLowerCase() as CanvasBaseline) || 'alphabetic';
  if (baseline === 'middle' && (text.middle ?? 'anchor') === 'anchor') return text.y;
  const m = metricsOf(text.metrics);
  const measured = text.measured;
  // Measured glyph box (ascent up, descent down from the anchor): its centre exactly.
  if (measured?.actualBoundingBoxAscent !== undefined && measured.actualBoundingBoxDescent !== undefined) {
    return text.y + (measured.actualBoundingBoxDescent - measured.actualBoundingBoxAscent) / 2;
  }
  // Measured font box: the alphabetic baseline splits it as the font's ascent and descent do.
  if (measured?.fontBoundingBoxAscent !== undefined && measured.fontBoundingBoxDescent !== undefined) {
    const ascentLine = text.y - measured.fontBoundingBoxAscent;
    const alphabetic =
      ascentLine + (measured.fontBoundingBoxAscent + measured.fontBoundingBoxDescent) * (m.ascent / (m.ascent + m.descent));
    return alphabetic - (m.digitHeight / 2) * text.fontSizePx;
  }
  const height = canvasBaselineHeight(CANVAS_BASELINES.has(baseline) ? baseline : 'alphabetic', m);
  return text.y + (height - m.digitHeight / 2) * text.fontSizePx;
}

const CANVAS_BASELINES = new Set<string>(['top', 'hanging', 'middle', 'alphabetic', 'ideographic', 'bottom']);

/**
 * The tick y of a text whose box is known (a DOM Range's rect, an SVG getBBox mapped to the page):
 * the box spans the font's ascent to descent, plus any leading split evenly above and below. With
 * the font size: centre + ((ascent - descent) / 2 - digitHeight / 2) * size; without it the box is
 * taken as the bare ascent-to-descent run.
 */
export function textBoxTickY(box: { top: number; bottom: number }, fontSizePx?: number, metrics?: Partial<FontMetricsEm>): number {
  const m = metricsOf(metrics);
  const centre = (box.top + box.bottom) / 2;
  const size = fontSizePx ?? (box.bottom - box.top) / (m.ascent + m.descent);
  return centre + ((m.ascent - m.descent) / 2 - m.digitHeight / 2) * size;
}
