/** The `levels` command's JSON for a file, as the ground truth the extension must match. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { projectRoot } from './paths';

export async function levelsCommand(
  file: string,
  args: string[] = [],
): Promise<{
  flip: number;
  callWall: number;
  putWall: number;
  spot: number;
  flipBand: { low: number; high: number } | null;
  flipModels: { model: string; flip: number | null }[];
}> {
  const { stdout } = await promisify(execFile)(join(projectRoot, 'node_modules/.bin/tsx'), ['scripts/levels.ts', file, '--json', ...args], {
    cwd: projectRoot,
  });
  return JSON.parse(stdout);
}
