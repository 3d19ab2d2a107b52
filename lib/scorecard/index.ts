/**
 * How levels fared on the sessions after them: levels in force per session, touch / hold / break per
 * level against the bar, the mirrored baseline, totals with Wilson intervals, the range by flip side,
 * and the sentences that say it honestly. Used by the popup and `npm run scorecard`; code outside this
 * folder enters through this file.
 */
export { buildScorecard } from './scorecard';
export { sessionInForce } from './levels-in-force';
export { wilsonInterval, WILSON_Z } from './wilson';
export type { KindTotals, LevelScore, LevelSet, Rate, Scorecard, ScoredKind, SessionScore } from './model';
