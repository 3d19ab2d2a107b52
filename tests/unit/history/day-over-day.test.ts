/** Day-over-day rows and the history CSV, against numbers worked by hand. */
import { describe, expect, it } from 'vitest';
import { dayOverDay } from '../../../lib/gex/day-over-day';
import { sessionHistoryCsv, sessionHistoryFileName } from '../../../lib/gex/history-csv';
import { recordSession, type HistoryEntry, type LevelsSummary } from '../../../lib/gex/history';

/** A summary with the numbers a row reads (the rest as a real one has them). */
function summary(
  asOf: string,
  spot: number,
  flip: number | null,
  callWall: number | null,
  putWall: number | null,
  regime: LevelsSummary['regime'],
  totalGex: number,
): LevelsSummary {
  return {
    underlying: 'SPX',
    spot,
    asOf,
    evaluatedAt: asOf,
    signModel: 'classic',
    expiryFilter: 'all expiries',
    regime,
    flip,
    flips: flip === null ? [] : [flip],
    flipNone: null,
    flipModels: [],
    flipBand: null,
    callWall,
    putWall,
    absGammaStrike: callWall,
    totalGex,
    callGex: 0,
    putGex: 0,
    dominantExpiry: null,
    zeroDteShare: 0,
    zeroDteSession: asOf.slice(0, 10),
    hedgeFlowPerPct: { dollars: totalGex, shares: totalGex / spot },
    contractsUsed: 1,
    atmIv: 0.12,
  };
}

// Three sessions, entered newest first and with a morning refresh on the middle one (its row is its latest).
const thu = summary('2024-01-04T21:00:00.000Z', 4688.68, 4712.25, 4750, 4650, 'negative', -2.5e9);
const friMorning = summary('2024-01-05T14:45:00.000Z', 4690.1, 4715.5, 4750, 4650, 'negative', -3e9);
const friClose = summary('2024-01-05T21:00:00.000Z', 4697.24, 4724.7468, 4800, 4700, 'negative', -15392346587.62);
const mon = summary('2024-01-08T21:00:00.000Z', 4763.54, null, 4800, 4750, 'positive', 4.2e9);

function history(): HistoryEntry[] {
  let entries: HistoryEntry[] = [];
  entries = recordSession(entries, '2024-01-08', mon);
  entries = recordSession(entries, '2024-01-05', friClose);
  entries = recordSession(entries, '2024-01-05', friMorning);
  entries = recordSession(entries, '2024-01-04', thu);
  return entries;
}

describe('day-over-day rows', () => {
  it('one row per session, oldest first, each with its latest levels and the change since the session before', () => {
    const rows = dayOverDay(history());
    expect(rows.map((row) => [row.session, row.previousSession, row.spot, row.regime])).toEqual([
      ['2024-01-04', null, 4688.68, 'negative'],
      ['2024-01-05', '2024-01-04', 4697.24, 'negative'],
      ['2024-01-08', '2024-01-05', 4763.54, 'positive'],
    ]);
    expect(rows[0].change).toEqual({ spot: null, flip: null, callWall: null, putWall: null });
    // Fri against Thu: 4697.24 - 4688.68 = 8.56; 4724.7468 - 4712.25 = 12.4968; walls +50, +50.
    expect(rows[1].change.spot).toBeCloseTo(8.56, 10);
    expect(rows[1].change.flip).toBeCloseTo(12.4968, 10);
    expect([rows[1].change.callWall, rows[1].change.putWall]).toEqual([50, 50]);
    // Mon against Fri (the weekend is no session): 66.30 on spot, no flip Monday, put wall +50.
    expect(rows[2].change.spot).toBeCloseTo(66.3, 10);
    expect(rows[2].change).toMatchObject({ flip: null, callWall: 0, putWall: 50 });
    expect(rows[1].asOf).toBe(Date.parse('2024-01-05T21:00:00Z'));
  });

  it('an empty history has no rows', () => {
    expect(dayOverDay([])).toEqual([]);
  });
});

describe('the history CSV', () => {
  it('a header, one line per session, prices to the cent, GEX to the dollar, empty cells for what is missing', () => {
    const csv = sessionHistoryCsv('SPX', dayOverDay(history()));
    expect(csv.split('\n')).toEqual([
      'underlying,session,as_of,spot,flip,call_wall,put_wall,regime,total_gex,spot_change,flip_change,call_wall_change,put_wall_change',
      'SPX,2024-01-04,2024-01-04T21:00:00.000Z,4688.68,4712.25,4750,4650,negative,-2500000000,,,,',
      'SPX,2024-01-05,2024-01-05T21:00:00.000Z,4697.24,4724.75,4800,4700,negative,-15392346588,8.56,12.5,50,50',
      'SPX,2024-01-08,2024-01-08T21:00:00.000Z,4763.54,,4800,4750,positive,4200000000,66.3,,0,50',
      '',
    ]);
    expect(sessionHistoryFileName('SPX', dayOverDay(history()))).toBe('gexmap-history-SPX-2024-01-08.csv');
    expect(sessionHistoryCsv('SPX', [])).toBe(
      'underlying,session,as_of,spot,flip,call_wall,put_wall,regime,total_gex,spot_change,flip_change,call_wall_change,put_wall_change\n',
    );
  });
});
