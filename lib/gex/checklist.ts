/**
 * The session checklist, phrased as a trader's morning routine: each item a question, a verdict in a
 * few words (verdictLabel) and the reason with the numbers behind it. Numbers come from the levels
 * reply; nothing here is advice, every item says what it sees. The verdict enum stays terse for
 * styling and tests (data-verdict): ok (nothing to worry about), watch (worth a look), alert (acts
 * on today's trading), info (context, no judgement).
 */
import type { Levels } from './levels';
import type { IvShift } from './iv-shift';
import { isMonthlyOpex } from '../market/expiry-classes';
import { signedDollars } from '../format/signed-dollars';

type Verdict = 'ok' | 'watch' | 'alert' | 'info';

export interface ChecklistItem {
  id: 'regime' | 'levels' | 'dominant-expiry' | 'concentration' | 'volume-not-exposure' | 'iv-shift' | 'roll-off';
  /** The routine's question or step. */
  title: string;
  verdict: Verdict;
  /** The verdict in words, e.g. "Negative gamma — moves can run". */
  verdictLabel: string;
  /** Why, with the numbers. */
  text: string;
}

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
const pts = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(1)}`;

function regimeItem(levels: Levels): ChecklistItem {
  const title = 'Which gamma regime are we in?';
  const perMove = `${signedDollars(levels.totalGex, true)} per 1% move`;
  const total = `total GEX at spot ${levels.spot.toFixed(2)} is ${perMove}`;
  switch (levels.regime) {
    case 'positive':
      return {
        id: 'regime',
        title,
        verdict: 'ok',
        verdictLabel: 'Positive gamma — ranges tend to hold',
        text: `The ${total}: dealer hedging leans against moves (sells rallies, buys dips).`,
      };
    case 'negative':
      return {
        id: 'regime',
        title,
        verdict: 'alert',
        verdictLabel: 'Negative gamma — moves can run',
        text: `The ${total}: dealer hedging adds to moves (buys rallies, sells dips); expect wider swings.`,
      };
    case 'transition': {
      const flip = levels.flip!;
      return {
        id: 'regime',
        title,
        verdict: 'watch',
        verdictLabel: 'At the flip — the regime can change',
        text: `Spot ${levels.spot.toFixed(2)} is ${pct(Math.abs(levels.spot - flip) / levels.spot)} from the flip ${flip.toFixed(1)}, inside the transition band: a small move can turn dealer hedging around (total GEX ${perMove}).`,
      };
    }
    default:
      return {
        id: 'regime',
        title,
        verdict: 'info',
        verdictLabel: 'No measurable gamma',
        text: `No dealer gamma in the chosen expiries (${levels.expiryFilter}): the ${total}, nothing for hedging to lean on or push.`,
      };
  }
}

function levelsItem(levels: Levels): ChecklistItem {
  const { spot, flip, callWall, putWall } = levels;
  const title = 'Where are the flip and walls?';
  const parts: string[] = [];
  if (flip !== null) parts.push(`flip ${flip.toFixed(1)} (${pts(flip - spot)})`);
  else if (levels.flipNone)
    parts.push(
      `no flip within ${levels.flipNone.searchedFrom.toFixed(0)}–${levels.flipNone.searchedTo.toFixed(0)} (GEX ${levels.flipNone.side} throughout)`,
    );
  const sameStrike = callWall !== null && callWall === putWall;
  if (sameStrike) {
    // Common with 0DTE: the at-the-money strike is the largest on both sides.
    parts.push(
      `call wall and put wall are the same strike, ${callWall} (${pts(callWall - spot)}): the exposure is concentrated there on both sides`,
    );
  } else {
    if (callWall !== null) parts.push(`call wall ${callWall} (${pts(callWall - spot)})`);
    if (putWall !== null) parts.push(`put wall ${putWall} (${pts(putWall - spot)})`);
  }
  if (parts.length === 0)
    return {
      id: 'levels',
      title,
      verdict: 'watch',
      verdictLabel: 'Nothing to mark',
      text: 'No flip and no walls: the chosen expiries hold no exposure to place them.',
    };
  const text = `From spot ${spot.toFixed(2)}: ${parts.join(', ')}.`;
  if (sameStrike) return { id: 'levels', title, verdict: 'watch', verdictLabel: 'Both walls on one strike', text };
  // Within 0.1% of a wall, "above" or "below" it would overstate a rounding difference.
  const at = (wall: number | null) => wall !== null && Math.abs(spot - wall) / spot < 0.001;
  if (at(callWall)) return { id: 'levels', title, verdict: 'watch', verdictLabel: 'Spot at the call wall', text };
  if (at(putWall)) return { id: 'levels', title, verdict: 'watch', verdictLabel: 'Spot at the put wall', text };
  if (callWall !== null && spot > callWall)
    return { id: 'levels', title, verdict: 'watch', verdictLabel: 'Spot above the call wall', text };
  if (putWall !== null && spot < putWall) return { id: 'levels', title, verdict: 'watch', verdictLabel: 'Spot below the put wall', text };
  if (callWall !== null && putWall !== null) return { id: 'levels', title, verdict: 'ok', verdictLabel: 'Spot between the walls', text };
  return { id: 'levels', title, verdict: 'ok', verdictLabel: 'Levels marked', text };
}

function dominantExpiryItem(levels: Levels): ChecklistItem {
  const title = 'Which expiry carries the exposure?';
  if (!levels.dominantExpiry)
    return {
      id: 'dominant-expiry',
      title,
      verdict: 'info',
      verdictLabel: 'None near spot',
      text: 'No expiry holds exposure struck within ±2% of spot.',
    };
  const { expiry, share } = levels.dominantExpiry;
  const zeroDte = expiry === levels.zeroDteSession;
  const kind = zeroDte ? '0DTE' : isMonthlyOpex(expiry) ? 'monthly OPEX' : 'weekly/other';
  return {
    id: 'dominant-expiry',
    title,
    verdict: zeroDte ? 'watch' : 'info',
    verdictLabel: zeroDte ? '0DTE — it settles this session' : `${kind === 'monthly OPEX' ? 'Monthly OPEX' : 'Expiry'} ${expiry}`,
    text: `${expiry} (${kind}) holds ${pct(share)} of |GEX| struck within ±2% of spot.`,
  };
}

/** Near-the-money concentration against the largest node far from spot. */
function concentrationItem(levels: Levels): ChecklistItem {
  const spot = levels.spot;
  const title = 'Is exposure near the money?';
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
  if (total === 0)
    return {
      id: 'concentration',
      title,
      verdict: 'info',
      verdictLabel: 'No exposure',
      text: 'No exposure to compare: every strike nets to zero.',
    };
  const farDominates = far !== null && far.size > nearLargest;
  const share = near / total;
  return {
    id: 'concentration',
    title,
    verdict: farDominates ? 'watch' : 'ok',
    verdictLabel: farDominates ? 'A far strike outweighs the near ones' : share >= 0.5 ? 'Mostly near the money' : 'Spread across strikes',
    text:
      `${pct(share)} of net |GEX| sits within ±2% of spot.` +
      (far
        ? ` The largest node beyond ±5% is ${far.strike}${farDominates ? ', larger than any near one: it matters for a big move, less for today’s path.' : '.'}`
        : ''),
  };
}

function openInterestItem(levels: Levels): ChecklistItem {
  return {
    id: 'volume-not-exposure',
    title: 'What the open interest cannot say',
    verdict: 'info',
    verdictLabel: 'Signs are an assumption',
    text: `Open interest counts contracts, not who holds which side. The sign of every contract is the model's assumption (${levels.signModel}); customers can be long or short either side, and volume does not say which.`,
  };
}

function ivShiftItem(ivShift: IvShift | null): ChecklistItem {
  const title = 'Has implied volatility moved since?';
  if (ivShift === null)
    return {
      id: 'iv-shift',
      title,
      verdict: 'info',
      verdictLabel: 'Nothing to compare yet',
      text: 'No earlier ATM IV this session to compare with.',
    };
  const change = `${ivShift.change >= 0 ? '+' : '−'}${(Math.abs(ivShift.change) * 100).toFixed(1)} pts`;
  return {
    id: 'iv-shift',
    title,
    verdict: ivShift.flagged ? 'alert' : 'ok',
    verdictLabel: ivShift.flagged ? 'IV moved — recheck the levels' : 'IV steady',
    text: `ATM IV ${pct(ivShift.from)} → ${pct(ivShift.to)} (${change})${ivShift.flagged ? ': the morning levels were computed under another volatility.' : '.'}`,
  };
}

function rollOffItem(levels: Levels): ChecklistItem {
  const share = levels.zeroDteShare;
  const heavy = share >= 0.2;
  return {
    id: 'roll-off',
    title: 'What rolls off today?',
    verdict: heavy ? 'watch' : 'ok',
    verdictLabel: heavy ? 'A large share expires' : share === 0 ? 'Nothing expires' : 'Little expires',
    text: `${pct(share)} of |GEX| settles in the ${levels.zeroDteSession} session${heavy ? ': expect the map to change after it rolls off.' : '.'}`,
  };
}

export function sessionChecklist(levels: Levels, ivShift: IvShift | null): ChecklistItem[] {
  return [
    regimeItem(levels),
    levelsItem(levels),
    dominantExpiryItem(levels),
    concentrationItem(levels),
    openInterestItem(levels),
    ivShiftItem(ivShift),
    rollOffItem(levels),
  ];
}
