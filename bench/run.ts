/**
 * npm run bench [-- --json] [-- --runs N]
 * Engine speed on the real SPX fixture and on a synthetic chain four times its size: parse, all levels
 * including the flip, an 801-point profile, and the five flip models (issue #14: levels plus all models
 * within 3x the levels time of the version before it, timed in the same run from bench/baseline/).
 * Medians after warm-up; targets in issues #3 and #14.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseChainText } from '../lib/chain/parse';
import { computeLevels, levelsOfPreparedChain } from '../lib/gex/levels';
import { prepareChain } from '../lib/gex/prepared-chain';
import { profileOnGrid } from '../lib/gex/profile';
import { flipModels } from '../lib/gex/flip-models';
import { computeLevels as computeLevelsBefore } from './baseline/levels';
import { SAMPLE_SNAPSHOT } from '../lib/providers/sample';
import { scaleQuoteTableCsv } from './synthetic-chain';
import { formatTiming, time, type Timing } from './stats';

const args = process.argv.slice(2);
const json = args.includes('--json');
const runsIndex = args.indexOf('--runs');
const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : 25;

const spxText = gunzipSync(readFileSync(fileURLToPath(new URL(`../assets/${SAMPLE_SNAPSHOT.path}`, import.meta.url)))).toString('utf8');

/** Each group starts from a collected heap (with --expose-gc), so one group's garbage is not billed to the next. */
const collect = () => (globalThis as { gc?: () => void }).gc?.();

function measure(text: string) {
  const snapshot = parseChainText(text);
  const prepared = prepareChain(snapshot);
  collect();
  const parse = time(() => parseChainText(text), { runs });
  collect();
  const levels = time(() => computeLevels(snapshot), { runs });
  collect();
  const profile = time(() => profileOnGrid(prepared, prepared.spot * 0.8, prepared.spot * 1.2, 801), { runs });
  collect();
  const levelsBefore = time(() => computeLevelsBefore(snapshot), { runs });
  collect();
  // What the analysis entry does for the band: one prepared chain, its levels and the five models, in
  // either order (models first lets the levels reuse the classic model's flip search).
  const levelsAndModels = time(
    () => {
      const chain = prepareChain(snapshot);
      levelsOfPreparedChain(chain, snapshot.warnings);
      return flipModels(chain);
    },
    { runs },
  );
  collect();
  const modelsAndLevels = time(
    () => {
      const chain = prepareChain(snapshot);
      flipModels(chain);
      return levelsOfPreparedChain(chain, snapshot.warnings);
    },
    { runs },
  );
  collect();
  // The models alone on a fresh chain each time (no flip search to reuse).
  const models = time(() => flipModels({ ...prepared }), { runs });
  return {
    parse,
    levels,
    profile,
    levelsBefore,
    levelsAndModels,
    modelsAndLevels,
    models,
    contracts: snapshot.contracts.length,
    priced: prepared.count,
  };
}

const base = measure(spxText);
const x4 = measure(scaleQuoteTableCsv(spxText, 4));

if (json) {
  const round = (timing: Timing) => Math.round(timing.median * 1000) / 1000;
  process.stdout.write(
    `${JSON.stringify({
      parseMs: round(base.parse),
      levelsMs: round(base.levels),
      profile801Ms: round(base.profile),
      x4ParseMs: round(x4.parse),
      x4LevelsMs: round(x4.levels),
      x4Profile801Ms: round(x4.profile),
      levelsBeforeMs: round(base.levelsBefore),
      levelsAndFlipModelsMs: round(base.levelsAndModels),
      flipModelsMs: round(base.models),
      flipModelsThenLevelsMs: round(base.modelsAndLevels),
      flipModelsRatio: Math.round((base.levelsAndModels.median / base.levelsBefore.median) * 100) / 100,
      flipModelsFirstRatio: Math.round((base.modelsAndLevels.median / base.levelsBefore.median) * 100) / 100,
      x4LevelsBeforeMs: round(x4.levelsBefore),
      x4LevelsAndFlipModelsMs: round(x4.levelsAndModels),
      x4FlipModelsThenLevelsMs: round(x4.modelsAndLevels),
      x4FlipModelsRatio: Math.round((x4.levelsAndModels.median / x4.levelsBefore.median) * 100) / 100,
      x4FlipModelsFirstRatio: Math.round((x4.modelsAndLevels.median / x4.levelsBefore.median) * 100) / 100,
      contracts: base.contracts,
      pricedContracts: base.priced,
      x4Contracts: x4.contracts,
      x4PricedContracts: x4.priced,
      runs,
    })}\n`,
  );
} else {
  console.log(`SPX fixture: ${base.contracts} contracts, ${base.priced} priced (live, with open interest and a gamma)`);
  console.log(formatTiming('parse', base.parse));
  console.log(formatTiming('levels (incl. flip)', base.levels));
  console.log(formatTiming('profile, 801 points', base.profile));
  console.log(formatTiming('levels before #14 (baseline)', base.levelsBefore));
  console.log(formatTiming('flip models alone', base.models));
  console.log(formatTiming('levels + 5 flip models', base.levelsAndModels));
  console.log(formatTiming('5 flip models + levels', base.modelsAndLevels));
  console.log(`Synthetic 4x chain: ${x4.contracts} contracts, ${x4.priced} priced`);
  console.log(formatTiming('x4 parse', x4.parse));
  console.log(formatTiming('x4 levels (incl. flip)', x4.levels));
  console.log(formatTiming('x4 profile, 801 points', x4.profile));
  console.log(formatTiming('x4 levels before #14', x4.levelsBefore));
  console.log(formatTiming('x4 levels + 5 flip models', x4.levelsAndModels));
  console.log(formatTiming('x4 5 flip models + levels', x4.modelsAndLevels));
  const ratio = (a: Timing, b: Timing) => (a.median / b.median).toFixed(2);
  console.log(
    `x4 / x1 ratios: parse ${ratio(x4.parse, base.parse)}, levels ${ratio(x4.levels, base.levels)}, profile ${ratio(x4.profile, base.profile)} (target <= 4.5)`,
  );
  console.log(
    `levels + 5 flip models / levels before #14: SPX ${ratio(base.levelsAndModels, base.levelsBefore)}, x4 ${ratio(x4.levelsAndModels, x4.levelsBefore)}; ` +
      `models first: SPX ${ratio(base.modelsAndLevels, base.levelsBefore)}, x4 ${ratio(x4.modelsAndLevels, x4.levelsBefore)} (target <= 3); ` +
      `levels now / before: SPX ${ratio(base.levels, base.levelsBefore)}, x4 ${ratio(x4.levels, x4.levelsBefore)}`,
  );
}
