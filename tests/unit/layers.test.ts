/**
 * The house reads in the order of the data: no import runs from a lower layer up to a higher one,
 * and the content scripts (which run beside web pages) reach only what they may use.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Layers from the bottom up: a file may import its own layer and those below, never above. */
const LAYERS: [string, RegExp][] = [
  ['market', /^lib\/market\//],
  ['chain (parse)', /^lib\/chain\//],
  ['bars (parse)', /^lib\/bars\//],
  ['format', /^lib\/format\//],
  ['providers', /^lib\/providers\//],
  ['analysis', /^lib\/gex\//],
  ['scorecard', /^lib\/scorecard\//],
  ['chart math (axis, mapping, levels)', /^lib\/chart\//],
  ['colour scales', /^lib\/colour\//],
  ['bridge contract', /^lib\/bridge\//],
  ['alerts (triggers, hysteresis)', /^lib\/alerts\//],
  ['settings', /^lib\/settings\.ts$/],
  ['protocol', /^lib\/protocol\.ts$/],
  ['service (feeds, questions, subscriptions)', /^lib\/service\//],
  ['browser glue', /^utils\//],
  ['shared components', /^components\//],
  ['entrypoints', /^entrypoints\//],
];

function layerOf(file: string): number {
  const index = LAYERS.findIndex(([, pattern]) => pattern.test(file));
  return index;
}

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The project files a file imports (relative imports only), resolved to paths from the root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)].map((match) => match[1]);
  return specifiers.flatMap((specifier) => {
    const base = resolve(join(root, dirname(file)), specifier);
    const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(
      (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
    );
    return found ? [relative(root, found)] : [];
  });
}

const files = ['lib', 'utils', 'components', 'entrypoints'].flatMap(sources);

describe('layers', () => {
  it('places every source file in a layer', () => {
    expect(files.filter((file) => layerOf(file) < 0)).toEqual([]);
  });

  it('has no import from a lower layer up to a higher one', () => {
    const upward = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => layerOf(target) > layerOf(file))
        .map((target) => `${file} (${LAYERS[layerOf(file)][0]}) imports ${target} (${LAYERS[layerOf(target)][0]})`),
    );
    expect(upward).toEqual([]);
  });
});

describe('imports', () => {
  it('form no loop (a file never reaches itself through its imports)', () => {
    // Tarjan's strongly connected components over the whole import graph: any component of two or more files is a loop.
    const graph = new Map(files.map((file) => [file, importsOf(file).filter((target) => files.includes(target))]));
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const loops: string[][] = [];
    let counter = 0;
    const visit = (file: string) => {
      index.set(file, counter);
      low.set(file, counter++);
      stack.push(file);
      for (const target of graph.get(file) ?? []) {
        if (!index.has(target)) {
          visit(target);
          low.set(file, Math.min(low.get(file)!, low.get(target)!));
        } else if (stack.includes(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
      if (low.get(file) === index.get(file)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          component.push(member);
        } while (member !== file);
        if (component.length > 1) loops.push(component.sort());
      }
    };
    for (const file of files) if (!index.has(file)) visit(file);
    expect(loops).toEqual([]);
  });
});

/** Folders entered through their index.ts: code outside one imports nothing else of it. */
const ENTERED_FOLDERS = [
  'lib/bars',
  'lib/scorecard',
  'lib/chart/axis',
  'lib/chart/mapping',
  'lib/chart/levels',
  'lib/chart/readers',
  'lib/colour',
  'lib/bridge',
];

describe('folders', () => {
  it('are entered through their index.ts only', () => {
    const pastTheEntry = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => {
          const folder = ENTERED_FOLDERS.find((candidate) => dirname(target) === candidate);
          return folder !== undefined && dirname(file) !== folder && target !== `${folder}/index.ts`;
        })
        .map((target) => `${file} imports ${target}`),
    );
    expect(pastTheEntry).toEqual([]);
  });

  it('each has its index.ts', () => {
    expect(ENTERED_FOLDERS.filter((folder) => !existsSync(join(root, folder, 'index.ts')))).toEqual([]);
  });

  it('keep lib/chart to a few entries at its top level', () => {
    expect(readdirSync(join(root, 'lib/chart')).length).toBeLessThanOrEqual(12);
  });
});

describe('content scripts', () => {
  /** Every project file a content script's bundle holds. */
  function reachable(entry: string): Set<string> {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      importsOf(file).forEach(visit);
    };
    visit(entry);
    return seen;
  }

  it('the overlay holds none of the background: no database, no service, no session storage', () => {
    const bundle = [...reachable('entrypoints/overlay.content/index.ts')];
    expect(bundle.filter((file) => /^lib\/service\/|^utils\/(database|serve-protocol|sites)\.ts$/.test(file))).toEqual([]);
    // storage.session is off limits to content scripts: a module that defines an item there throws on load.
    expect(bundle.filter((file) => /['"`]session:/.test(readFileSync(join(root, file), 'utf8')))).toEqual([]);
  });
});
