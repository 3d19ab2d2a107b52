/**
 * The level lines: one element per level with `data-level` and `data-price`, its vertical centre on
 * the mapped y (the test contract). Out-of-range levels become edge markers with their distance.
 * Nothing here takes pointer events.
 */
import {
  describeFromSpot,
  levelColour,
  type LabelledLevel,
  type LineColours,
  type PlacedPreviousLevel,
  type Zone,
} from '../../../lib/chart/levels';
import type { PlotRect } from '../../../lib/chart/mapping';

export const LINE_THICKNESS = 2;
/** A line label's height, px (labels of close lines are stacked this far apart). */
export const LABEL_HEIGHT = 17;

/** The previous session's lines: thin, faint, dashed, labelled "prev" at their left end. */
export const PREVIOUS_LINE_THICKNESS = 1;

/**
 * The previous session's levels. They carry `data-prev-level` (not `data-level`, which stays the
 * contract for today's levels) with `data-price` and `data-session`; vertical centre on the mapped y.
 */
function PreviousLines({ previous, plot, colours }: { previous: PlacedPreviousLevel[]; plot: PlotRect; colours: LineColours | null }) {
  return (
    <>
      {previous.map((level) => (
        <div
          key={`prev:${level.kind}:${level.price}`}
          class={`gx-prev gx-${level.kind}`}
          data-prev-level={level.kind}
          data-price={String(level.price)}
          data-session={level.session}
          style={{
            left: `${plot.left}px`,
            width: `${plot.width}px`,
            top: `${level.drawnY - PREVIOUS_LINE_THICKNESS / 2}px`,
            height: `${PREVIOUS_LINE_THICKNESS}px`,
            color: levelColour(level.kind, colours),
          }}
        >
          <span
            class="gx-prev-label"
            style={{
              top: `${level.labelY - level.drawnY + PREVIOUS_LINE_THICKNESS / 2 - LABEL_HEIGHT / 2}px`,
              height: `${LABEL_HEIGHT - 2}px`,
            }}
          >
            {level.label}
          </span>
        </div>
      ))}
    </>
  );
}

export function Lines(props: {
  chart: string;
  placed: LabelledLevel[];
  previous?: PlacedPreviousLevel[];
  plot: PlotRect;
  zone: Zone | null;
  colours: LineColours | null;
  stale: boolean;
}) {
  const { chart, placed, plot, zone, colours, stale } = props;
  return (
    <div class="gx-lines" aria-hidden="true" data-chart={chart} data-stale={String(stale)}>
      {props.previous && props.previous.length > 0 && <PreviousLines previous={props.previous} plot={plot} colours={colours} />}
      {zone && (
        // The flip's model band: where the flip lies across the models (a zone, not a level).
        <div
          class="gx-zone"
          data-zone="flip-band"
          data-low={String(zone.low)}
          data-high={String(zone.high)}
          style={{
            left: `${plot.left}px`,
            width: `${plot.width}px`,
            top: `${zone.top}px`,
            height: `${zone.bottom - zone.top}px`,
            color: levelColour('flip', colours),
          }}
        />
      )}
      {placed.map((level) => {
        const arrow = level.edge === 'above' ? '↑' : level.edge === 'below' ? '↓' : '';
        return (
          <div
            key={`${level.kind}:${level.price}`}
            class={`gx-line gx-${level.kind}${level.edge ? ' gx-edge' : ''}`}
            data-level={level.kind}
            data-price={String(level.price)}
            data-edge={level.edge ?? undefined}
            style={{
              left: `${plot.left}px`,
              width: `${plot.width}px`,
              top: `${level.drawnY - LINE_THICKNESS / 2}px`,
              height: `${LINE_THICKNESS}px`,
              color: levelColour(level.kind, colours),
            }}
          >
            <span
              class="gx-line-label"
              style={{ top: `${level.labelY - level.drawnY + LINE_THICKNESS / 2 - LABEL_HEIGHT / 2}px`, height: `${LABEL_HEIGHT - 2}px` }}
            >
              {level.label}
              {level.edge && level.fromSpot && ` ${arrow} ${describeFromSpot(level.fromSpot)}`}
            </span>
          </div>
        );
      })}
    </div>
  );
}
