/**
 * The engine of another commit, for timing against it in the same process: `git worktree add` of that
 * commit into a temporary folder, its lib/ imported as it stood there (lib/ imports nothing outside
 * itself, so the worktree needs no install). Only the entry points every version has are used; one a
 * version lacks is null and its figure is left out.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The engine calls a benchmark times, typed loosely: another commit's types are not this one's. */
export interface Engine {
  /** What the commit is, as `git describe` names it. */
  label: string;
  parseChainText: (text: string) => unknown;
  computeLevels: (snapshot: unknown) => unknown;
  prepareChain: ((snapshot: unknown) => { spot: number }) | null;
  profileOnGrid: ((chain: unknown, low: number, high: number, points: number) => unknown) | null;
  flipModels: ((chain: unknown) => unknown) | null;
}

type Module = Record<string, unknown>;
const fn = <T>(module: Module, name: string): T | null => (typeof module[name] === 'function' ? (module[name] as T) : null);

/** Checks out `ref` beside this repository and loads its engine; `dispose` removes the checkout. */
export async function engineAt(ref: string): Promise<{ engine: Engine; dispose: () => void }> {
  const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
  const commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: root, encoding: 'utf8' }).trim();
  const label = execFileSync('git', ['describe', '--always', '--tags', commit], { cwd: root, encoding: 'utf8' }).trim();
  const dir = mkdtempSync(join(tmpdir(), 'gexmap-baseline-'));
  execFileSync('git', ['worktree', 'add', '--detach', '--quiet', dir, commit], { cwd: root, stdio: 'ignore' });
  const dispose = () => {
    execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: root, stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const load = (path: string) => import(pathToFileURL(join(dir, path)).href) as Promise<Module>;
    const [parse, levels, prepared, profile, models] = await Promise.all([
      load('lib/chain/parse.ts'),
      load('lib/gex/levels.ts'),
      load('lib/gex/prepared-chain.ts').catch(() => ({})),
      load('lib/gex/profile.ts').catch(() => ({})),
      load('lib/gex/flip-models.ts').catch(() => ({})),
    ]);
    const parseChainText = fn<Engine['parseChainText']>(parse, 'parseChainText');
    const computeLevels = fn<Engine['computeLevels']>(levels, 'computeLevels');
    if (!parseChainText || !computeLevels) throw new Error(`${ref} (${label}) has no parseChainText or computeLevels to time`);
    return {
      engine: {
        label,
        parseChainText,
        computeLevels,
        prepareChain: fn(prepared, 'prepareChain'),
        profileOnGrid: fn(profile, 'profileOnGrid'),
        flipModels: fn(models, 'flipModels'),
      },
      dispose,
    };
  } catch (error) {
    dispose();
    throw error;
  }
}
