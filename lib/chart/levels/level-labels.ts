/** The levels to draw from a levels reply: prices shifted by the chart's basis, labels with the change. */
import type { Levels } from '../../gex/levels';
import type { LevelDiff } from '../../gex/level-diff';
import type { LevelToDraw } from './placement';
import { levelKind, type LevelKind } from './level-kinds';

export interface LineChoice {
  flip: boolean;
  callWall: boolean;
  putWall: boolean;
  absGamma: boolean;
  /** How many top net nodes to draw (0 for none). */
  nodes: number;
  /** The flip's model band as a translucent zone around the flip line. */
  flipBand: boolean;
  /** The previous session's flip and walls as faint dashed lines. */
  previous: boolean;
}

export const DEFAULT_LINES: LineChoice = {
  flip: true,
  callWall: true,
  putWall: true,
  absGamma: false,
  nodes: 0,
  flipBand: true,
  previous: true,
};

function formatLevel(value: number): string {
  // (toFixed: toLocaleString builds a formatter per call, and labels are made every frame.)
  return value.toFixed(1);
}

function change(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  return `  ${sign}${Math.abs(value).toFixed(1)} vs prev`;
}

export function levelsToDraw(levels: Levels, diff: LevelDiff | null, basis: number, lines: LineChoice = DEFAULT_LINES): LevelToDraw[] {
  const out: LevelToDraw[] = [];
  const add = (kind: LevelKind, value: number | null, delta?: number | null, name: string = levelKind(kind).short) => {
    if (value === null) return;
    out.push({ kind, price: value + basis, label: `${name} ${formatLevel(value + basis)}${change(delta)}` });
  };
  if (lines.flip) add('flip', levels.flip, diff?.flip.change);
  if (lines.callWall) add('call-wall', levels.callWall, diff?.callWall.change);
  if (lines.putWall) add('put-wall', levels.putWall, diff?.putWall.change);
  if (lines.absGamma) add('abs-gamma', levels.absGammaStrike, diff?.absGammaStrike.change);
  const drawn = new Set(out.map((level) => level.price));
  for (const node of levels.topNodes.slice(0, lines.nodes)) {
    if (!drawn.has(node.strike + basis)) add('node', node.strike, undefined, node.net >= 0 ? 'Node +γ' : 'Node −γ');
  }
  return out;
}
