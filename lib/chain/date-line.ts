/**
 * The quote-table CSV's "Date:" line, e.g. `"Date: January 7, 2024 at 10:52 AM EST",Bid: ...` (older
 * files: `"Date: June 11, 2022, 8:47 PM EDT"`), read into a UTC instant. Numeric forms (1/7/2024,
 * 2024-01-07) and a 24-hour clock are read too. The zone label is trusted when known; without one the
 * time is New York's, as CBOE's pages show it.
 */
import { formatDate, newYorkToUtc } from '../market/ny-time';
import { dateProblem, timeProblem } from './date-parts';

export type DateLineReading =
  | { kind: 'instant'; instant: number }
  /** The line has no date in a form we know: a caller-supplied as-of may stand in. */
  | { kind: 'unreadable'; reason: string }
  /** The line states a date, but an impossible one or in an unknown zone: always an error. */
  | { kind: 'invalid'; reason: string };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Minutes east of UTC for the labels a US source writes; ET is New York time whatever the season. */
const ZONE_OFFSETS: Record<string, number> = {
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  UTC: 0,
  GMT: 0,
  UT: 0,
  Z: 0,
};
const NEW_YORK_LABELS = new Set(['ET']);

// Lines are capped before matching, and every part is bounded, so no match can run long.
const LINE_LIMIT = 300;
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?(?:\s*([A-Za-z+\-][A-Za-z0-9+:\-]{0,15}))?`;
/** "January 7, 2024 at 10:52 AM EST", "June 11, 2022, 8:47 PM EDT", "Jan 7 2024 10:52". */
const NAMED_MONTH = new RegExp(String.raw`Date:\s*([A-Za-z]{3,12})\.?\s+(\d{1,3}),?\s*(\d{1,5})(?:\s+at|,)?\s+${TIME}`);
/** "1/7/2024 10:52 AM EST" (US order) or "2024-01-07 10:52 EST". */
const NUMERIC_US = new RegExp(String.raw`Date:\s*(\d{1,3})/(\d{1,3})/(\d{1,5}),?(?:\s+at)?\s+${TIME}`);
const NUMERIC_ISO = new RegExp(String.raw`Date:\s*(\d{1,5})-(\d{1,3})-(\d{1,3})(?:[T ]|\s+at\s+)${TIME}`);

export function readDateLine(fullLine: string): DateLineReading {
  const line = fullLine.slice(0, LINE_LIMIT);
  let year: number;
  let month: number;
  let day: number;
  // After the three date parts: hour, minute, second, meridiem, zone label.
  let time: (string | undefined)[];
  let match = NAMED_MONTH.exec(line);
  if (match) {
    const name = match[1].toLowerCase();
    month = MONTHS.indexOf(name) + 1 || (name.length >= 3 ? MONTHS.findIndex((full) => full.startsWith(name)) + 1 : 0);
    if (month === 0) return { kind: 'invalid', reason: `unknown month "${match[1]}" in the Date line` };
    day = Number(match[2]);
    year = Number(match[3]);
    time = match.slice(4);
  } else if ((match = NUMERIC_US.exec(line))) {
    month = Number(match[1]);
    day = Number(match[2]);
    year = Number(match[3]);
    time = match.slice(4);
  } else if ((match = NUMERIC_ISO.exec(line))) {
    year = Number(match[1]);
    month = Number(match[2]);
    day = Number(match[3]);
    time = match.slice(4);
  } else {
    return { kind: 'unreadable', reason: `no "Date: Month D, YYYY at H:MM AM/PM TZ" in ${JSON.stringify(line.slice(0, 80))}` };
  }
  const [hourText, minuteText, secondText, meridiem, label] = time;
  const problem = dateProblem(year, month, day);
  if (problem) return { kind: 'invalid', reason: `the Date line's date is impossible: ${problem}` };
  let hour = Number(hourText);
  const minute = Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  if (meridiem) {
    if (hour < 1 || hour > 12) return { kind: 'invalid', reason: `the Date line's time is impossible: hour ${hour} on a 12-hour clock` };
    hour = (hour % 12) + (meridiem[0].toUpperCase() === 'P' ? 12 : 0);
  }
  const badTime = timeProblem(hour, minute, second);
  if (badTime) return { kind: 'invalid', reason: `the Date line's time is impossible: ${badTime}` };
  if (label === undefined || NEW_YORK_LABELS.has(label.toUpperCase())) {
    return { kind: 'instant', instant: newYorkToUtc(formatDate(year, month, day), hour, minute, second) };
  }
  const offset = ZONE_OFFSETS[label.toUpperCase()];
  if (offset === undefined) {
    return {
      kind: 'invalid',
      reason: `unknown time-zone label "${label}" in the Date line (known: ET, ${Object.keys(ZONE_OFFSETS).join(', ')})`,
    };
  }
  // The file states its zone: trust the label (EST = UTC-5 even in July).
  return { kind: 'instant', instant: Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60000 };
}

/** The as-of instant from the "Date:" line, or why it cannot be read. */
export function parseCboeDateLine(line: string): number | string {
  const reading = readDateLine(line);
  return reading.kind === 'instant' ? reading.instant : reading.reason;
}
