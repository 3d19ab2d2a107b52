/** The profile chart's key: which series is which, on which axis, in which colour. */
import type { ChartInk } from '../lib/colour';

function Swatch({ colour, line = false }: { colour: string; line?: boolean }) {
  return (
    <span
      aria-hidden="true"
      style={`display:inline-block;width:10px;height:${line ? 2 : 8}px;margin:0 3px 1px 0;vertical-align:middle;background:${colour}`}
    />
  );
}

export function ProfileLegend({ ink, hasFlip }: { ink: ChartInk; hasFlip: boolean }) {
  return (
    <p data-testid="profile-legend" style="margin:2px 0 0;font-size:11px;line-height:1.5">
      <span>
        <Swatch colour={ink.negative} />
        <Swatch colour={ink.positive} />
        Net GEX by strike (left axis): red below zero, teal above
      </span>
      <br />
      <span>
        <Swatch colour={ink.curve} line />
        Total GEX if spot moved to x (right axis){hasFlip ? '; it crosses zero at the flip' : ''}
      </span>
      <br />
      <span>
        <Swatch colour={ink.spot} line />
        spot
      </span>
    </p>
  );
}
