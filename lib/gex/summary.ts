/** The human summary of a levels report (CLI output; the popup shows the same facts). */
import type { Levels } from './levels';
import { formatDollars, formatPrice, formatShare } from '../format/numbers';
import { describeHedgeFlow } from '../format/hedge-flow';
import { describeAsOf, oldDataNote } from '../format/time';

const formatPercent = (value: number) => `${+(value * 100).toFixed(3)}%`;

/** What the numbers assumed (lib/gex/assumptions describeAssumptions). */
export interface StatedAssumptions {
  rate: number;
  dividendYield: number;
  signModel: string;
  expiryFilter: string;
}

/** The summary as text; `now` (UTC ms) dates the data's age, in New York time as the popup says it. */
export function summarizeLevels(levels: Levels, assumptions?: StatedAssumptions, now?: number): string {
  const lines: string[] = [];
  const regimeText =
    levels.regime === 'transition'
      ? `TRANSITION (spot within the band around the flip; total GEX ${levels.totalGex >= 0 ? 'positive' : 'negative'})`
      : levels.regime.toUpperCase();
  const asOf = Date.parse(levels.asOf);
  const when = now === undefined ? `as of ${levels.asOf}` : describeAsOf(asOf, now);
  lines.push(`${levels.underlying}  spot ${formatPrice(levels.spot)}  ${when}  (${levels.expiryFilter})`);
  const old = now === undefined ? null : oldDataNote(asOf, now);
  if (old) lines.push(`Data age     ${old}`);
  lines.push(`Regime       ${regimeText}`);
  if (levels.flip !== null) {
    const others = levels.flips.filter((flip) => flip !== levels.flip).map((flip) => formatPrice(flip));
    lines.push(`Gamma flip   ${formatPrice(levels.flip)}${others.length ? `   (other crossings: ${others.join(', ')})` : ''}`);
  } else if (levels.flipNone) {
    lines.push(
      `Gamma flip   none in ${formatPrice(levels.flipNone.searchedFrom)}–${formatPrice(levels.flipNone.searchedTo)}: GEX ${levels.flipNone.side} throughout`,
    );
  }
  if (levels.flipBand) {
    const counted = levels.flipModels.filter((model) => model.flip !== null).length;
    lines.push(
      `Flip band    ${formatPrice(levels.flipBand.low)}–${formatPrice(levels.flipBand.high)} across ${counted} of ${levels.flipModels.length} models (${levels.flipModels.map((model) => `${model.model} ${model.flip === null ? `none, ${model.side}` : formatPrice(model.flip)}`).join('; ')})`,
    );
  }
  lines.push(`Call wall    ${formatPrice(levels.callWall)}`);
  lines.push(`Put wall     ${formatPrice(levels.putWall)}`);
  lines.push(`Abs gamma    ${formatPrice(levels.absGammaStrike)}`);
  lines.push(
    `Total GEX    ${formatDollars(levels.totalGex)} per 1% move (calls ${formatDollars(levels.callGex)}, puts ${formatDollars(levels.putGex)})`,
  );
  lines.push(`Hedge flow   ${describeHedgeFlow(levels.hedgeFlowPerPct)} (if the sign model holds)`);
  if (levels.dominantExpiry) {
    lines.push(`Dominant     ${levels.dominantExpiry.expiry}, ${formatShare(levels.dominantExpiry.share)} of |GEX| within ±2% of spot`);
  }
  lines.push(`0DTE share   ${formatShare(levels.zeroDteShare)} of |GEX| settles in the ${levels.zeroDteSession} session`);
  if (levels.topNodes.length) {
    lines.push(`Top nodes    ${levels.topNodes.map((node) => `${formatPrice(node.strike, 0)} (${formatDollars(node.net)})`).join(', ')}`);
  }
  const skipped = levels.contractsSkipped;
  lines.push(
    `Contracts    ${levels.contractsUsed} used; skipped: ${skipped.expired} expired, ${skipped.noOpenInterest} no OI, ${skipped.noGamma} no IV and no smile, ${skipped.filteredOut} other expiries${skipped.adjusted ? `, ${skipped.adjusted} adjusted` : ''}`,
  );
  lines.push(`Sign model   ${levels.signModel} — an assumption, not an observation`);
  if (assumptions) {
    lines.push(
      `Assumed      rate ${formatPercent(assumptions.rate)}, dividend yield ${formatPercent(assumptions.dividendYield)}, ${assumptions.expiryFilter}`,
    );
  }
  for (const warning of levels.warnings) lines.push(`Warning      ${warning}`);
  return lines.join('\n');
}
