/**
 * What one chart draws, from the real SPX snapshot's levels on a chart whose axis is y = 40 + (4850 -
 * price) * 1.6 (the SVG test chart's): every y below is worked out by hand from that line and the
 * levels' own fields, never read back from the drawing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { chartDrawing } from '../../../lib/chart/levels';
import { DEFAULT_LINES } from '../../../lib/chart/levels/level-labels';
import type { PriceMapping } from '../../../lib/chart/mapping';
import { parseChainText } from '../../../lib/chain/parse';
import { computeLevels, type Levels } from '../../../lib/gex/levels';
import { FIXTURES, fixtureText } from '../fixtures';

const MAPPING: PriceMapping = { kind: 'linear', intercept: 40 + 4850 * 1.6, slope: -1.6 };
const PLOT = { left: 40, top: 40, width: 700, height: 400 };
const CHART = { id: 'page', mapping: MAPPING, plot: PLOT };
const yOf = (price: number) => 40 + (4850 - price) * 1.6;
const NOW = Date.parse('2024-01-08T15:00:00Z');
const OPTIONS = { lines: DEFAULT_LINES, hidden: [], labelHeight: 17, now: NOW };

let levels: Levels;
beforeAll(() => {
  levels = computeLevels(parseChainText(fixtureText(FIXTURES.spx)));
});

const pushed = (change: Partial<Levels> = {}, basis = 0, reply: { stale?: boolean; staleAfter?: number | null } = {}) => ({
  basis,
  levels: { levels: { ...levels, ...change }, diff: null, stale: reply.stale ?? false, staleAfter: reply.staleAfter ?? null },
  previous: null,
});

describe('a chart drawing', () => {
  it("places today's flip and walls at the mapped y of their own prices, plus the chart's basis", () => {
    // The snapshot's own levels, inside this chart's range (4600..4850).
    expect([levels.flip, levels.callWall, levels.putWall].every((price) => price !== null && price > 4600 && price < 4850)).toBe(true);
    const drawing = chartDrawing(CHART, pushed(), OPTIONS);
    expect(drawing.placed.map((level) => [level.kind, level.price, level.edge])).toEqual([
      ['flip', levels.flip, null],
      ['call-wall', levels.callWall, null],
      ['put-wall', levels.putWall, null],
    ]);
    for (const level of drawing.placed) {
      expect(level.drawnY).toBeCloseTo(yOf(level.price), 9);
      // Far apart (more than a label's height): each label stays on its line.
      expect(level.labelY).toBeCloseTo(level.drawnY, 9);
    }
    expect(drawing.placed[1].label).toBe('Call wall 4800.0');
    // ES-style basis: every level 32.5 higher on this chart, 52 px up.
    const shifted = chartDrawing(CHART, pushed({}, 32.5), OPTIONS);
    expect(shifted.placed.map((level) => level.price)).toEqual([levels.flip! + 32.5, levels.callWall! + 32.5, levels.putWall! + 32.5]);
    expect(shifted.placed[1].drawnY).toBeCloseTo(yOf(4800) - 52, 9);
    // Spot moves with the basis: the wall is as far from it as without one.
    expect(shifted.placed[1].fromSpot!.points).toBeCloseTo(4800 - levels.spot, 9);
  });

  it('marks a level beyond the plot at its edge, with its distance from spot', () => {
    // Zoomed in: y = 40 + (4760 - price) * 4, so the call wall at 4800 sits 160 px above the plot.
    const zoomed = { ...CHART, mapping: { kind: 'linear' as const, intercept: 40 + 4760 * 4, slope: -4 } };
    const wall = chartDrawing(zoomed, pushed(), OPTIONS).placed.find((level) => level.kind === 'call-wall')!;
    expect(wall.edge).toBe('above');
    expect(wall.y).toBeCloseTo(40 - 160, 9);
    expect(wall.drawnY).toBe(40);
    expect(wall.fromSpot!.points).toBeCloseTo(4800 - levels.spot, 9);
    expect(wall.fromSpot!.percent).toBeCloseTo(((4800 - levels.spot) / levels.spot) * 100, 9);
  });

  it('stacks the labels of close lines apart while each line keeps its exact y', () => {
    // A flip 1 point under the call wall: 1.6 px apart, labels 17 px tall.
    const drawing = chartDrawing(CHART, pushed({ flip: 4799 }), OPTIONS);
    const [flip, wall] = drawing.placed;
    expect(flip.drawnY).toBeCloseTo(yOf(4799), 9);
    expect(wall.drawnY).toBeCloseTo(yOf(4800), 9);
    expect(Math.abs(flip.labelY - wall.labelY)).toBeCloseTo(17, 9);
    // The pair's labels sit around the pair's own middle.
    expect((flip.labelY + wall.labelY) / 2).toBeCloseTo((yOf(4799) + yOf(4800)) / 2, 9);
  });

  it('draws the flip band as a zone clipped to the plot, and only with the flip', () => {
    const band = levels.flipBand!;
    const zone = chartDrawing(CHART, pushed(), OPTIONS).zone!;
    expect(zone).toEqual({
      low: band.low,
      high: band.high,
      top: expect.closeTo(yOf(band.high), 9),
      bottom: expect.closeTo(yOf(band.low), 9),
    });
    // A band reaching above the plot's top is cut there; one wholly outside is not drawn.
    expect(chartDrawing(CHART, pushed({ flipBand: { low: 4840, high: 4900 } }), OPTIONS).zone).toEqual({
      low: 4840,
      high: 4900,
      top: 40,
      bottom: expect.closeTo(yOf(4840), 9),
    });
    expect(chartDrawing(CHART, pushed({ flipBand: { low: 4900, high: 4950 } }), OPTIONS).zone).toBeNull();
    expect(chartDrawing(CHART, pushed(), { ...OPTIONS, lines: { ...DEFAULT_LINES, flipBand: false } }).zone).toBeNull();
    expect(chartDrawing(CHART, pushed(), { ...OPTIONS, lines: { ...DEFAULT_LINES, flip: false } }).zone).toBeNull();
  });

  it('leaves out the kinds hidden on the site (the band goes with the flip)', () => {
    const kinds = (hidden: Parameters<typeof chartDrawing>[2]['hidden']) => {
      const drawing = chartDrawing(CHART, pushed(), { ...OPTIONS, hidden });
      return { placed: drawing.placed.map((level) => level.kind), zone: drawing.zone !== null };
    };
    expect(kinds(['call-wall'])).toEqual({ placed: ['flip', 'put-wall'], zone: true });
    expect(kinds(['flip'])).toEqual({ placed: ['call-wall', 'put-wall'], zone: false });
    expect(kinds(['flip-band'])).toEqual({ placed: ['flip', 'call-wall', 'put-wall'], zone: false });
  });

  it("draws the previous session's lines inside the plot only, unless hidden", () => {
    const previous = { session: '2024-01-05', asOf: '2024-01-05T21:00:00.000Z', flip: 4720, callWall: 4790, putWall: 4500 };
    const withPrevious = { ...pushed(), previous };
    const drawn = chartDrawing(CHART, withPrevious, OPTIONS).previous;
    // The put wall at 4500 would be 160 px below the plot: left out.
    expect(drawn.map((level) => [level.kind, level.price])).toEqual([
      ['flip', 4720],
      ['call-wall', 4790],
    ]);
    expect(drawn[0].drawnY).toBeCloseTo(yOf(4720), 9);
    expect(chartDrawing(CHART, withPrevious, { ...OPTIONS, hidden: ['previous'] }).previous).toEqual([]);
  });

  it('is stale as the background said, or by the clock from staleAfter on', () => {
    const stale = (reply: { stale?: boolean; staleAfter?: number | null }) => chartDrawing(CHART, pushed({}, 0, reply), OPTIONS).stale;
    expect(stale({})).toBe(false);
    expect(stale({ stale: true })).toBe(true);
    expect(stale({ staleAfter: NOW })).toBe(true);
    expect(stale({ staleAfter: NOW + 1 })).toBe(false);
    // No levels at all: nothing to call stale.
    expect(
      chartDrawing(CHART, { basis: 0, levels: { levels: null, diff: null, stale: true, staleAfter: null }, previous: null }, OPTIONS).stale,
    ).toBe(false);
  });

  it('draws nothing before the background answered, or where the chart has no mapping', () => {
    const nothing = { placed: [], zone: null, previous: [] };
    const { placed, zone, previous } = chartDrawing(CHART, pushed(), { ...OPTIONS, lines: null });
    expect({ placed, zone, previous }).toEqual(nothing);
    const unmapped = chartDrawing({ ...CHART, mapping: null }, pushed(), OPTIONS);
    expect({ placed: unmapped.placed, zone: unmapped.zone, previous: unmapped.previous }).toEqual(nothing);
    expect(chartDrawing(CHART, null, OPTIONS).placed).toEqual([]);
  });
});
