/**
 * What an alert says, in a trader's words: what happened, at which price and level, and where the price
 * came from and how old it was (a delayed quote is said to be one).
 */
import { describeAsOf, formatNewYork } from '../format/time';
import { formatPrice } from '../format/numbers';
import type { AlertLevels, PriceObservation, SessionStart, TriggerKey } from './alert-model';

const LEVEL_NAMES = { flip: 'gamma flip', callWall: 'call wall', putWall: 'put wall' } as const;
const REGIME_WORDS = { positive: 'positive gamma (dealers damp moves)', negative: 'negative gamma (dealers amplify moves)' } as const;

export interface AlertTextInput {
  ticker: string;
  trigger: TriggerKey;
  from: string;
  to: string;
  price: number;
  levels: AlertLevels;
  levelPrice: number | null;
  sessionStart: SessionStart | null;
  /** The regime turned with a flip crossing (said in the same alert). */
  regimeTurn: 'positive' | 'negative' | null;
  /** The call wall and the put wall are one strike (a wall alert names both). */
  bothWalls?: boolean;
  observation: PriceObservation;
  now: number;
}

/** "Price: CBOE delayed quotes (~15 min), as of 10:57 AM EST (3m ago)." */
function describePriceSource(observation: PriceObservation, now: number): string {
  const from = observation.source === 'chart' ? `the chart's last price (${observation.label})` : observation.label;
  return `Price: ${from}, ${describeAsOf(observation.asOf, now)}.`;
}

const signed = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatPrice(Math.abs(value), 1)}`;

export function describeAlert(input: AlertTextInput): { title: string; message: string } {
  const { ticker, trigger, price, levelPrice } = input;
  const source = describePriceSource(input.observation, input.now);
  const at = formatPrice(price);
  if (trigger === 'flip-cross') {
    const regime = input.regimeTurn ? ` The regime is now ${REGIME_WORDS[input.regimeTurn]}.` : '';
    return {
      title: `${ticker} ${input.to} the gamma flip`,
      message: `${ticker} at ${at} is now ${input.to} the gamma flip ${formatPrice(levelPrice, 1)} (it was ${input.from}).${regime} ${source}`,
    };
  }
  if (trigger === 'regime') {
    const flip = input.levels.flip !== null ? `; the flip is ${formatPrice(input.levels.flip, 1)}` : '';
    return {
      title: `${ticker} regime: ${input.to} gamma`,
      message: `Dealer gamma at ${ticker} ${at} turned ${input.to} (it was ${input.from})${flip}: ${REGIME_WORDS[input.to as 'positive' | 'negative']}. ${source}`,
    };
  }
  const level = trigger.endsWith('flip') ? 'flip' : trigger.endsWith('call-wall') ? 'callWall' : 'putWall';
  const name = trigger.startsWith('near:') && input.bothWalls ? 'call and put walls' : LEVEL_NAMES[level];
  if (trigger.startsWith('near:')) {
    const away = (levelPrice ?? price) - price;
    const side = away >= 0 ? 'below' : 'above';
    return {
      title: `${ticker} near the ${name}`,
      message: `${ticker} at ${at} is ${formatPrice(Math.abs(away), 1)} ${side} the ${name} ${formatPrice(levelPrice, 0)} (${((Math.abs(away) / price) * 100).toFixed(2)}%). ${source}`,
    };
  }
  const start = input.sessionStart?.[level] ?? null;
  const since = input.sessionStart ? ` since the session's first levels (${formatNewYork(input.sessionStart.asOf, { date: false })})` : '';
  return {
    title: `${ticker} ${name} moved`,
    message: `The ${ticker} ${name} moved from ${formatPrice(start, 1)} to ${formatPrice(levelPrice, 1)} (${signed((levelPrice ?? 0) - (start ?? 0))})${since}; price ${at}. ${source}`,
  };
}
