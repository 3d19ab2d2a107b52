import { describe, expect, it } from 'vitest';
import { mappingFromRange, mappingThrough, priceToY, yToPrice } from '../../../lib/chart/mapping/mapping';
import { parseTickValue } from '../../../lib/chart/axis/tick-text';
import { mapChartSymbol, DEFAULT_SYMBOL_RULES } from '../../../lib/market/symbol-map';
import { describeFromSpot, placeLevels } from '../../../lib/chart/levels/placement';
import { levelsToDraw } from '../../../lib/chart/levels/level-labels';
import type { Levels } from '../../../lib/gex/levels';

describe('price mappings', () => {
  it('map two known points exactly, linear and log, and invert', () => {
    const linear = mappingThrough('linear', { y: 100, price: 4800 }, { y: 500, price: 4600 })!;
    expect(priceToY(linear, 4700)).toBeCloseTo(300, 9);
    expect(yToPrice(linear, 200)).toBeCloseTo(4750, 9);
    const log = mappingThrough('log', { y: 0, price: 200 }, { y: 100, price: 100 })!;
    // Halfway in log space between 100 and 200 is sqrt(20000) = 141.42...
    expect(priceToY(log, Math.sqrt(20000))).toBeCloseTo(50, 9);
    expect(yToPrice(log, 50)).toBeCloseTo(141.4213562, 6);
  });

  it('refuse degenerate points', () => {
    expect(mappingThrough('linear', { y: 100, price: 4800 }, { y: 100.5, price: 4600 })).toBeNull();
    expect(mappingThrough('linear', { y: 100, price: 4800 }, { y: 300, price: 4800 })).toBeNull();
    expect(mappingThrough('log', { y: 100, price: -1 }, { y: 300, price: 4800 })).toBeNull();
  });

  it('map a visible range over a pane, upright or inverted', () => {
    const upright = mappingFromRange('linear', { from: 4600, to: 4800 }, 50, 400)!;
    expect(priceToY(upright, 4800)).toBeCloseTo(50, 9);
    expect(priceToY(upright, 4600)).toBeCloseTo(450, 9);
    const inverted = mappingFromRange('linear', { from: 4600, to: 4800 }, 50, 400, true)!;
    expect(priceToY(inverted, 4800)).toBeCloseTo(450, 9);
  });
});

describe('axis label fit', () => {
  it('reads tick label numbers as charts print them', () => {
    expect(parseTickValue('4,700.00')).toBe(4700);
    expect(parseTickValue('4\u202f700')).toBe(4700);
    expect(parseTickValue('\u221212.5')).toBe(-12.5);
    expect(parseTickValue('1.2K')).toBe(1200);
    expect(parseTickValue('$450')).toBe(450);
    expect(parseTickValue('Jan 12')).toBeNull();
    expect(parseTickValue('12:30')).toBeNull();
    expect(parseTickValue('45%')).toBeNull();
  });
  // Fitting columns of labels: tests/unit/chart/price-axis*.test.ts.
});

describe('symbol mapping', () => {
  it.each([
    ['SP:SPX', 'SPX'],
    ['TVC:SPX', 'SPX'],
    ['CBOE:SPX', 'SPX'],
    ['AMEX:SPY', 'SPY'],
    ['NASDAQ:QQQ', 'QQQ'],
    ['CME_MINI:ES1!', 'SPX'],
    ['NQ1!', 'NDX'],
    ['NASDAQ:NVDA', 'NVDA'],
  ])('%s -> %s', (chart, underlying) => {
    expect(mapChartSymbol(chart)?.underlying).toBe(underlying);
  });

  it('uses the futures basis the user set, and gives up on unknown futures', () => {
    const rules = [{ chart: 'ES1!', underlying: 'SPX', basis: 32.5 }, ...DEFAULT_SYMBOL_RULES];
    expect(mapChartSymbol('CME_MINI:ES1!', rules)).toEqual({ underlying: 'SPX', basis: 32.5, chartSymbol: 'CME_MINI:ES1!', rule: 'ES1!' });
    expect(mapChartSymbol('CL1!')).toBeNull();
    // Dated contracts follow their continuous contract's rule and basis.
    expect(mapChartSymbol('CME_MINI:ESZ2026', rules)).toEqual({
      underlying: 'SPX',
      basis: 32.5,
      chartSymbol: 'CME_MINI:ESZ2026',
      rule: 'ES1!',
    });
    expect(mapChartSymbol('NQH26')?.underlying).toBe('NDX');
    expect(mapChartSymbol('ES2!', rules)?.basis).toBe(32.5);
    expect(mapChartSymbol('CLZ2026')).toBeNull();
    expect(mapChartSymbol('')).toBeNull();
  });
});

describe('placement and labels', () => {
  const levels = {
    flip: 4734.4,
    callWall: 4800,
    putWall: 4600,
    absGammaStrike: 4700,
    topNodes: [
      { strike: 4800, net: 2.6e9 },
      { strike: 4900, net: 2.6e9 },
    ],
  } as unknown as Levels;

  it('labels each line with its change since the previous session, shifted by the basis', () => {
    const diff = { flip: { change: 12 }, callWall: { change: 0 }, putWall: { change: -25 }, absGammaStrike: { change: null } } as never;
    expect(levelsToDraw(levels, diff, 0).map((level) => level.label)).toEqual([
      'Flip 4734.4  +12.0 vs prev',
      'Call wall 4800.0  ±0.0 vs prev',
      'Put wall 4600.0  −25.0 vs prev',
    ]);
    const onFutures = levelsToDraw(levels, null, 30, {
      flip: true,
      callWall: false,
      putWall: false,
      absGamma: true,
      nodes: 2,
      flipBand: true,
      previous: true,
    });
    expect(onFutures.map((level) => [level.kind, level.price])).toEqual([
      ['flip', 4764.4],
      ['abs-gamma', 4730],
      ['node', 4830],
      ['node', 4930],
    ]);
  });

  it('places levels inside the plot at their y and outside ones as edge markers, each with its distance from spot', () => {
    const mapping = mappingFromRange('linear', { from: 4650, to: 4750 }, 0, 500)!;
    // Spot 4697.2: the call wall at 4800 is 102.8 above it, whatever the zoom.
    const placed = placeLevels(levelsToDraw(levels, null, 0), mapping, { left: 0, top: 0, width: 800, height: 500 }, 4697.2);
    expect(
      placed.map((level) => [level.kind, Math.round(level.drawnY), level.edge, level.fromSpot && +level.fromSpot.points.toFixed(1)]),
    ).toEqual([
      ['flip', 78, null, 37.2],
      ['call-wall', 0, 'above', 102.8],
      ['put-wall', 500, 'below', -97.2],
    ]);
    expect(describeFromSpot(placed[1].fromSpot!)).toBe('102.8 above spot (+2.19%)');
    expect(describeFromSpot(placed[2].fromSpot!)).toBe('97.2 below spot (−2.07%)');
  });
});
