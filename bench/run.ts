/**
 * npm run bench [-- --json] [-- --runs N] [-- --baseline REF]
 * Engine speed on the real SPX fixture and on a synthetic chain four times its size: parse, all levels
 * including the flip, an 801-point profile, and the levels with the five flip models. With
 * `--baseline REF` the engine of that commit (checked out in a git worktree, bench/engine-at.ts) is
 * timed in the same process, each figure right after this version's, and reported as ratios
 * (now / baseline). Medians after warm-up.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseChainText } from '../lib/chain/parse';
import { computeLevels } from '../lib/gex/levels';
import { prepareChain, type PreparedChain } from '../lib/gex/prepared-chain';
import { profileOnGrid } from '../lib/gex/profile';
import { flipModels } from '../lib/gex/flip-models';
import { SAMPLE_SNAPSHOT } from '../lib/providers/sample';
import type { ChainSnapshot } from '../lib/chain/model';
import { scaleQuoteTableCsv } from './synthetic-chain';
import { formatTiming, time, type Timing } from './stats';
import { engineAt, type Engine } from './engine-at';

const args = process.argv.slice(2);
const json = args.includes('--json');
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(option('--runs') ?? 25);
const baselineRef = option('--baseline');

const spxText = gunzipSync(readFileSync(fileURLToPath(new URL(`../assets/${SAMPLE_SNAPSHOT.path}`, import.meta.url)))).toString('utf8');

/** This version's engine, in the same loose shape as another commit's. */
const current: Engine = {
  label: 'this version',
  parseChainText,
  computeLevels: (snapshot) => computeLevels(snapshot as ChainSnapshot),
  prepareChain: (snapshot) => prepareChain(snapshot as ChainSnapshot),
  profileOnGrid: (chain, low, high, points) => profileOnGrid(chain as PreparedChain, low, high, points),
  flipModels: (chain) => flipModels(chain as PreparedChain),
};

/** Each group starts from a collected heap (with --expose-gc), so one group's garbage is not billed to the next. */
const collect = () => (globalThis as { gc?: () => void }).gc?.();
const timed = (run: () => unknown) => {
  collect();
  return time(run, { runs });
};

type Figures = Record<'parse' | 'levels' | 'profile' | 'levelsAndModels', Timing | null>;

function measure(engine: Engine, text: string): Figures {
  const snapshot = engine.parseChainText(text);
  const prepare = engine.prepareChain;
  const prepared = prepare?.(snapshot) ?? null;
  const profile = engine.profileOnGrid;
  const models = engine.flipModels;
  return {
    parse: timed(() => engine.parseChainText(text)),
    levels: timed(() => engine.computeLevels(snapshot)),
    profile: prepared && profile ? timed(() => profile(prepared, prepared.spot * 0.8, prepared.spot * 1.2, 801)) : null,
    // The levels and the five flip models, the same calls for every version (so the ratio compares like with like).
    levelsAndModels:
      prepare && models
        ? timed(() => {
            engine.computeLevels(snapshot);
            return models(prepare(snapshot));
          })
        : null,
  };
}

const x4Text = scaleQuoteTableCsv(spxText, 4);
const spxSnapshot = parseChainText(spxText);
const x4Snapshot = parseChainText(x4Text);
const baseline = baselineRef ? await engineAt(baselineRef) : null;
let results: { now: Figures; before: Figures | null }[];
try {
  results = [spxText, x4Text].map((text) => ({ now: measure(current, text), before: baseline ? measure(baseline.engine, text) : null }));
} finally {
  baseline?.dispose();
}
const [spx, x4] = results;

const round = (timing: Timing | null) => (timing ? Math.round(timing.median * 1000) / 1000 : null);
const ratio = (now: Timing | null, before: Timing | null | undefined) =>
  now && before ? Math.round((now.median / before.median) * 100) / 100 : null;
const names = ['parse', 'levels', 'profile', 'levelsAndModels'] as const;

if (json) {
  const figures = (set: Figures) => Object.fromEntries(names.map((name) => [`${name}Ms`, round(set[name])]));
  process.stdout.write(
    `${JSON.stringify({
      spx: { contracts: spxSnapshot.contracts.length, pricedContracts: prepareChain(spxSnapshot).count, ...figures(spx.now) },
      x4: { contracts: x4Snapshot.contracts.length, pricedContracts: prepareChain(x4Snapshot).count, ...figures(x4.now) },
      x4OverSpx: Object.fromEntries(names.map((name) => [name, ratio(x4.now[name], spx.now[name])])),
      baseline: baseline
        ? {
            ref: baselineRef,
            commit: baseline.engine.label,
            spx: figures(spx.before!),
            x4: figures(x4.before!),
            nowOverBaseline: {
              spx: Object.fromEntries(names.map((name) => [name, ratio(spx.now[name], spx.before![name])])),
              x4: Object.fromEntries(names.map((name) => [name, ratio(x4.now[name], x4.before![name])])),
            },
          }
        : null,
      runs,
    })}\n`,
  );
} else {
  const labels = {
    parse: 'parse',
    levels: 'levels (incl. flip)',
    profile: 'profile, 801 points',
    levelsAndModels: 'levels + 5 flip models',
  };
  const print = (title: string, set: { now: Figures; before: Figures | null }) => {
    console.log(title);
    for (const name of names) {
      const now = set.now[name];
      if (now) console.log(formatTiming(labels[name], now));
      const before = set.before?.[name];
      if (before) console.log(formatTiming(`  baseline ${baseline!.engine.label}`, before) + `   now/baseline ${ratio(now, before)}`);
    }
  };
  print(`SPX fixture: ${spxSnapshot.contracts.length} contracts, ${prepareChain(spxSnapshot).count} priced`, spx);
  print(`Synthetic 4x chain: ${x4Snapshot.contracts.length} contracts, ${prepareChain(x4Snapshot).count} priced`, x4);
  console.log(`x4 / x1 ratios: ${names.map((name) => `${name} ${ratio(x4.now[name], spx.now[name]) ?? '-'}`).join(', ')} (target <= 4.5)`);
}
