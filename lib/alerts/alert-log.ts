/** The log of fired alerts the popup shows: newest first, bounded. */
import type { FiredAlert } from './alert-model';

const ALERT_LOG_SIZE = 100;

export function appendToLog(log: readonly FiredAlert[], fired: readonly FiredAlert[], size = ALERT_LOG_SIZE): FiredAlert[] {
  const known = new Set(fired.map((alert) => alert.id));
  return [...[...fired].sort((a, b) => b.firedAt - a.firedAt), ...log.filter((alert) => !known.has(alert.id))].slice(0, size);
}
