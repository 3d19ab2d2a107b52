/**
 * Times as a trader reads them: New York time with its zone (EST or EDT), and the data's age. Every
 * time the popup, the overlay and the CLI show goes through here.
 */
import { newYorkOffsetMinutes, newYorkWallClock } from '../market/ny-time';
import { sessionOfInstant, sessionsSince } from '../market/sessions';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "EST" or "EDT", as New York was at that instant. */
export function newYorkZone(instant: number): string {
  return newYorkOffsetMinutes(instant) === -240 ? 'EDT' : 'EST';
}

/** "Fri Jan 5, 2024 4:15 PM EST" (the year only when asked, for old data). */
export function formatNewYork(instant: number, options: { date?: boolean; year?: boolean } = {}): string {
  const wall = newYorkWallClock(instant);
  const hour12 = wall.hour % 12 === 0 ? 12 : wall.hour % 12;
  const time = `${hour12}:${String(wall.minute).padStart(2, '0')} ${wall.hour < 12 ? 'AM' : 'PM'} ${newYorkZone(instant)}`;
  if (options.date === false) return time;
  const weekday = WEEKDAYS[new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay()];
  return `${weekday} ${MONTHS[wall.month - 1]} ${wall.day}${options.year ? `, ${wall.year}` : ''}, ${time}`;
}

/** "4m", "2h 05m", "3d 4h": a duration. */
function formatDuration(milliseconds: number): string {
  const minutes = Math.max(0, Math.floor(milliseconds / 60000));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

/**
 * The data's time as said beside its numbers: "as of 10:52 AM EST (12m ago)" today, with the date
 * when older, and plainly when as-of lies ahead of the clock.
 */
export function describeAsOf(asOf: number, now: number): string {
  const ahead = asOf - now;
  if (ahead > 5 * 60000)
    return `as of ${formatNewYork(asOf, { year: true })} — ${formatDuration(ahead)} ahead of this computer's clock (check the clock or the file)`;
  const age = Math.max(0, now - asOf);
  // (The clock to the minute: the same few instants are asked again and again, and remembered.)
  const sameDay = newYorkWallClock(asOf).day === newYorkWallClock(Math.floor(now / 60000) * 60000).day && age < 86400000;
  if (sameDay) return `as of ${formatNewYork(asOf, { date: false })} (${formatDuration(age)} ago)`;
  return `as of ${formatNewYork(asOf, { year: age > 300 * 86400000 })} (${formatDuration(age)} ago)`;
}

/** "Fri Jan 5" ("Fri Jan 5, 2024" with the year): a session date (YYYY-MM-DD) as a trader reads it. */
export function formatSessionDate(session: string, options: { year?: boolean } = {}): string {
  const [year, month, day] = session.split('-').map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return `${weekday} ${MONTHS[month - 1]} ${day}${options.year ? `, ${year}` : ''}`;
}

/** "10:52": the New York wall clock alone, for chart axes (the zone is said once beside the chart). */
export function formatNewYorkClock(instant: number): string {
  const wall = newYorkWallClock(instant);
  return `${wall.hour}:${String(wall.minute).padStart(2, '0')}`;
}

/**
 * Said plainly once data is from a past session: "old data: from the Fri Jan 5, 2024 session, 3
 * sessions ago" (null while its session is the current one or the last closed before now).
 */
export function oldDataNote(asOf: number, now: number): string | null {
  const since = sessionsSince(asOf, now);
  if (since === 0) return null;
  const ago = since >= 260 ? 'more than a year of sessions ago' : `${since} session${since === 1 ? '' : 's'} ago`;
  return `old data: from the ${formatSessionDate(sessionOfInstant(asOf).date, { year: true })} session, ${ago}`;
}
