/**
 * The heatmap's key: the colour ramp with the values at its ends and middle, what the colours mean
 * (the sign is the dealer sign model's, an assumption), how far the scale reaches, and the marks.
 */
import { rampStops } from '../lib/colour';
import { levelKind } from '../lib/chart/levels';
import { signedDollars } from '../lib/format/signed-dollars';
import { formatDollars } from '../lib/format/numbers';
import { SCALE_PERCENTILE, type HeatmapScale } from '../lib/gex/heatmap-scale';
import { GREEK_EXPOSURE_INFO, type Greek } from '../lib/gex/greek-exposure';

/** CSS custom properties holding a value for each theme; HEATMAP_CSS picks one. */
export function themedBackground(light: string, dark: string): string {
  return `--gx-l:${light};--gx-d:${dark}`;
}

const gradient = (stops: string[]) => `linear-gradient(90deg,${stops.join(',')})`;

/** What the colours mean; gamma has a trading meaning, the other exposures only a sign. */
function meaning(measure: HeatmapScale['measure'], greek: Greek): string {
  const short = GREEK_EXPOSURE_INFO[greek].short;
  if (measure === 'concentration')
    return `violet: where call and put ${greek === 'gamma' ? 'gamma' : short} pile up, |call| + |put| whatever the sign`;
  if (greek === 'gamma')
    return 'teal, marked +: dealers long gamma (dampening) · red, marked −: short gamma (amplifying) — sign from the model, an assumption';
  return `teal, marked +: positive ${short} · red, marked −: negative — sign from the model, an assumption`;
}

function rampValues(scale: HeatmapScale): [string, string, string] {
  if (scale.measure === 'net') return [signedDollars(-scale.max), '0', signedDollars(scale.max, true)];
  return ['0', formatDollars(scale.max / 2), formatDollars(scale.max)];
}

export function HeatmapLegend({ scale, greek = 'gamma' }: { scale: HeatmapScale; greek?: Greek }) {
  const kind = scale.measure === 'net' ? 'diverging' : 'sequential';
  const [low, middle, high] = rampValues(scale);
  const what = scale.measure === 'net' ? '|net|' : '|call| + |put|';
  return (
    <div class="gx-legend" data-testid="heatmap-legend" data-measure={scale.measure} data-max={scale.max}>
      <div
        class="gx-ramp"
        aria-hidden="true"
        style={themedBackground(gradient(rampStops(kind, 'light')), gradient(rampStops(kind, 'dark')))}
      />
      <div class="gx-ramp-values" data-testid="heatmap-legend-values">
        <span>{low}</span>
        <span>{middle}</span>
        <span>{high}</span>
      </div>
      <p>{meaning(scale.measure, greek)}</p>
      <p class="gx-legend-note">
        Colour is full at the {Math.round(SCALE_PERCENTILE * 100)}th percentile of {what} over the cells
        {scale.clipped > 0 ? `; ${scale.clipped} ${scale.clipped === 1 ? 'cell is' : 'cells are'} beyond it, drawn at full colour` : ''}.
        Hover a cell for its numbers.
      </p>
      <p class="gx-legend-key">
        <span class="gx-mark gx-mark-flip">{levelKind('flip').mark}</span> flip ·{' '}
        <span class="gx-mark gx-mark-call-wall">{levelKind('call-wall').mark}</span> call wall ·{' '}
        <span class="gx-mark gx-mark-put-wall">{levelKind('put-wall').mark}</span> put wall · <span class="gx-key-spot">outline</span> spot
        row
      </p>
    </div>
  );
}
