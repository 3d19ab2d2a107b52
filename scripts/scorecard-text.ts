/** The scorecard as readable text: per session its bar and each level's fate, then the totals, the range by flip side and the sentences. */
import type { KindTotals, Rate, Scorecard, ScoredKind, SessionScore } from '../lib/scorecard';
import { formatPrice } from '../lib/format/numbers';
import { formatNewYork } from '../lib/format/time';
import { newYorkHourMinute } from './scorecard-json';

const KIND_LABELS: Record<ScoredKind, string> = {
  flip: 'Flip',
  'call-wall': 'Call wall',
  'put-wall': 'Put wall',
  'prev-flip': 'Prev flip',
  'prev-call-wall': 'Prev call wall',
  'prev-put-wall': 'Prev put wall',
};

const percent = (value: number) => `${(value * 100).toFixed(0)}%`;
const rate = (value: Rate | null) => (value ? `${percent(value.value)} [${percent(value.low)}–${percent(value.high)}]` : '—');
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function sessionLines(session: SessionScore): string[] {
  const side =
    session.flipSide === null ? 'no flip side' : session.flipSide === 'above-flip' ? 'opened above the flip' : 'opened below the flip';
  const lines = [
    `${session.session}  O ${formatPrice(session.open)}  H ${formatPrice(session.high)}  L ${formatPrice(session.low)}  C ${formatPrice(session.close)}  range ${session.rangePct.toFixed(2)}%  ${side}`,
    `  levels of ${session.inForce.source} (as of ${formatNewYork(session.inForce.asOf, { year: true })})`,
  ];
  for (const level of session.levels) {
    const outcome = level.outcome === 'untouched' ? 'untouched' : `touched, ${level.outcome}`;
    const path = level.path
      ? `  first touch ${level.path.firstTouchAt === null ? '—' : newYorkHourMinute(level.path.firstTouchAt)}, ${plural(level.path.crossings, 'crossing')}`
      : '';
    lines.push(
      `  ${KIND_LABELS[level.kind].padEnd(15)}${formatPrice(level.price).padStart(10)}  ${`${level.side} the open`.padEnd(16)}${outcome.padEnd(17)}mirror ${formatPrice(level.mirror.price)} ${level.mirror.touched ? 'touched' : 'not touched'}${path}`,
    );
  }
  for (const level of session.atOpen)
    lines.push(`  ${KIND_LABELS[level.kind].padEnd(15)}${formatPrice(level.price).padStart(10)}  exactly at the open: not scored`);
  return lines;
}

function totalsLine(kind: ScoredKind, totals: KindTotals): string {
  return `  ${KIND_LABELS[kind].padEnd(15)}${plural(totals.sessions, 'session').padEnd(12)} touched ${totals.touched} (${rate(totals.touchRate)}), held ${totals.held}, broke ${totals.broke} (hold ${rate(totals.holdRate)}); mirror touched ${totals.mirrorTouched} (${rate(totals.mirrorTouchRate)})`;
}

export function scorecardText(card: Scorecard, heading: string): string {
  const lines = [heading, ''];
  for (const session of card.sessions) lines.push(...sessionLines(session));
  if (card.sessions.length) lines.push('');
  lines.push('Totals (rates with their Wilson 95% intervals)');
  for (const [kind, totals] of Object.entries(card.totals) as [ScoredKind, KindTotals][]) lines.push(totalsLine(kind, totals));
  const side = (which: 'above-flip' | 'below-flip', label: string) => {
    const { sessions, meanRangePct } = card.rangeBySide[which];
    return `${label} ${plural(sessions, 'session')}${meanRangePct === null ? '' : `, mean range ${meanRangePct.toFixed(2)}%`}`;
  };
  lines.push(`Range by flip side: ${side('above-flip', 'opened above the flip')}; ${side('below-flip', 'opened below the flip')}`);
  lines.push('');
  for (const sentence of card.summary) lines.push(`${sentence}.`);
  if (card.smallSample) lines.push(card.smallSample);
  lines.push('The levels are one model of dealer positioning (open interest and an assumed sign), not observed positions.');
  return `${lines.join('\n')}\n`;
}
