/**
 * Which recorded labels a canvas shows now. Charts redraw their axis whole: per canvas, the labels
 * drawn in one frame form a set, and a finished set replaces the one before. A clear covering most
 * of the canvas erases what this frame drew so far (a chart that redraws twice in a frame shows the
 * second drawing); a partial clear (a crosshair badge's box) is ignored. A set is finished when its
 * frame ends: the caller says so (endFrame), or a later frame's first call on that canvas shows it.
 *
 * Frames are the caller's numbers, increasing: e.g. a counter the tap bumps in a microtask queued by
 * the first call of a task, so all drawing of one task (one rAF callback) is one frame. A canvas
 * whose size was set (which clears it) should be reported as cleared.
 */

export interface LabelSet<T> {
  frame: number;
  items: readonly T[];
  /** More labels were drawn than kept (maxItems). */
  overflow: boolean;
}

export interface CanvasFramesOptions {
  /** Share of the canvas a clear must cover to erase the set. Default 0.9. */
  clearCoverage?: number;
  /** Labels kept per set. Default 2000. */
  maxItems?: number;
}

interface OpenSet<T> {
  frame: number;
  items: T[];
  overflow: boolean;
}

export class CanvasLabelFrames<Id, T> {
  private readonly open = new Map<Id, OpenSet<T>>();
  private readonly done = new Map<Id, LabelSet<T>>();
  private readonly clearCoverage: number;
  private readonly maxItems: number;

  constructor(options: CanvasFramesOptions = {}) {
    this.clearCoverage = options.clearCoverage ?? 0.9;
    this.maxItems = options.maxItems ?? 2000;
  }

  /** A label drawn on `canvas` during `frame`. */
  record(canvas: Id, frame: number, item: T): void {
    const set = this.openSet(canvas, frame);
    if (set.items.length < this.maxItems) set.items.push(item);
    else set.overflow = true;
  }

  /** Whether `canvas` already holds as many labels as kept during `frame` (more only mark it overflowing). */
  isFull(canvas: Id, frame: number): boolean {
    const current = this.open.get(canvas);
    if (current && current.frame >= frame && current.items.length >= this.maxItems) {
      current.overflow = true;
      return true;
    }
    return false;
  }

  /** A clear (or an opaque fill) of `coverage` (0..1) of the canvas during `frame`. */
  cleared(canvas: Id, frame: number, coverage: number): void {
    if (coverage < this.clearCoverage) return;
    const set = this.openSet(canvas, frame);
    set.items = [];
    set.overflow = false;
  }

  /** Frames up to `frame` are over: their sets become their canvases' latest. Returns the canvases whose latest changed. */
  endFrame(frame: number): Id[] {
    const changed: Id[] = [];
    for (const [canvas, set] of this.open) {
      if (set.frame > frame) continue;
      this.finish(canvas, set);
      changed.push(canvas);
    }
    return changed;
  }

  /** The latest finished set of a canvas: what it shows now. */
  latest(canvas: Id): LabelSet<T> | null {
    return this.done.get(canvas) ?? null;
  }

  canvases(): Id[] {
    return [...new Set([...this.done.keys(), ...this.open.keys()])];
  }

  /** Drop a canvas (removed from the page). */
  forget(canvas: Id): void {
    this.open.delete(canvas);
    this.done.delete(canvas);
  }

  private openSet(canvas: Id, frame: number): OpenSet<T> {
    const current = this.open.get(canvas);
    if (current && current.frame >= frame) return current;
    // A call from a later frame: the open set's frame is over, so it is what the canvas showed.
    if (current) this.finish(canvas, current);
    const fresh: OpenSet<T> = { frame, items: [], overflow: false };
    this.open.set(canvas, fresh);
    return fresh;
  }

  private finish(canvas: Id, set: OpenSet<T>): void {
    this.done.set(canvas, { frame: set.frame, items: set.items, overflow: set.overflow });
    this.open.delete(canvas);
  }
}
