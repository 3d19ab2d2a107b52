/**
 * What each trigger remembers between checks, and the quiet period: a trigger's state is tracked at
 * every check, but announced at most once per quiet period. A state that changes during the quiet
 * period is announced when it ends if it still holds; one that changed and changed back is never
 * announced (the trader's last alert still tells the truth).
 */

export interface TriggerMemory {
  /** The state now (after hysteresis), e.g. "above", "near", "moved", "positive". */
  value: string;
  /** The state the trader was last told of (or found at the first check). */
  announced: string;
  /** UTC ms of this trigger's last alert, or null. */
  firedAt: number | null;
}

/** True while an alert fired at `firedAt` keeps the same trigger quiet. */
export function isQuiet(firedAt: number | null, now: number, quietMs: number): boolean {
  return firedAt !== null && now >= firedAt && now - firedAt < quietMs;
}

export interface Step {
  memory: TriggerMemory | undefined;
  /** The state announced before, when this check fires (the alert says what changed from what). */
  fired: { from: string; to: string } | null;
}

/**
 * One check of one trigger. `value` null: the state cannot be read now (no flip, no wall); memory stays.
 * The first reading is only remembered: a trigger fires on a change it saw happen. `announces(from, to)`
 * says which changes are news (entering a wall's zone is; leaving it is remembered silently);
 * `enabled` false remembers every change silently, so turning a trigger on never fires on old news.
 */
export function advance(
  memory: TriggerMemory | undefined,
  value: string | null,
  now: number,
  quietMs: number,
  announces: (from: string, to: string) => boolean,
  enabled = true,
): Step {
  if (value === null) return { memory, fired: null };
  if (!memory) return { memory: { value, announced: value, firedAt: null }, fired: null };
  if (value === memory.announced) return { memory: { ...memory, value }, fired: null };
  if (!enabled || !announces(memory.announced, value)) return { memory: { ...memory, value, announced: value }, fired: null };
  if (isQuiet(memory.firedAt, now, quietMs)) return { memory: { ...memory, value }, fired: null };
  return { memory: { value, announced: value, firedAt: now }, fired: { from: memory.announced, to: value } };
}
