/** The levels as text a trader can paste: a price list for a Pine script input, and CSV. */
import type { Levels } from './levels';
import type { LevelDiff } from './level-diff';

function named(levels: Levels): [string, number | null][] {
  return [
    ['flip', levels.flip],
    ['call wall', levels.callWall],
    ['put wall', levels.putWall],
    ['abs gamma', levels.absGammaStrike],
    ...levels.topNodes.map((node, index): [string, number] => [`node ${index + 1}`, node.strike]),
  ];
}

/** "4724.71,4800,4700,4800,...": flip, call wall, put wall, absolute-gamma strike, then top nodes. */
export function levelsAsPriceList(levels: Levels, basis = 0): string {
  return named(levels)
    .filter((entry): entry is [string, number] => entry[1] !== null)
    .map(([, price]) => String(Math.round((price + basis) * 100) / 100))
    .join(',');
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function levelsAsCsv(levels: Levels, diff: LevelDiff | null): string {
  const changes: Record<string, number | null | undefined> = {
    flip: diff?.flip.change,
    'call wall': diff?.callWall.change,
    'put wall': diff?.putWall.change,
    'abs gamma': diff?.absGammaStrike.change,
  };
  const rows = [['underlying', 'as_of', 'level', 'price', 'change_vs_prev', 'regime', 'sign_model']];
  for (const [name, price] of named(levels)) {
    if (price === null) continue;
    const change = changes[name];
    rows.push([
      levels.underlying,
      levels.asOf,
      name,
      String(price),
      change === null || change === undefined ? '' : change.toFixed(2),
      levels.regime,
      levels.signModel,
    ]);
  }
  return `${rows.map((row) => row.map(csvField).join(',')).join('\n')}\n`;
}
