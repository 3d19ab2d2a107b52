/**
 * Chain files of other dates, derived from a real CBOE quote-table CSV for tests (the fixtures stay
 * unedited on disk): the project holds one file per underlying, and history needs several sessions of
 * one. Every date moves by whole weeks, so each weekday stays true: the Date line (its zone re-read
 * for the new date: EST or EDT), each row's expiration ("Fri Jan 10 2025") and each OCC symbol's
 * YYMMDD — time to every expiry is unchanged. The underlying's last price may be set (the derived
 * session then has levels of its own) and the Date line's clock time too (several refreshes of one
 * session).
 */
import { addDays, newYorkToUtc } from '../lib/market/ny-time';
import { newYorkZone } from '../lib/format/time';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT_MONTHS = MONTHS.map((month) => month.slice(0, 3));
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const parts = (date: string) => date.split('-').map(Number) as [number, number, number];

export interface ShiftOptions {
  /** Whole weeks to move every date by (negative: earlier). */
  weeks: number;
  /** The underlying's last price on line 2 ("Last: 4697.2402"). */
  spot?: number;
  /** The Date line's clock time, New York ("10:57 AM"). */
  time?: string;
  /**
   * Move only the Date line: the same listed expiries seen a few weeks earlier (as a real earlier
   * session lists every expiry a later one still has; moving them too would invent expiries the later
   * real file lacks, which the chain gate rightly calls cut off).
   */
  keepExpiries?: boolean;
}

/** The CSV's text with its dates moved by whole weeks (and, if given, its spot and clock time set). */
export function shiftCboeCsv(text: string, options: ShiftOptions): string {
  const days = options.weeks * 7;
  let dateLines = 0;
  let out = text.replace(
    /"Date: (\w+) (\d{1,2}), (\d{4}) at (\d{1,2}):(\d{2}) ([AP]M) (EST|EDT)"/,
    (_match, monthName: string, day: string, year: string, hour: string, minute: string, half: string) => {
      dateLines++;
      const date = addDays(iso(Number(year), MONTHS.indexOf(monthName) + 1, Number(day)), days);
      const [clockHour, clockMinute, clockHalf] = options.time
        ? (/^(\d{1,2}):(\d{2}) ([AP]M)$/.exec(options.time)!.slice(1) as [string, string, string])
        : [hour, minute, half];
      const hour24 = (Number(clockHour) % 12) + (clockHalf === 'PM' ? 12 : 0);
      const zone = newYorkZone(newYorkToUtc(date, hour24, Number(clockMinute)));
      const [y, m, d] = parts(date);
      return `"Date: ${MONTHS[m - 1]} ${d}, ${y} at ${clockHour}:${clockMinute} ${clockHalf} ${zone}"`;
    },
  );
  if (dateLines !== 1) throw new Error('shiftCboeCsv: no "Date: Month D, YYYY at H:MM AM EST" line');
  if (options.keepExpiries) return options.spot === undefined ? out : out.replace(/Last: [\d.]+/, `Last: ${options.spot}`);
  // Row expirations: "Fri Jan 10 2025," at the start of a line.
  out = out.replace(/^(\w{3}) (\w{3}) (\d{1,2}) (\d{4}),/gm, (_match, _weekday: string, month: string, day: string, year: string) => {
    const [y, m, d] = parts(addDays(iso(Number(year), SHORT_MONTHS.indexOf(month) + 1, Number(day)), days));
    return `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${SHORT_MONTHS[m - 1]} ${String(d).padStart(2, '0')} ${y},`;
  });
  // OCC symbols: root, YYMMDD, C or P, strike in 8 digits.
  out = out.replace(
    /\b([A-Z]{1,6})(\d{2})(\d{2})(\d{2})([CP]\d{8})\b/g,
    (_match, root: string, yy: string, mm: string, dd: string, rest: string) => {
      const [y, m, d] = parts(addDays(iso(2000 + Number(yy), Number(mm), Number(dd)), days));
      return `${root}${String(y - 2000).padStart(2, '0')}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${rest}`;
    },
  );
  if (options.spot !== undefined) out = out.replace(/Last: [\d.]+/, `Last: ${options.spot}`);
  return out;
}
