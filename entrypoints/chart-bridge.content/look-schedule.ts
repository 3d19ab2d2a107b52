/**
 * When to look for charts again. A chart, or its API, comes with a change of the page (nodes added, a
 * frame loaded): soon after one, look; while the page sits still, look less and less often, up to a
 * slow pace that stays on (the inside of a frame is not seen changing). A page left idle costs close
 * to nothing.
 */
export interface LookSchedule {
  /** After a look that leaves more to find: the next one, later the longer the page has sat still. */
  later: () => void;
  /** The page changed: a pending look comes within the short interval. */
  changed: () => void;
  /** No look pending (the tab went hidden, or a chart is read). */
  cancel: () => void;
  /** Whether a look is pending. */
  readonly pending: boolean;
}

export function lookSchedule(look: () => void, { soonMs, slowestMs }: { soonMs: number; slowestMs: number }): LookSchedule {
  let timer: ReturnType<typeof setTimeout> | 0 = 0;
  let dueAt = 0;
  /** Looks in a row with no change of the page before them. */
  let stillLooks = 0;
  let changedSinceLook = true;
  const run = () => {
    timer = 0;
    stillLooks = changedSinceLook ? 0 : stillLooks + 1;
    changedSinceLook = false;
    look();
  };
  const lookIn = (ms: number) => {
    const at = performance.now() + ms;
    if (timer && dueAt <= at) return;
    clearTimeout(timer);
    dueAt = at;
    timer = setTimeout(run, ms);
  };
  return {
    later: () => lookIn(changedSinceLook ? soonMs : Math.min(soonMs * 2 ** stillLooks, slowestMs)),
    changed: () => {
      // Once per look is enough (a moving chart changes its page every frame).
      if (changedSinceLook) return;
      changedSinceLook = true;
      if (timer) lookIn(soonMs);
    },
    cancel: () => {
      clearTimeout(timer);
      timer = 0;
    },
    get pending() {
      return timer !== 0;
    },
  };
}
