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
 *
 * With --hostile, instead: the parse time of each of a set of hostile inputs of up to 10 MB (no line
 * break, CR-only, binary, deep JSON, ...), against the bound of 2 s each.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

const hostile = args.includes('--hostile');
const targetRows = option('--rows', hostile ? 0 : 1_000_000);
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
  const child = spawnSync(
    process.execPath,
    [...extraFlags, '--expose-gc', '--trace-gc', '--import', 'tsx', self, '--child', file, parserModule],
    {
      encoding: 'utf8',
      maxBuffer: 256 * MB,
    },
  );
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
  if (hostile) {
    await timeHostileInputs();
    process.exit(0);
  }
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
    console.log(
      `${rows.toLocaleString('en-US')}-row quote-table CSV (${report.fileMb} MB; ${report.contracts.toLocaleString('en-US')} contracts, ${report.rejected} rejected), ${runs} fresh processes, ${report.node}, ${report.commit}, ${report.parser}`,
    );
    console.log(
      `  parse: median ${report.parseMs} ms (${times.map((value) => round(value)).join(', ')}), ${report.parseMsPer100kRows} ms per 100k rows, ${report.rowsPerSecond.toLocaleString('en-US')} rows/s   (target <= 1000 ms per 100k rows)`,
    );
    console.log(
      `  heap: ${report.baselineHeapMb} MB with the text loaded; peak ${report.peakHeapMb} MB during the parse = ${report.peakOverFile}x the file (target < 5x); ${report.retainedHeapMb} MB retained with the snapshot`,
    );
    if (probeMb !== null) console.log(`  smallest --max-old-space-size that completes the parse: ${probeMb} MB`);
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}

/** Each hostile input's parse time, in this process, with the parser module chosen above. */
async function timeHostileInputs(): Promise<void> {
  const { parseChainText } = (await import(parserModule)) as { parseChainText: (text: string) => ChainSnapshot };
  const tenMb = 10 * 1024 * 1024;
  const preamble = source.slice(0, source.indexOf('Fri Jan 05'));
  let seed = 1;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const scaled = scaleQuoteTableCsv(source, 6, 0.25);
  const inputs: [string, () => string][] = [
    ['10 MB of one letter, no line break', () => 'a'.repeat(tenMb)],
    ['"Last:" then 10 MB without a line break', () => `Name,Last: 1${'x'.repeat(tenMb)}`],
    ['header then 10 MB of commas', () => preamble + ','.repeat(tenMb)],
    ['header then 10 MB of double quotes', () => preamble + '"'.repeat(tenMb)],
    ['header then 10 MB of CR-only short lines', () => preamble + 'x,\r'.repeat(tenMb / 3)],
    ['10 MB of binary', () => Array.from({ length: tenMb }, () => String.fromCharCode(Math.floor(random() * 256))).join('')],
    ['10 MB of whitespace', () => ' '.repeat(tenMb)],
    ['JSON nested 5,000,000 deep', () => `${'['.repeat(5_000_000)}${']'.repeat(5_000_000)}`],
    ['JSON with a 10 MB string', () => `{"options": [], "pad": "${'x'.repeat(tenMb)}"}`],
    [`SPX x6 (${(scaled.length / MB).toFixed(1)} MB), LF`, () => scaled],
    ['SPX x6, CR-only', () => scaled.replace(/\n/g, '\r')],
    ['SPX x6, CRLF', () => scaled.replace(/\n/g, '\r\n')],
    ['SPX x6 joined with itself', () => scaled + scaled],
  ];
  parseChainText(source); // warm-up
  let slowest = 0;
  for (const [name, make] of inputs) {
    const text = make();
    const start = performance.now();
    let outcome: string;
    try {
      const snapshot = parseChainText(text);
      outcome = `${snapshot.contracts.length} contracts`;
    } catch (error) {
      outcome = `${(error as Error).name}: ${(error as Error).message.slice(0, 70)}`;
    }
    const ms = performance.now() - start;
    slowest = Math.max(slowest, ms);
    console.log(`${name.padEnd(48)} ${(text.length / MB).toFixed(1).padStart(5)} MB ${ms.toFixed(0).padStart(6)} ms  ${outcome}`);
  }
  console.log(`slowest: ${slowest.toFixed(0)} ms (bound: 2000 ms per input under 10 MB)`);
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
