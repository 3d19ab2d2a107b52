/**
 * Equity-index futures calendar: which quarterly contract a chart symbol means at an instant, and when
 * it settles. ES, NQ, RTY, YM and their micros settle quarterly (March, June, September, December) on
 * the third Friday at the open — the special opening quotation, the same instant as the AM-settled
 * SPX/NDX/RUT monthly options — or on the trading day before when that Friday is a holiday (the
 * monthly options' rule, monthlyOpexDate).
 *
 * Chart symbols understood: continuous "ES1!" (the front quarterly not yet settled), "ES2!" (the next),
 * bare "ES" (as ES1!), dated "ESZ2026", "ESZ26", "ESZ6", any with an exchange prefix ("CME_MINI:ESH2027").
 */
import { monthlyOpexDate } from './expiry-classes';
import { newYorkToUtc, newYorkWallClock } from './ny-time';

/** Quarterly equity-index futures roots this calendar knows. */
export const QUARTERLY_INDEX_FUTURES: ReadonlySet<string> = new Set(['ES', 'MES', 'NQ', 'MNQ', 'RTY', 'M2K', 'YM', 'MYM', 'EMD']);

const MONTH_CODES = 'FGHJKMNQUVXZ';
const QUARTER_MONTHS = [3, 6, 9, 12];

export interface FuturesContract {
  root: string;
  year: number;
  /** 1-12. */
  month: number;
  /** "ESH2024". */
  code: string;
  /** The final settlement date, YYYY-MM-DD. */
  settlementDate: string;
  /** The final settlement instant (09:30 New York on that date), UTC ms. */
  settlement: number;
  /** How the chart named it: 'continuous' (ES1!, ES) or 'dated' (ESH2024). */
  named: 'continuous' | 'dated';
}

/** The quarterly contract of a root for a year and month (3, 6, 9 or 12). */
function quarterlyContract(root: string, year: number, month: number, named: FuturesContract['named'] = 'dated'): FuturesContract {
  const settlementDate = monthlyOpexDate(year, month);
  return {
    root,
    year,
    month,
    code: `${root}${MONTH_CODES[month - 1]}${year}`,
    settlementDate,
    settlement: newYorkToUtc(settlementDate, 9, 30),
    named,
  };
}

/** The n-th (1 = front) quarterly contract of a root not yet settled at an instant. */
export function nthQuarterly(root: string, n: number, nowMs: number): FuturesContract {
  const { year } = newYorkWallClock(nowMs);
  let found = 0;
  for (let y = year - 1; ; y++) {
    for (const month of QUARTER_MONTHS) {
      const contract = quarterlyContract(root, y, month, 'continuous');
      if (contract.settlement > nowMs && ++found === n) return contract;
    }
  }
}

/** A 1-, 2- or 4-digit contract year as the year nearest the instant's with those last digits. */
function fullYear(digits: string, nowYear: number): number | null {
  if (digits.length === 4) return Number(digits);
  if (digits.length !== 1 && digits.length !== 2) return null;
  const modulus = digits.length === 1 ? 10 : 100;
  const suffix = Number(digits);
  // Candidates with these last digits around now; the nearest wins, the later on a tie.
  const base = nowYear - (((nowYear % modulus) - suffix + modulus) % modulus);
  return nowYear - base < modulus / 2 ? base : base + modulus;
}

/**
 * The quarterly index futures contract a chart symbol shows at an instant, or null when the symbol is
 * not one (unknown root, non-quarterly month, unreadable year).
 */
export function resolveFuturesContract(chartSymbol: string, nowMs: number): FuturesContract | null {
  const full = chartSymbol.trim().toUpperCase();
  const bare = full.includes(':') ? full.slice(full.lastIndexOf(':') + 1) : full;
  if (QUARTERLY_INDEX_FUTURES.has(bare)) return nthQuarterly(bare, 1, nowMs);
  const continuous = /^([A-Z][A-Z0-9]{0,3}?)(\d)!$/.exec(bare);
  if (continuous) {
    const [, root, n] = continuous;
    return QUARTERLY_INDEX_FUTURES.has(root) && Number(n) >= 1 ? nthQuarterly(root, Number(n), nowMs) : null;
  }
  const dated = /^([A-Z][A-Z0-9]{0,3}?)([FGHJKMNQUVXZ])(\d{1,4})$/.exec(bare);
  if (!dated) return null;
  const [, root, code, digits] = dated;
  const month = MONTH_CODES.indexOf(code) + 1;
  const year = fullYear(digits, newYorkWallClock(nowMs).year);
  if (!QUARTERLY_INDEX_FUTURES.has(root) || !QUARTER_MONTHS.includes(month) || year === null) return null;
  return quarterlyContract(root, year, month, 'dated');
}
