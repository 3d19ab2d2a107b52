/**
 * Every level the project shows, from one snapshot: flip, walls, absolute-gamma strike, top nodes,
 * regime, dominant expiry, 0DTE share, hedge flow (DESIGN.md "The numbers").
 */
import type { ChainSnapshot } from '../chain/model';
import { prepareChain, type EngineSettings, type PreparedChain, type SkippedCounts } from './prepared-chain';
import { exposureByStrike, type StrikeExposure } from './aggregate';
import { findFlips } from './flip';
import { flipModels, type FlipModelName } from './flip-models';
import { describeSignModel } from './sign-model';
import { describeExpiryFilter } from './expiry-filter';
import { currentOrNextSession } from '../market/sessions';

export type Regime = 'positive' | 'negative' | 'transition' | 'flat';

export interface LevelSettings extends EngineSettings {
  /** Half-width of the transition band around the flip, as a fraction of spot (default 0.005). */
  transitionBand?: number;
  /** How many net nodes to list (default 5). */
  topNodes?: number;
  /** Half-width of the band for the dominant expiry, as a fraction of spot (default 0.02). */
  dominantBand?: number;
}

interface NetNode {
  strike: number;
  net: number;
}

export interface Levels {
  underlying: string;
  spot: number;
  asOf: string;
  evaluatedAt: string;
  signModel: string;
  expiryFilter: string;
  regime: Regime;
  /** The flip nearest spot, or null with flipNone saying which side holds. */
  flip: number | null;
  flips: number[];
  flipNone: { side: 'positive' | 'negative' | 'zero'; searchedFrom: number; searchedTo: number } | null;
  /** The flip nearest spot under each named model (lib/gex/flip-models), or null with the side that holds. */
  flipModels: { model: FlipModelName; flip: number | null; side: 'positive' | 'negative' | 'zero' | null }[];
  /** [min, max] of the models' flips that exist: how much the flip depends on its assumptions. */
  flipBand: { low: number; high: number } | null;
  callWall: number | null;
  putWall: number | null;
  absGammaStrike: number | null;
  topNodes: NetNode[];
  /** Total GEX at spot, dollars per 1% move. */
  totalGex: number;
  callGex: number;
  putGex: number;
  dominantExpiry: { expiry: string; share: number } | null;
  /** Share of |GEX| that settles in the current session (0-1). */
  zeroDteShare: number;
  zeroDteSession: string;
  hedgeFlowPerPct: { dollars: number; shares: number };
  contractsUsed: number;
  contractsSkipped: SkippedCounts;
  warnings: string[];
  byStrike: { strike: number; call: number; put: number; net: number }[];
}

/** Levels straight from a snapshot: for tests and tools; the product goes through analyzeChain. */
export function computeLevels(snapshot: ChainSnapshot, settings: LevelSettings = {}): Levels {
  return levelsOfPreparedChain(prepareChain(snapshot, settings), snapshot.warnings, settings).levels;
}

export function levelsOfPreparedChain(
  chain: PreparedChain,
  snapshotWarnings: readonly string[],
  settings: LevelSettings = {},
): { levels: Levels; byStrike: StrikeExposure[] } {
  const spot = chain.spot;
  const band = settings.transitionBand ?? 0.005;
  const topCount = settings.topNodes ?? 5;
  const dominantBand = settings.dominantBand ?? 0.02;
  const byStrike = exposureByStrike(chain);

  let callWall: StrikeExposure | null = null;
  let putWall: StrikeExposure | null = null;
  let absGamma: StrikeExposure | null = null;
  // Walls by magnitude, so they stay the same strikes whatever the sign model.
  for (const row of byStrike) {
    if (row.call !== 0 && (!callWall || Math.abs(row.call) > Math.abs(callWall.call))) callWall = row;
    if (row.put !== 0 && (!putWall || Math.abs(row.put) > Math.abs(putWall.put))) putWall = row;
    const absolute = Math.abs(row.call) + Math.abs(row.put);
    if (absolute > 0 && (!absGamma || absolute > Math.abs(absGamma.call) + Math.abs(absGamma.put))) absGamma = row;
  }
  const topNodes = byStrike
    .filter((row) => row.net !== 0)
    .sort((a, b) => Math.abs(b.net) - Math.abs(a.net))
    .slice(0, topCount)
    .map((row) => ({ strike: row.strike, net: row.net }));

  let callGex = 0;
  let putGex = 0;
  let absoluteTotal = 0;
  let zeroDteAbsolute = 0;
  const session = currentOrNextSession(chain.evaluatedAt);
  for (let i = 0; i < chain.count; i++) {
    const gex = chain.gex[i];
    if (chain.isCall[i]) callGex += gex;
    else putGex += gex;
    absoluteTotal += Math.abs(gex);
    // Per date, the later settlement (PM over AM) stands: both fall in the session or neither does.
    if (chain.settlementOfExpiry[chain.expiryIndex[i]] <= session.close) zeroDteAbsolute += Math.abs(gex);
  }
  const totalGex = callGex + putGex;

  // Dominant expiry among contracts struck within +-2% of spot.
  const nearAbsolute = new Float64Array(chain.expiries.length);
  let nearTotal = 0;
  for (let i = 0; i < chain.count; i++) {
    if (Math.abs(chain.strike[i] - spot) > dominantBand * spot) continue;
    const absolute = Math.abs(chain.gex[i]);
    nearAbsolute[chain.expiryIndex[i]] += absolute;
    nearTotal += absolute;
  }
  let dominantExpiry: Levels['dominantExpiry'] = null;
  for (let e = 0; e < chain.expiries.length; e++) {
    if (nearTotal > 0 && (!dominantExpiry || nearAbsolute[e] / nearTotal > dominantExpiry.share)) {
      dominantExpiry = { expiry: chain.expiries[e], share: nearAbsolute[e] / nearTotal };
    }
  }

  // The models first: the classic model's search is the levels' own (remembered per chain), done once.
  const models = flipModels(chain);
  const flipResult = findFlips(chain);
  let regime: Regime = totalGex > 0 ? 'positive' : totalGex < 0 ? 'negative' : 'flat';
  if (flipResult.nearest !== null && Math.abs(spot - flipResult.nearest) <= band * spot) regime = 'transition';

  const warnings = [...snapshotWarnings, ...chain.warnings];
  if (flipResult.nearest === null && flipResult.noCrossingSide !== 'zero' && chain.count > 0) {
    warnings.push(
      `no gamma flip between ${flipResult.searchRange[0].toFixed(2)} and ${flipResult.searchRange[1].toFixed(2)}: total GEX stays ${flipResult.noCrossingSide} there`,
    );
  }
  const levels: Levels = {
    underlying: chain.underlying,
    spot,
    asOf: new Date(chain.asOf).toISOString(),
    evaluatedAt: new Date(chain.evaluatedAt).toISOString(),
    signModel: describeSignModel(chain.signModel),
    expiryFilter: describeExpiryFilter(chain.expiryFilter),
    regime,
    flip: flipResult.nearest,
    flips: flipResult.flips,
    flipModels: models.models.map(({ model, flip, noCrossingSide }) => ({ model, flip, side: noCrossingSide })),
    flipBand: models.band,
    flipNone:
      flipResult.noCrossingSide === null
        ? null
        : { side: flipResult.noCrossingSide, searchedFrom: flipResult.searchRange[0], searchedTo: flipResult.searchRange[1] },
    callWall: callWall?.strike ?? null,
    putWall: putWall?.strike ?? null,
    absGammaStrike: absGamma?.strike ?? null,
    topNodes,
    totalGex,
    callGex,
    putGex,
    dominantExpiry,
    zeroDteShare: absoluteTotal > 0 ? zeroDteAbsolute / absoluteTotal : 0,
    zeroDteSession: session.date,
    hedgeFlowPerPct: { dollars: totalGex, shares: totalGex / spot },
    contractsUsed: chain.count,
    contractsSkipped: chain.skipped,
    warnings,
    byStrike: byStrike.map(({ strike, call, put, net }) => ({ strike, call, put, net })),
  };
  return { levels, byStrike };
}
