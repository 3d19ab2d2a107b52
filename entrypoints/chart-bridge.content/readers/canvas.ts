/**
 * The canvas reader, main-world side: the canvas text tap. A canvas chart's own drawing calls say
 * where every tick label goes. fillText and strokeText are wrapped (installed at document start, on
 * the sites the overlay runs on) to note the numeric texts drawn, with the context's transform,
 * alignment, baseline and font; clears and thin filled rectangles (grid lines) are noted too. The
 * wrappers call the originals first, with the same arguments, returning what they return and throwing
 * what they throw; to the page they look native (a Proxy keeps name, length and toString). Nothing is
 * kept for a text without a digit.
 *
 * All drawing in one task (one animation frame's callbacks) is one frame; at its end (a microtask) each
 * canvas that drew has its labels' set replaced, and the sets go to the content script, which fits the
 * price axis. Pans, zooms, auto-scale and resizes arrive as new labels: nothing is polled.
 */
import {
  CanvasLabelFrames,
  uprightCanvasLabels,
  type CanvasBox,
  type CanvasTextCall,
  type Matrix2D,
  canvasRectMark,
} from '../../../lib/chart/axis';
import { MAX_TAPPED_LABELS, type TappedCanvas } from '../../../lib/bridge';
import type { PlotRect } from '../../../lib/chart/mapping';
import { wrapMethod, wrapSetter } from '../wrap-method';
import type { BridgeReader, Outlet } from '../bridge-reader';

/** Whether a text holds a digit: a loop, a fifth of a regex test's cost (this runs on every call). */
function hasDigit(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}
/** Texts longer than this are not tick labels. */
const MAX_TEXT = 24;

interface ThinRect {
  x: number;
  y: number;
  width: number;
  height: number;
  transform: Matrix2D;
}

type Context2D = CanvasRenderingContext2D;

const matrixOf = (context: Context2D): Matrix2D => {
  const m = context.getTransform();
  return { a: m.a, b: m.b, c: m.c, d: m.d, e: m.e, f: m.f };
};

/** A canvas's content box in the viewport with its backing size. */
function boxOf(canvas: HTMLCanvasElement): CanvasBox | null {
  const rect = canvas.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0 || canvas.width === 0 || canvas.height === 0) return null;
  const left = rect.left + canvas.clientLeft;
  const top = rect.top + canvas.clientTop;
  return {
    left,
    top,
    width: canvas.clientWidth || rect.width,
    height: canvas.clientHeight || rect.height,
    backingWidth: canvas.width,
    backingHeight: canvas.height,
  };
}

/** The chart a canvas belongs to: the largest visible canvas within a few ancestors of it (often itself). */
function plotCanvasOf(canvas: HTMLCanvasElement): PlotRect | null {
  let best: DOMRect | null = null;
  let scope: Element | null = canvas.parentElement;
  for (let depth = 0; scope && depth < 4; depth++, scope = scope.parentElement) {
    for (const candidate of scope.querySelectorAll('canvas')) {
      const rect = candidate.getBoundingClientRect();
      if (rect.width * rect.height > (best ? best.width * best.height : 0)) best = rect;
    }
  }
  return best && best.width > 0 ? { left: best.left, top: best.top, width: best.width, height: best.height } : null;
}

export interface CanvasReader extends BridgeReader {
  /**
   * Told whether TradingView's API reads the chart: while it does, the tap notes nothing and forgets what it
   * noted: the page's drawing calls cost only the pass-through. Once `false`, labels come with the
   * chart's next drawing (a canvas chart redraws its axis on every tick and every pointer move).
   */
  standAside: (apiReads: boolean) => void;
}

/**
 * Installs the tap. While the tab is hidden drawing is still noted (a page may draw from timers,
 * and the labels must be current when it shows again) and nothing is sent; once it shows, all is
 * sent again.
 */
export function startCanvasReader(outlet: Outlet): CanvasReader {
  const prototype = (globalThis as unknown as { CanvasRenderingContext2D?: { prototype: Context2D } }).CanvasRenderingContext2D?.prototype;
  if (!prototype) return { resend: () => undefined, standAside: () => undefined };
  let unneeded = false;
  const ids = new WeakMap<HTMLCanvasElement, number>();
  const canvases = new Map<number, WeakRef<HTMLCanvasElement>>();
  let nextId = 1;
  const idOf = (canvas: HTMLCanvasElement) => {
    let id = ids.get(canvas);
    if (id === undefined) {
      ids.set(canvas, (id = nextId++));
      canvases.set(id, new WeakRef(canvas));
    }
    return id;
  };
  const texts = new CanvasLabelFrames<number, CanvasTextCall>({ maxItems: MAX_TAPPED_LABELS + 1 });
  const rects = new CanvasLabelFrames<number, ThinRect>({ maxItems: 400 });
  let frame = 0;
  let pending = false;

  /** What every canvas with labels shows now, in viewport px. */
  const sets = (): TappedCanvas[] => {
    const out: TappedCanvas[] = [];
    for (const [id, reference] of canvases) {
      const canvas = reference.deref();
      if (!canvas || !canvas.isConnected) {
        canvases.delete(id);
        texts.forget(id);
        rects.forget(id);
        continue;
      }
      const set = texts.latest(id);
      if (!set || set.items.length === 0 || set.overflow) continue;
      const box = boxOf(canvas);
      if (!box) continue;
      const labels = uprightCanvasLabels(set.items, box).map(({ text, left, right, top, bottom, tickY }) => ({
        text,
        left,
        right,
        top,
        bottom,
        tickY,
      }));
      if (labels.length === 0) continue;
      const marks = (rects.latest(id)?.items ?? []).flatMap((rect) => {
        const mark = canvasRectMark(rect, rect.transform, box);
        return mark ? [mark] : [];
      });
      out.push({ id: String(id), labels, plot: plotCanvasOf(canvas), marks });
    }
    return out;
  };

  const publish = () => {
    if (unneeded || document.visibilityState === 'hidden') return;
    outlet.post({ type: 'canvas', canvases: sets() });
  };

  /** The end of a task's drawing: its sets replace the previous ones. */
  const endFrame = () => {
    pending = false;
    const changed = texts.endFrame(frame).length + rects.endFrame(frame).length;
    frame++;
    if (changed > 0) publish();
  };
  const inFrame = () => {
    if (!pending) {
      pending = true;
      queueMicrotask(endFrame);
    }
  };

  /** The canvas's computed direction, looked up once per canvas and frame. */
  const directions = new WeakMap<HTMLCanvasElement, { frame: number; direction: string }>();
  const directionOf = (context: Context2D, canvas: HTMLCanvasElement): string => {
    if (context.direction !== 'inherit') return context.direction;
    const known = directions.get(canvas);
    if (known?.frame === frame) return known.direction;
    const direction = getComputedStyle(canvas).direction === 'rtl' ? 'rtl' : 'ltr';
    directions.set(canvas, { frame, direction });
    return direction;
  };

  /**
   * The context's font, read once per context and frame (the getter serializes it, a third of a call's
   * cost) and again after the page sets it or restores a saved state.
   */
  const fonts = new WeakMap<Context2D, { frame: number; font: string }>();
  const fontOf = (context: Context2D): string => {
    const known = fonts.get(context);
    if (known?.frame === frame) return known.font;
    const font = context.font;
    fonts.set(context, { frame, font });
    return font;
  };
  const fontChanged = (self: unknown) => void fonts.delete(self as Context2D);
  wrapSetter(prototype, 'font', fontChanged);
  wrapMethod(prototype, 'restore', fontChanged);
  if ('reset' in prototype) wrapMethod(prototype, 'reset', fontChanged);

  const onText = (context: Context2D, args: unknown[]) => {
    if (unneeded) return;
    const value = args[0];
    if (typeof value !== 'string' && typeof value !== 'number') return;
    const text = typeof value === 'string' ? value : String(value);
    if (text.length > MAX_TEXT || !hasDigit(text)) return;
    const canvas = context.canvas;
    if (!(canvas instanceof HTMLCanvasElement)) return;
    inFrame();
    const id = idOf(canvas);
    if (texts.isFull(id, frame)) return; // a text-heavy drawing, no price axis: nothing more to note
    const textAlign = context.textAlign;
    const call: CanvasTextCall = {
      text,
      x: Number(args[1]),
      y: Number(args[2]),
      transform: matrixOf(context),
      textAlign,
      // The direction decides only where start and end lie (and 'inherit', the default, costs a style lookup).
      direction: textAlign === 'start' || textAlign === 'end' ? directionOf(context, canvas) : 'ltr',
      textBaseline: context.textBaseline,
      font: fontOf(context),
    };
    if (typeof args[3] === 'number') call.maxWidth = args[3];
    texts.record(id, frame, call);
  };
  wrapMethod(prototype, 'fillText', onText as (self: unknown, args: unknown[]) => void);
  wrapMethod(prototype, 'strokeText', onText as (self: unknown, args: unknown[]) => void);
  wrapMethod(prototype, 'clearRect', (self, args) => {
    if (unneeded) return;
    const context = self as Context2D;
    const canvas = context.canvas;
    if (!(canvas instanceof HTMLCanvasElement) || !ids.has(canvas)) return;
    const m = context.getTransform();
    const coverage = (Math.abs(Number(args[2]) * m.a) * Math.abs(Number(args[3]) * m.d)) / (canvas.width * canvas.height || 1);
    inFrame();
    texts.cleared(ids.get(canvas)!, frame, coverage);
    rects.cleared(ids.get(canvas)!, frame, coverage);
  });
  wrapMethod(prototype, 'fillRect', (self, args) => {
    if (unneeded) return;
    const context = self as Context2D;
    const canvas = context.canvas;
    if (!(canvas instanceof HTMLCanvasElement)) return;
    const m = context.getTransform();
    const width = Math.abs(Number(args[2]) * m.a);
    const height = Math.abs(Number(args[3]) * m.d);
    // A background painted over the whole canvas clears it; a thin long rectangle is a grid line.
    if (width * height >= 0.9 * canvas.width * canvas.height) {
      if (!ids.has(canvas)) return;
      inFrame();
      texts.cleared(ids.get(canvas)!, frame, 1);
      rects.cleared(ids.get(canvas)!, frame, 1);
    } else if (height <= 2 * (window.devicePixelRatio || 1) && width >= 8) {
      inFrame();
      rects.record(idOf(canvas), frame, {
        x: Number(args[0]),
        y: Number(args[1]),
        width: Number(args[2]),
        height: Number(args[3]),
        transform: matrixOf(context),
      });
    }
  });
  // Boxes move without a redraw when the page scrolls or resizes: the same labels, at new places.
  const moved = () => {
    if (!pending && canvases.size) publish();
  };
  window.addEventListener('scroll', moved, { passive: true, capture: true });
  window.addEventListener('resize', moved, { passive: true });
  const resend = () => {
    outlet.again();
    publish();
  };
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') resend();
  });
  return {
    resend,
    standAside: (value) => {
      if (value === unneeded) return;
      unneeded = value;
      if (!value) return;
      // What was noted goes stale from here on: forget it rather than send it later.
      for (const id of canvases.keys()) {
        texts.forget(id);
        rects.forget(id);
      }
      outlet.again();
    },
  };
}
