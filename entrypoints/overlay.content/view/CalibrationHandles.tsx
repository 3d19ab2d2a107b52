/** Two draggable handles, each set by the user to a price they can read on the chart. */
import { useState } from 'preact/hooks';
import type { PlotRect } from '../../../lib/chart/mapping';

export interface HandleDraft {
  fraction: number;
  price: string;
}

export function CalibrationHandles(props: {
  plot: PlotRect;
  onSave: (handles: [HandleDraft, HandleDraft]) => void;
  onCancel: () => void;
  error: string | null;
}) {
  const [handles, setHandles] = useState<[HandleDraft, HandleDraft]>([
    { fraction: 1 / 3, price: '' },
    { fraction: 2 / 3, price: '' },
  ]);
  const { plot } = props;
  const update = (index: 0 | 1, change: Partial<HandleDraft>) => {
    const next = [...handles] as [HandleDraft, HandleDraft];
    next[index] = { ...next[index], ...change };
    setHandles(next);
  };
  return (
    <div class="gx-calibration" data-testid="gexmap-calibration">
      {handles.map((handle, index) => (
        <div
          key={index}
          class="gx-handle"
          data-handle={index}
          style={{ left: `${plot.left}px`, width: `${plot.width}px`, top: `${plot.top + handle.fraction * plot.height - 1}px` }}
        >
          <div
            class="gx-handle-grip"
            role="slider"
            tabIndex={0}
            aria-label={`Calibration handle ${index + 1}: drag onto a price you can read`}
            aria-valuenow={Math.round(handle.fraction * 1000) / 10}
            onPointerDown={(event) => (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId)}
            onPointerMove={(event) => {
              if (!(event.currentTarget as HTMLElement).hasPointerCapture(event.pointerId)) return;
              update(index as 0 | 1, { fraction: Math.max(0, Math.min(1, (event.clientY - plot.top) / plot.height)) });
            }}
            onKeyDown={(event) => {
              const step = (event.shiftKey ? 10 : 1) / plot.height;
              if (event.key === 'ArrowUp') update(index as 0 | 1, { fraction: Math.max(0, handle.fraction - step) });
              if (event.key === 'ArrowDown') update(index as 0 | 1, { fraction: Math.min(1, handle.fraction + step) });
            }}
          />
          <input
            class="gx-handle-price"
            type="text"
            inputMode="decimal"
            placeholder="price here"
            aria-label={`Price at calibration handle ${index + 1}`}
            value={handle.price}
            onInput={(event) => update(index as 0 | 1, { price: (event.target as HTMLInputElement).value })}
          />
        </div>
      ))}
      <div class="gx-calibration-actions" style={{ left: `${plot.left + 8}px`, top: `${plot.top + 8}px` }}>
        <button type="button" data-action="save-calibration" onClick={() => props.onSave(handles)}>
          Save calibration
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
        {props.error && (
          <span role="alert" class="gx-error">
            {props.error}
          </span>
        )}
      </div>
    </div>
  );
}
