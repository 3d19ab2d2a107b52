/**
 * The session checklist from a trader's morning routine, each item computed from the data with a
 * verdict. Numbers come from the levels reply; nothing here is advice, every item says what it sees.
 */
import type { Levels } from './levels';
import type { IvShift } from './iv-shift';
import { isMonthlyOpex } from '../market/expiry-classes';

export type Verdict = 'ok' | 'watch' | 'alert' | 'info';

export interface ChecklistItem {
  id: 'regime' | 'levels' | 'dominant-expiry' | 'concentration' | 'volume-not-exposure' | 'iv-shift' | 'roll-off';
  title: string;
  verdict: Verdict;
  text: string;
}

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
const pts = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(1)}`;

export function sessionChecklist(levels: Levels, ivShift: IvShift | null): ChecklistItem[] {
  const spot = levels.spot;
  const items: ChecklistItem[] = [];

  const regimeText = {
    positive: 'Positive gamma: dealer hedging leans against moves (sells rallies, buys dips); ranges tend to hold.',
    negative: 'Negative gamma: dealer hedging adds to moves (buys rallies, sells dips); expect wider swings.',
    transition: `Spot is within the transition band around the flip (${levels.flip?.toFixed(1)}): the regime can change on a small move.`,
    flat: 'No measurable dealer gamma in the chosen expiries.',
  }[levels.regime];
  items.push({ id: 'regime', title: 'Regime tagged', verdict: levels.regime === 'negative' ? 'alert' : levels.regime === 'transition' ? 'watch' : 'ok', text: regimeText });

  const parts: string[] = [];
  if (levels.flip !== null) parts.push(`flip ${levels.flip.toFixed(1)} (${pts(levels.flip - spot)})`);
  else if (levels.flipNone) parts.push(`no flip within ${levels.flipNone.searchedFrom.toFixed(0)}–${levels.flipNone.searchedTo.toFixed(0)} (GEX ${levels.flipNone.side} throughout)`);
  if (levels.callWall !== null) parts.push(`call wall ${levels.callWall} (${pts(levels.callWall - spot)})`);
  if (levels.putWall !== null) parts.push(`put wall ${levels.putWall} (${pts(levels.putWall - spot)})`);
  items.push({ id: 'levels', title: 'Flip and nearest walls marked', verdict: parts.length ? 'ok' : 'watch', text: parts.length ? `From spot ${spot.toFixed(2)}: ${parts.join(', ')}.` : 'No levels to mark.' });

  if (levels.dominantExpiry) {
    const { expiry, share } = levels.dominantExpiry;
    const kind = expiry === levels.zeroDteSession ? '0DTE' : isMonthlyOpex(expiry) ? 'monthly OPEX' : 'weekly/other';
    items.push({
      id: 'dominant-expiry',
      title: 'Dominant expiry',
      verdict: kind === '0DTE' ? 'watch' : 'info',
      text: `${expiry} (${kind}) holds ${pct(share)} of |GEX| struck within ±2% of spot.`,
    });
  }

  // Near-the-money concentration against the largest node far from spot.
  let near = 0;
  let nearLargest = 0;
  let total = 0;
  let far: { strike: number; size: number } | null = null;
  for (const row of levels.byStrike) {
    const size = Math.abs(row.net);
    total += size;
    const distance = Math.abs(row.strike - spot) / spot;
    if (distance <= 0.02) {
      near += size;
      nearLargest = Math.max(nearLargest, size);
    } else if (distance >= 0.05 && (!far || size > far.size)) {
      far = { strike: row.strike, size };
    }
  }
  const farDominates = far !== null && far.size > nearLargest;
  items.push({
    id: 'concentration',
    title: 'Near-the-money versus far-away strikes',
    verdict: farDominates ? 'watch' : 'ok',
    text:
      total === 0
        ? 'No exposure to compare.'
        : `${pct(near / total)} of net |GEX| sits within ±2% of spot.` +
          (far ? ` The largest node beyond ±5% is ${far.strike}${farDominates ? ', larger than any near one: it matters for a big move, less for today’s path.' : '.'}` : ''),
  });

  items.push({
    id: 'volume-not-exposure',
    title: 'Volume and open interest are not net dealer exposure',
    verdict: 'info',
    text: `The sign of every contract is the model's assumption (${levels.signModel}); customers can be long or short either side.`,
  });

  items.push(
    ivShift === null
      ? { id: 'iv-shift', title: 'IV shift since the levels were computed', verdict: 'info', text: 'No earlier ATM IV this session to compare with.' }
      : {
          id: 'iv-shift',
          title: 'IV shift since the levels were computed',
          verdict: ivShift.flagged ? 'alert' : 'ok',
          text: `ATM IV ${pct(ivShift.from)} → ${pct(ivShift.to)} (${ivShift.change >= 0 ? '+' : '−'}${(Math.abs(ivShift.change) * 100).toFixed(1)} pts)${ivShift.flagged ? ': the morning levels were computed under another volatility.' : '.'}`,
        },
  );

  items.push({
    id: 'roll-off',
    title: 'Structure change after expiry roll-off',
    verdict: levels.zeroDteShare >= 0.2 ? 'watch' : 'ok',
    text: `${pct(levels.zeroDteShare)} of |GEX| settles in the ${levels.zeroDteSession} session${levels.zeroDteShare >= 0.2 ? ': expect the map to change after it rolls off.' : '.'}`,
  });
  return items;
}
