/**
 * The overlay's panel. Closed, it is a small pill docked to a corner of the chart (ticker, regime,
 * flip: a glance), covering almost nothing; open, it shows the status, the level switches, the heatmap
 * and, where no axis can be read, calibration. Draggable by its header (then it stays where it was
 * put), opened and closed by a click; the caller remembers both per site.
 */
import { useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

export interface PanelPlace {
  x: number;
  y: number;
  collapsed: boolean;
  /** Docked to the chart's top-left corner (x and y follow the chart) until the user drags it. */
  docked?: boolean;
}

/** `pillAction`: what the closed pill offers beside it when the chart needs the trader (calibration). */
export function Panel(props: {
  place: PanelPlace;
  onPlace: (place: PanelPlace) => void;
  title: string;
  pill: ComponentChildren;
  pillAction?: ComponentChildren;
  status: ComponentChildren;
  children: ComponentChildren;
}) {
  const drag = useRef<{ dx: number; dy: number; moved: boolean } | null>(null);
  const { place, onPlace } = props;
  const handlers = {
    onPointerDown: (event: PointerEvent) => {
      if ((event.target as HTMLElement).closest('button:not(.gx-pill)')) return;
      drag.current = { dx: event.clientX - place.x, dy: event.clientY - place.y, moved: false };
      (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    },
    onPointerMove: (event: PointerEvent) => {
      if (!drag.current) return;
      const x = Math.max(0, Math.min(window.innerWidth - 60, event.clientX - drag.current.dx));
      const y = Math.max(0, Math.min(window.innerHeight - 20, event.clientY - drag.current.dy));
      if (!drag.current.moved && Math.abs(x - place.x) + Math.abs(y - place.y) < 4) return;
      drag.current.moved = true;
      onPlace({ ...place, x, y, docked: false });
    },
    onPointerUp: () => {
      drag.current = null;
    },
  };
  if (place.collapsed) {
    return (
      <section
        class="gx-panel gx-panel-pill"
        data-testid="gexmap-panel"
        data-collapsed="true"
        style={{ left: `${place.x}px`, top: `${place.y}px` }}
        aria-label="gexmap levels panel"
      >
        <button
          type="button"
          class="gx-pill"
          aria-expanded="false"
          aria-label="Open the gexmap panel"
          {...handlers}
          onClick={() => {
            // A drag that moved the pill is not a click.
            if (!drag.current?.moved) onPlace({ ...place, collapsed: false });
          }}
        >
          {props.pill}
        </button>
        {props.pillAction}
        <div class="gx-status gx-sr-only" data-testid="gexmap-status">
          {props.status}
        </div>
      </section>
    );
  }
  return (
    <section
      class="gx-panel"
      data-testid="gexmap-panel"
      data-collapsed="false"
      style={{ left: `${place.x}px`, top: `${place.y}px` }}
      aria-label="gexmap levels panel"
    >
      <header class="gx-panel-header" {...handlers}>
        <strong>{props.title}</strong>
        <button
          type="button"
          class="gx-collapse"
          aria-expanded="true"
          aria-label="Close the panel"
          onClick={() => onPlace({ ...place, collapsed: true })}
        >
          ▾
        </button>
      </header>
      <div class="gx-status" data-testid="gexmap-status">
        {props.status}
      </div>
      <div class="gx-panel-body">{props.children}</div>
    </section>
  );
}
