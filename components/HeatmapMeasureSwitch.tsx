/** A two-way switch for what the heatmap's colour shows: net GEX or |GEX| concentration. */
import type { HeatmapMeasure } from '../lib/gex/heatmap-scale';

const CHOICES: [HeatmapMeasure, string, string][] = [
  ['net', 'Net', 'Colour by net GEX: sign and size'],
  ['concentration', '|GEX|', 'Colour by |call| + |put|: where gamma piles up, whatever the sign'],
];

export function HeatmapMeasureSwitch({ measure, onChange }: { measure: HeatmapMeasure; onChange: (measure: HeatmapMeasure) => void }) {
  return (
    <span class="gx-measure" role="radiogroup" aria-label="Heatmap colour">
      {CHOICES.map(([value, label, title]) => (
        <label key={value} title={title}>
          <input type="radio" name="gx-heatmap-measure" data-measure={value} checked={measure === value} onChange={() => onChange(value)} />{' '}
          {label}
        </label>
      ))}
    </span>
  );
}
