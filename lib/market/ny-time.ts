/**
 * New York wall-clock time from UTC instants and back, via Intl (DST-correct for any date the host's
 * time-zone database knows). Dates are ISO calendar strings 'YYYY-MM-DD' throughout the project.
 */

const NEW_YORK = 'America/New_York';

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: NEW_YORK,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The last instants asked (the same few are asked over and over: now, the data's as-of). */
const wallClocks = new Map<number, WallClock>();
const MAX_WALL_CLOCKS = 64;

/** New York wall clock at a UTC instant. */
export function newYorkWallClock(utcMs: number): WallClock {
  const known = wallClocks.get(utcMs);
  if (known) return { ...known };
  const wall = readWallClock(utcMs);
  if (wallClocks.size >= MAX_WALL_CLOCKS) wallClocks.delete(wallClocks.keys().next().value as number);
  wallClocks.set(utcMs, wall);
  return { ...wall };
}

function readWallClock(utcMs: number): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour === 24 ? 0 : parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** Offset of New York from UTC at an instant, in minutes (-300 in winter, -240 in summer). */
export function newYorkOffsetMinutes(utcMs: number): number {
  const wall = newYorkWallClock(utcMs);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

const offsetCache = new Map<string, number>();

/**
 * The UTC instant of a New York wall-clock time. In the skipped spring-forward hour the later offset
 * applies; in the repeated fall-back hour the first (daylight) occurrence is returned.
 */
export function newYorkToUtc(date: string, hour = 0, minute = 0, second = 0): number {
  const { year, month, day } = splitDate(date);
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const key = `${date}T${hour}:${minute}:${second}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return wallAsUtc - cached * 60000;
  // Start from the offset a few hours earlier (daylight in fall-back ambiguity), then settle.
  let offset = newYorkOffsetMinutes(wallAsUtc + 5 * 3600000 - 3 * 3600000);
  for (let i = 0; i < 3; i++) {
    const next = newYorkOffsetMinutes(wallAsUtc - offset * 60000);
    if (next === offset) break;
    offset = next;
  }
  if (offsetCache.size > 4096) offsetCache.clear();
  offsetCache.set(key, offset);
  return wallAsUtc - offset * 60000;
}

/** The New York calendar date at an instant. */
export function newYorkDate(utcMs: number): string {
  const wall = newYorkWallClock(utcMs);
  return formatDate(wall.year, wall.month, wall.day);
}

export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

export function splitDate(date: string): { year: number; month: number; day: number } {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** 0 = Sunday ... 6 = Saturday, for a calendar date (no time zone involved). */
export function weekday(date: string): number {
  const { year, month, day } = splitDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function addDays(date: string, days: number): string {
  const { year, month, day } = splitDate(date);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return formatDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** Whole calendar days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  const da = splitDate(a);
  const db = splitDate(b);
  return Math.round((Date.UTC(db.year, db.month - 1, db.day) - Date.UTC(da.year, da.month - 1, da.day)) / 86400000);
}
