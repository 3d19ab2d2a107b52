/**
 * The overlay's small panel: status (source, age, delay, stale or error), the heatmap, and for
 * canvas charts the calibration switch. Draggable by its header, collapsible; the caller remembers
 * both per site.
 */
import { useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

export interface PanelPlace {
  x: number;
  y: number;
  collapsed: boolean;
}

export function Panel(props: { place: PanelPlace; onPlace: (place: PanelPlace) => void; title: string; status: ComponentChildren; children: ComponentChildren }) {
  const drag = useRef<{ dx: number; dy: number } | null>(null);
  const { place, onPlace } = props;
  return (
    <section class="gx-panel" data-testid="gexmap-panel" data-collapsed={String(place.collapsed)} style={{ left: `${place.x}px`, top: `${place.y}px` }} aria-label="gexmap levels panel">
      <header
        class="gx-panel-header"
        onPointerDown={(event) => {
          if ((event.target as HTMLElement).closest('button')) return;
          drag.current = { dx: event.clientX - place.x, dy: event.clientY - place.y };
          (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
        }}
        onPointerMove={(event) => {
          if (!drag.current) return;
          const x = Math.max(0, Math.min(window.innerWidth - 60, event.clientX - drag.current.dx));
          const y = Math.max(0, Math.min(window.innerHeight - 20, event.clientY - drag.current.dy));
          onPlace({ ...place, x, y });
        }}
        onPointerUp={() => {
          drag.current = null;
        }}
      >
        <strong>{props.title}</strong>
        <button type="button" class="gx-collapse" aria-expanded={!place.collapsed} aria-label={place.collapsed ? 'Expand panel' : 'Collapse panel'} onClick={() => onPlace({ ...place, collapsed: !place.collapsed })}>
          {place.collapsed ? '▸' : '▾'}
        </button>
      </header>
      <div class="gx-status" data-testid="gexmap-status">{props.status}</div>
      {!place.collapsed && <div class="gx-panel-body">{props.children}</div>}
    </section>
  );
}
