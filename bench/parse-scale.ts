/**
 * node --expose-gc --import tsx bench/parse-scale.ts [--rows N] [--runs R] [--probe] [--tsx] [--parser FILE] [--json]
 *
 * Parse speed and memory on a large quote-table CSV: the SPX fixture scaled to about N rows (default
 * 1,000,000), written to a temporary file, then parsed by parseChainText in fresh child processes.
 * The children run lib/chain bundled by esbuild, as the extension and the CLI ship it (under tsx every
 * imported name is read through a getter, which costs the parse about a fifth more); --tsx measures
 * the sources through tsx instead. --parser measures another parse.ts, e.g. an older commit's:
 *   mkdir /tmp/old && git archive 76f6628 lib | tar -x -C /tmp/old
 *   node --expose-gc --import tsx bench/parse-scale.ts --parser /tmp/old/lib/chain/parse.ts
 *
 * Method. Each child reads the file (the text itself stays on the heap, as it would in the worker),
 * collects garbage, notes the baseline heap, parses once while keeping the snapshot, then collects again.
 * - parse time: performance.now() around the one parse (after a warm-up parse of the real SPX fixture,
 *   so the JIT has seen the code), median over R children.
 * - peak heap: the child runs with --trace-gc, so V8 prints the heap in use just before every
 *   collection; the largest such figure between the parse's start and end markers (or the heap in use
 *   at the end, if larger) is the peak heapUsed during the parse — what sampling
 *   process.memoryUsage().heapUsed continuously would see. It includes garbage not yet collected.
 * - retained: heapUsed after the parse and a full collection, the snapshot still referenced.
 * - with --probe: the smallest --max-old-space-size (MB, bisected to 5%) under which the parse still
 *   completes: the live memory the parse truly needs, garbage excluded.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { scaleQuoteTableCsv } from './synthetic-chain';
import type { ChainSnapshot } from '../lib/chain/model';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(name);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const MB = 1024 * 1024;
const collect = () => (globalThis as { gc?: () => void }).gc?.();
const spxPath = fileURLToPath(new URL('../assets/sample/cboe-spx-2024-01-07.csv.gz', import.meta.url));
const spxText = () => gunzipSync(readFileSync(spxPath)).toString('utf8');

interface ChildResult {
  parseMs: number;
  contracts: number;
  rejected: number;
  baselineMb: number;
  endMb: number;
  retainedMb: number;
}

if (args[0] === '--child') {
  // One measured parse in this process, by the module given (bundled, or the sources through tsx).
  const { parseChainText } = (await import(args[2])) as { parseChainText: (text: string) => ChainSnapshot };
  parseChainText(spxText()); // warm-up
  const text = readFileSync(args[1], 'utf8');
  collect();
  const baseline = process.memoryUsage().heapUsed;
  console.log('@@parse-start');
  const start = performance.now();
  const snapshot = parseChainText(text);
  const parseMs = performance.now() - start;
  const end = process.memoryUsage().heapUsed;
  console.log('@@parse-end');
  collect();
  const retained = process.memoryUsage().heapUsed;
  const result: ChildResult = {
    parseMs,
    contracts: snapshot.contracts.length,
    rejected: snapshot.rejected.length,
    baselineMb: baseline / MB,
    endMb: end / MB,
    retainedMb: retained / MB,
  };
  console.log(`@@result ${JSON.stringify(result)}`);
  process.exit(0);
}

const targetRows = option('--rows', 1_000_000);
const runs = option('--runs', 3);
const json = args.includes('--json');
const source = spxText();
const sourceRows = source.split('\n').filter((line) => /^[A-Z][a-z]{2} [A-Z][a-z]{2} \d/.test(line)).length;
const factor = Math.max(1, Math.ceil(targetRows / sourceRows));
// 0.01-point steps keep every copy between the fixture's real strikes (5 points apart at the least).
const csv = scaleQuoteTableCsv(source, factor, 0.01);
const rows = sourceRows * factor;
const folder = mkdtempSync(join(tmpdir(), 'gexmap-parse-scale-'));
const file = join(folder, 'chain.csv');
writeFileSync(file, csv);
const fileMb = Buffer.byteLength(csv) / MB;
const self = fileURLToPath(import.meta.url);
const parserIndex = args.indexOf('--parser');
const sources = parserIndex >= 0 ? args[parserIndex + 1] : fileURLToPath(new URL('../lib/chain/parse.ts', import.meta.url));
let parserModule = pathToFileURL(sources).href;
if (!args.includes('--tsx')) {
  const bundle = join(folder, 'parse.mjs');
  buildSync({ entryPoints: [sources], bundle: true, format: 'esm', platform: 'neutral', outfile: bundle, logLevel: 'warning' });
  parserModule = pathToFileURL(bundle).href;
}

function runChild(extraFlags: string[]): { result: ChildResult; peakMb: number } | null {
  const child = spawnSync(process.execPath, [...extraFlags, '--expose-gc', '--trace-gc', '--import', 'tsx', self, '--child', file, parserModule], {
    encoding: 'utf8',
    maxBuffer: 256 * MB,
  });
  if (child.status !== 0) return null;
  let inside = false;
  let peakMb = 0;
  let result: ChildResult | null = null;
  for (const line of child.stdout.split('\n')) {
    if (line === '@@parse-start') inside = true;
    else if (line === '@@parse-end') inside = false;
    else if (line.startsWith('@@result ')) result = JSON.parse(line.slice(9)) as ChildResult;
    else if (inside) {
      // e.g. "[123:0x...]   456 ms: Mark-Compact 812.3 (850.1) -> 640.2 (700.0) MB, ..."
      const match = /(?:Scavenge|Mark-Compact|Mark-sweep)[^:]*?\s([0-9.]+) \([0-9.]+\) ->/.exec(line);
      if (match) peakMb = Math.max(peakMb, Number(match[1]));
    }
  }
  if (!result) return null;
  return { result, peakMb: Math.max(peakMb, result.endMb) };
}

try {
  const measured: { result: ChildResult; peakMb: number }[] = [];
  for (let run = 0; run < runs; run++) {
    const outcome = runChild([]);
    if (!outcome) throw new Error('the measuring child failed');
    measured.push(outcome);
  }
  const times = measured.map((entry) => entry.result.parseMs).sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)];
  const peakMb = Math.max(...measured.map((entry) => entry.peakMb));
  const first = measured[0].result;

  let probeMb: number | null = null;
  if (args.includes('--probe')) {
    // Bisect the old-space limit: low fails, high succeeds.
    let low = 16;
    let high = 8192;
    while (high / low > 1.05) {
      const middle = Math.round(Math.sqrt(low * high));
      if (runChild([`--max-old-space-size=${middle}`])) high = middle;
      else low = middle;
    }
    probeMb = high;
  }

  const report = {
    rows,
    fileMb: round(fileMb),
    contracts: first.contracts,
    rejected: first.rejected,
    parseMs: round(medianMs),
    parseMsPer100kRows: round((medianMs / rows) * 100_000),
    rowsPerSecond: Math.round(rows / (medianMs / 1000)),
    baselineHeapMb: round(first.baselineMb),
    peakHeapMb: round(peakMb),
    peakOverFile: round(peakMb / fileMb),
    peakAboveBaselineMb: round(peakMb - first.baselineMb),
    retainedHeapMb: round(first.retainedMb),
    minimumOldSpaceMb: probeMb,
    runs,
    parser: `${parserIndex >= 0 ? sources : 'lib/chain/parse.ts'} (${args.includes('--tsx') ? 'sources through tsx' : 'esbuild bundle'})`,
    node: process.version,
    commit: gitHead(),
  };
  if (json) console.log(JSON.stringify(report));
  else {
    console.log(`${rows.toLocaleString('en-US')}-row quote-table CSV (${report.fileMb} MB; ${report.contracts.toLocaleString('en-US')} contracts, ${report.rejected} rejected), ${runs} fresh processes, ${report.node}, ${report.commit}, ${report.parser}`);
    console.log(`  parse: median ${report.parseMs} ms (${times.map((value) => round(value)).join(', ')}), ${report.parseMsPer100kRows} ms per 100k rows, ${report.rowsPerSecond.toLocaleString('en-US')} rows/s   (target <= 1000 ms per 100k rows)`);
    console.log(`  heap: ${report.baselineHeapMb} MB with the text loaded; peak ${report.peakHeapMb} MB during the parse = ${report.peakOverFile}x the file (target < 5x); ${report.retainedHeapMb} MB retained with the snapshot`);
    if (probeMb !== null) console.log(`  smallest --max-old-space-size that completes the parse: ${probeMb} MB`);
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function gitHead(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
