/**
 * Tradier's and Polygon's daily-history responses (the shapes their documentation gives), and the one
 * entry that tells the three daily formats apart.
 */
import { describe, expect, it } from 'vitest';
import { parseDailyBars, parsePolygonAggs, parseTradierHistory } from '../../../lib/bars';
import { BARS_FIXTURES, barsFixtureText } from './bars-fixtures';

// GET /v1/markets/history?symbol=SPY&interval=daily&start=2023-09-14&end=2023-09-15
const tradierDays = {
  history: {
    day: [
      { date: '2023-09-15', open: 447.14, high: 447.48, low: 442.92, close: 443.37, volume: 111000000 },
      { date: '2023-09-14', open: 449.07, high: 451.08, low: 446.76, close: 450.36, volume: 86000000 },
    ],
  },
};

// GET /v2/aggs/ticker/SPY/range/1/day/2024-01-08/2024-01-09: t is midnight New York (05:00 UTC in January).
const polygonAggs = {
  ticker: 'SPY',
  queryCount: 2,
  resultsCount: 2,
  adjusted: false,
  results: [
    { v: 74879074, vw: 473.1, o: 468.43, c: 474.6, h: 474.75, l: 468.3, t: Date.UTC(2024, 0, 8, 5), n: 583190 },
    { v: 65931415, vw: 472.6, o: 471.87, c: 473.88, h: 474.93, l: 471.35, t: Date.UTC(2024, 0, 9, 5), n: 550184 },
  ],
  status: 'OK',
  request_id: 'a4b1',
  count: 2,
};

describe('Tradier history', () => {
  it('reads the days, oldest first', () => {
    const bars = parseTradierHistory(JSON.stringify(tradierDays));
    expect(bars.source).toBe('tradier');
    expect(bars.symbol).toBeNull();
    expect(bars.bars).toEqual([
      { date: '2023-09-14', open: 449.07, high: 451.08, low: 446.76, close: 450.36, volume: 86000000 },
      { date: '2023-09-15', open: 447.14, high: 447.48, low: 442.92, close: 443.37, volume: 111000000 },
    ]);
  });

  it('reads a single day sent as an object, not an array', () => {
    const bars = parseTradierHistory({ history: { day: tradierDays.history.day[0] } });
    expect(bars.bars.map((bar) => bar.date)).toEqual(['2023-09-15']);
  });

  it('says there is no history for {"history": null}, and refuses other shapes naming them', () => {
    expect(() => parseTradierHistory('{"history": null}')).toThrow(/Tradier has no history for this range/);
    expect(() => parseTradierHistory('{"history": {"day": 5}}')).toThrow(/"history.day" is 5, not a list of days/);
    expect(() => parseTradierHistory('{"fault": {"faultstring": "Invalid Access Token"}}')).toThrow(/without "history" \(keys: fault\)/);
  });

  it('refuses a damaged day with where and why', () => {
    const bars = parseTradierHistory({ history: { day: [tradierDays.history.day[0], { ...tradierDays.history.day[1], low: 450 }] } });
    expect(bars.rejected).toEqual([{ where: 'history.day[1].open (2023-09-14)', reason: 'open 449.07 is below low 450' }]);
  });
});

describe('Polygon aggregates', () => {
  it('dates each bar by the New York date of its window start', () => {
    const bars = parsePolygonAggs(JSON.stringify(polygonAggs), { ticker: 'SPY' });
    expect(bars.symbol).toBe('SPY');
    expect(bars.bars).toEqual([
      { date: '2024-01-08', open: 468.43, high: 474.75, low: 468.3, close: 474.6, volume: 74879074 },
      { date: '2024-01-09', open: 471.87, high: 474.93, low: 471.35, close: 473.88, volume: 65931415 },
    ]);
  });

  it('dates a window at the 16:00 close (older answers) or at midnight UTC by its session too', () => {
    const at = (t: number) => parsePolygonAggs({ ...polygonAggs, results: [{ ...polygonAggs.results[0], t }] }).bars[0].date;
    expect(at(Date.UTC(2024, 0, 8, 21))).toBe('2024-01-08'); // 16:00 EST
    expect(at(Date.UTC(2024, 6, 8, 4))).toBe('2024-07-08'); // midnight EDT
    expect(at(Date.UTC(2024, 0, 8))).toBe('2024-01-08'); // midnight UTC: 19:00 EST on the 7th
  });

  it('reads an index (I:SPX, no volume) as SPX', () => {
    const bars = parsePolygonAggs(
      { ticker: 'I:SPX', status: 'OK', results: [{ o: 4703.7, h: 4764.54, l: 4699.82, c: 4763.54, t: Date.UTC(2024, 0, 8, 5) }] },
      { ticker: 'SPX' },
    );
    expect(bars.bars).toEqual([{ date: '2024-01-08', open: 4703.7, high: 4764.54, low: 4699.82, close: 4763.54, volume: null }]);
  });

  it("refuses another ticker's bars, an error status, no results and a bad t", () => {
    expect(() => parsePolygonAggs(polygonAggs, { ticker: 'QQQ' })).toThrow(/the bars are for SPY, not QQQ/);
    expect(() => parsePolygonAggs({ status: 'NOT_AUTHORIZED', message: 'You are not entitled to this data.' })).toThrow(
      /Polygon answered status NOT_AUTHORIZED: You are not entitled to this data\./,
    );
    expect(() => parsePolygonAggs({ ticker: 'SPY', status: 'OK', queryCount: 0, resultsCount: 0 })).toThrow(/no bars for this range/);
    const bars = parsePolygonAggs({ ...polygonAggs, results: [polygonAggs.results[0], { ...polygonAggs.results[1], t: '2024-01-09' }] });
    expect(bars.rejected).toEqual([{ where: 'results[1]', reason: 't "2024-01-09" is not a Unix ms time in 2000-2099' }]);
  });
});

describe('parseDailyBars', () => {
  it('tells CBOE, Tradier and Polygon apart by their shape', () => {
    expect(parseDailyBars(barsFixtureText(BARS_FIXTURES.spy), { ticker: 'SPY' }).source).toBe('cboe');
    expect(parseDailyBars(JSON.stringify(tradierDays)).source).toBe('tradier');
    expect(parseDailyBars(JSON.stringify(polygonAggs), { ticker: 'SPY' }).source).toBe('polygon');
  });

  it('passes the ticker check on to the format it found', () => {
    expect(() => parseDailyBars(barsFixtureText(BARS_FIXTURES.spy), { ticker: 'SPX' })).toThrow(/the bars are for SPY, not SPX/);
    expect(() => parseDailyBars(JSON.stringify(polygonAggs), { ticker: 'SPX' })).toThrow(/the bars are for SPY, not SPX/);
  });

  it('names what it found when the shape is none of them', () => {
    expect(() => parseDailyBars('{"prices": []}')).toThrow(/the JSON is an object with the keys prices: no daily bars of a known source/);
    expect(() => parseDailyBars('"text"')).toThrow(/the JSON is "text": no daily bars/);
  });
});
