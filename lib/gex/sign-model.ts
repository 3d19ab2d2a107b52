/**
 * The dealer sign model: which side of each contract dealers are assumed to hold. An assumption, never
 * an observation — the UI always names the model in use.
 */
import type { OptionType } from '../chain/model';

export type SignModel =
  | { kind: 'classic' } // dealers long calls (+1), short puts (-1): the common public convention
  | { kind: 'short-all' } // dealers short every option (-1 both)
  | { kind: 'custom'; call: number; put: number };

export const CLASSIC: SignModel = { kind: 'classic' };

export function dealerSign(model: SignModel, type: OptionType): number {
  switch (model.kind) {
    case 'classic':
      return type === 'C' ? 1 : -1;
    case 'short-all':
      return -1;
    case 'custom':
      return type === 'C' ? model.call : model.put;
  }
}

export function describeSignModel(model: SignModel): string {
  switch (model.kind) {
    case 'classic':
      return 'classic: dealers long calls, short puts';
    case 'short-all':
      return 'dealers short all options';
    case 'custom':
      return `custom: calls ${formatSign(model.call)}, puts ${formatSign(model.put)}`;
  }
}

function formatSign(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

/** Reads a sign model name as the CLI and settings spell it; null when unknown. */
export function parseSignModel(text: string): SignModel | null {
  if (text === 'classic') return CLASSIC;
  if (text === 'short-all') return { kind: 'short-all' };
  const custom = /^custom:([+-]?\d*\.?\d+),([+-]?\d*\.?\d+)$/.exec(text);
  if (custom) return { kind: 'custom', call: Number(custom[1]), put: Number(custom[2]) };
  return null;
}
