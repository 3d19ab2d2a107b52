/**
 * From a chart's symbol to the options underlying whose chain gives the levels, with a basis for
 * futures (ES trades above SPX by the carry): by default taken from the chain's own forwards, or the
 * offset the user sets. Editable in the options page.
 */

export interface SymbolRule {
  /** Chart symbol, exchange prefix optional: "SP:SPX", "SPX", "ES1!", "CME_MINI:ES1!". */
  chart: string;
  underlying: string;
  /**
   * Added to option-derived levels to place them on this chart (futures basis), in points; null: from
   * the chain's own forwards for a futures chart (0 for anything else).
   */
  basis: number | null;
}

export const DEFAULT_SYMBOL_RULES: SymbolRule[] = [
  { chart: 'SPX', underlying: 'SPX', basis: 0 },
  { chart: 'SPX500', underlying: 'SPX', basis: 0 },
  { chart: 'ES1!', underlying: 'SPX', basis: null },
  { chart: 'ES', underlying: 'SPX', basis: null },
  { chart: 'MES1!', underlying: 'SPX', basis: null },
  { chart: 'NDX', underlying: 'NDX', basis: 0 },
  { chart: 'NQ1!', underlying: 'NDX', basis: null },
  { chart: 'MNQ1!', underlying: 'NDX', basis: null },
  { chart: 'RUT', underlying: 'RUT', basis: 0 },
  { chart: 'RTY1!', underlying: 'RUT', basis: null },
  { chart: 'VIX', underlying: 'VIX', basis: 0 },
];

export interface MappedSymbol {
  underlying: string;
  /** The rule's basis: points, or null for the forwards-derived one. */
  basis: number | null;
  /** The chart symbol as read. */
  chartSymbol: string;
  /** The rule's chart symbol that matched, or null when the symbol is its own underlying. */
  rule: string | null;
}

const OPTIONABLE = /^[A-Z][A-Z0-9.]{0,9}$/;

/** "TVC:SPX" -> SPX; "AMEX:SPY" -> SPY; "CME_MINI:ES1!" -> SPX (+ basis); null when nothing fits. */
export function mapChartSymbol(chartSymbol: string, rules: readonly SymbolRule[] = DEFAULT_SYMBOL_RULES): MappedSymbol | null {
  const full = chartSymbol.trim().toUpperCase();
  if (!full) return null;
  const bare = full.includes(':') ? full.slice(full.lastIndexOf(':') + 1) : full;
  const rule =
    rules.find((candidate) => candidate.chart.toUpperCase() === full) ?? rules.find((candidate) => candidate.chart.toUpperCase() === bare);
  if (rule) return { underlying: rule.underlying, basis: rule.basis, chartSymbol: full, rule: rule.chart };
  // A dated futures contract (ESZ2026, NQH26, ES2!) follows its continuous contract's rule (ES1!).
  const future = /^([A-Z]{1,4}?)(?:\d!|[FGHJKMNQUVXZ]\d{1,4})$/.exec(bare);
  const continuous = future && rules.find((candidate) => candidate.chart.toUpperCase() === `${future[1]}1!`);
  if (continuous) return { underlying: continuous.underlying, basis: continuous.basis, chartSymbol: full, rule: continuous.chart };
  // Futures we have no rule for (continuous or dated) have no options chain of their own here.
  if (bare.endsWith('!') || future) return null;
  return OPTIONABLE.test(bare) ? { underlying: bare, basis: 0, chartSymbol: full, rule: null } : null;
}
