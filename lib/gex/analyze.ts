/**
 * The one analysis entry: a snapshot, the assumptions and an expiry filter in; levels, the heatmap,
 * the profile and ATM IV out. The chain is prepared once per (snapshot, assumptions, filter) and
 * reused by every view of it, so a popup asking for levels, heatmap and profile pays for one.
 * Used by the background, the CLI and the benchmarks alike.
 */
import type { ChainSnapshot } from '../chain/model';
import { prepareChain, type PreparedChain } from './prepared-chain';
import { levelsOfPreparedChain, type Levels } from './levels';
import {
  type StrikeExposure,
  exposureByExpiry,
  exposureByStrike,
  exposureTotals,
  type ExpiryExposure,
  type ExposureTotals,
  type StrikeExposure as GreekStrikeExposure,
} from './aggregate';
import { heatmapGrid, type HeatmapGrid, type HeatmapOptions } from './heatmap';
import { profilePoints, type ProfilePoint } from './profile';
import { atmIv } from './atm-iv';
import { ALL_EXPIRIES, type ExpiryFilter } from './expiry-filter';
import { describeAssumptions, type Assumptions } from './assumptions';
import { forwardsByExpiry, type ExpiryForward } from './forward';
import { futuresBasisForSymbol, type FuturesBasis } from './futures-basis';
import type { Greek } from './greek-exposure';

/** One greek's exposure of the chain: totals, by strike and by expiry. */
interface GreekExposure {
  totals: ExposureTotals;
  byStrike: GreekStrikeExposure[];
  byExpiry: ExpiryExposure[];
}

/** The profile spans ±20% of spot: wider than any session's move, narrow enough to read. */
const PROFILE_SPAN = 0.2;
export const DEFAULT_PROFILE_POINTS = 201;

export interface AnalysisOptions {
  /** UTC ms the exposures are evaluated at (default: the snapshot's as-of). */
  evaluatedAt?: number;
  /** Overrides the snapshot's spot. */
  spot?: number;
}

export interface Analysis {
  chain: PreparedChain;
  levels: Levels;
  byStrike: StrikeExposure[];
  /** What the numbers assumed, as stated to the user. */
  assumptions: ReturnType<typeof describeAssumptions>;
  /** ATM IV of the first expiry after the current session, or null. */
  atmIv: number | null;
  heatmap(options?: HeatmapOptions): HeatmapGrid;
  profile(points?: number): ProfilePoint[];
  /** The forward of each expiry by put-call parity (lib/gex/forward). */
  forwards(): ExpiryForward[];
  /** The basis of a futures chart symbol (ES1!, ESZ2026, ...) from the forwards, or null when it is none. */
  futuresBasis(chartSymbol: string): FuturesBasis | null;
  exposure(greek: Greek): GreekExposure;
}

const memo = new WeakMap<ChainSnapshot, Map<string, Analysis>>();
/** Analyses kept per snapshot (filters and assumptions a user flips between). */
const MEMO_PER_SNAPSHOT = 8;

/** Throws EngineInputError when the chain cannot give exposures at all (no spot to be had). */
export function analyzeChain(
  snapshot: ChainSnapshot,
  assumptions: Assumptions,
  filter: ExpiryFilter = ALL_EXPIRIES,
  options: AnalysisOptions = {},
): Analysis {
  const key = JSON.stringify([assumptions, filter, options.evaluatedAt ?? null, options.spot ?? null]);
  let analyses = memo.get(snapshot);
  const known = analyses?.get(key);
  if (known) return known;
  const chain = prepareChain(snapshot, {
    rate: assumptions.rate,
    dividend: assumptions.dividendYield,
    signModel: assumptions.signModel,
    expiryFilter: filter,
    evaluatedAt: options.evaluatedAt,
    spot: options.spot,
  });
  const { levels, byStrike } = levelsOfPreparedChain(chain, snapshot.warnings, { transitionBand: assumptions.transitionBand });
  const heatmaps = new Map<string, HeatmapGrid>();
  const profiles = new Map<number, ProfilePoint[]>();
  const exposures = new Map<Greek, GreekExposure>();
  let forwards: ExpiryForward[] | null = null;
  const analysis: Analysis = {
    chain,
    levels,
    byStrike,
    assumptions: describeAssumptions(assumptions, filter),
    atmIv: atmIv(snapshot, chain.evaluatedAt, chain.spot)?.iv ?? null,
    heatmap(heatmapOptions = {}) {
      const heatmapKey = JSON.stringify(heatmapOptions);
      let grid = heatmaps.get(heatmapKey);
      if (!grid) heatmaps.set(heatmapKey, (grid = heatmapGrid(chain, heatmapOptions)));
      return grid;
    },
    profile(points = DEFAULT_PROFILE_POINTS) {
      let profile = profiles.get(points);
      if (!profile)
        profiles.set(points, (profile = profilePoints(chain, chain.spot * (1 - PROFILE_SPAN), chain.spot * (1 + PROFILE_SPAN), points)));
      return profile;
    },
    forwards() {
      forwards ??= forwardsByExpiry(snapshot, { spot: chain.spot, evaluatedAt: chain.evaluatedAt, rate: chain.rate });
      return forwards;
    },
    futuresBasis(chartSymbol) {
      return futuresBasisForSymbol(chartSymbol, analysis.forwards(), chain.spot, chain.evaluatedAt);
    },
    exposure(greek) {
      let exposure = exposures.get(greek);
      if (!exposure)
        exposures.set(
          greek,
          (exposure = {
            totals: exposureTotals(chain, greek),
            byStrike: exposureByStrike(chain, greek),
            byExpiry: exposureByExpiry(chain, greek),
          }),
        );
      return exposure;
    },
  };
  if (!analyses) memo.set(snapshot, (analyses = new Map<string, Analysis>()));
  if (analyses.size >= MEMO_PER_SNAPSHOT) analyses.delete(analyses.keys().next().value!);
  analyses.set(key, analysis);
  return analysis;
}
