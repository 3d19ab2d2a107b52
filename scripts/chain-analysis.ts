/**
 * A chain file through the extension's path: parsed, checked by the gate (refused unless --accept),
 * analysed with the extension's defaults for its underlying and whatever the flags set instead. Shared
 * by `levels` and `scorecard`, so the scorecard scores exactly the levels `levels` prints for a file.
 */
import { parseChainText } from '../lib/chain/parse';
import { checkChain } from '../lib/chain/gate';
import type { ChainSnapshot } from '../lib/chain/model';
import { analyzeChain, type Analysis, type AnalysisOptions } from '../lib/gex/analyze';
import { assumptionsFor } from '../lib/gex/assumptions';
import { fail, oneLine, type AssumptionFlags } from './command-support';

export interface ChainFileOptions extends AnalysisOptions {
  /** The command's name, for warnings ("levels: warning: ..."). */
  command: string;
  flags: AssumptionFlags;
  /** As-of for a file that carries none. */
  asOf?: number;
  provider?: string;
  /** The underlying the file must be. */
  ticker?: string;
  /** Use a chain the gate refuses, with a warning. */
  accept: boolean;
  transitionBand?: number;
  /** Said first among the warnings (the sample's label). */
  label?: string;
}

export function analyzeChainFile(
  path: string,
  text: string,
  options: ChainFileOptions,
  warn: (text: string) => void,
): { snapshot: ChainSnapshot; analysis: Analysis } {
  let snapshot;
  try {
    snapshot = parseChainText(text, { asOf: options.asOf, provider: options.provider });
  } catch (error) {
    fail(`${path}: ${(error as Error).message}`);
  }
  // The extension's gate, without a last good chain to compare with (a file stands alone here).
  const check = checkChain(snapshot, { ticker: options.ticker });
  if (!check.ok) {
    if (!options.accept) fail(`${path}: ${check.reason}`);
    warn(`${options.command}: warning: ${oneLine(`${path}: ${check.reason}`)} (used anyway: --accept)\n`);
    snapshot.warnings.unshift(`refused by the checks, used anyway (--accept): ${check.reason}`);
  } else {
    for (const warning of check.warnings) if (!snapshot.warnings.includes(warning)) snapshot.warnings.push(warning);
  }
  if (options.label) snapshot.warnings.unshift(options.label);
  // The extension's defaults for this underlying, with whatever the flags set instead.
  const { rate, dividend, signModel, expiryFilter } = options.flags;
  const defaults = assumptionsFor(snapshot.underlying, { signModel, transitionBand: options.transitionBand });
  const assumptions = { ...defaults, rate: rate ?? defaults.rate, dividendYield: dividend ?? defaults.dividendYield };
  try {
    return {
      snapshot,
      analysis: analyzeChain(snapshot, assumptions, expiryFilter, { evaluatedAt: options.evaluatedAt, spot: options.spot }),
    };
  } catch (error) {
    fail(`${path}: ${(error as Error).message}`);
  }
}
