/** The command line and the extension give the same numbers for the bundled sample, with no flags. */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { harness } from '../service/harness';

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('CLI and extension on the sample', () => {
  it('agree on flip, walls and total GEX to the cent, and on what they assumed', async () => {
    const { stdout } = await promisify(execFile)(join(root, 'node_modules/.bin/tsx'), ['scripts/levels.ts', '--sample', '--json'], {
      cwd: root,
    });
    const cli = JSON.parse(stdout);
    const extension = harness();
    await extension.changes.update({ provider: 'sample', ticker: 'SPX' });
    const reply = await extension.questions.getLevels();
    const levels = reply.levels!;
    expect(cli.flip).toBe(levels.flip);
    expect(cli.callWall).toBe(levels.callWall);
    expect(cli.putWall).toBe(levels.putWall);
    expect(Math.round(cli.totalGex * 100)).toBe(Math.round(levels.totalGex * 100));
    expect(cli.assumptions).toEqual(reply.assumptions);
    expect(cli.flip.toFixed(1)).toBe('4724.7');
  });
});
