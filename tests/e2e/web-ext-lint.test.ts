import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { firefoxBuild, projectRoot } from './helpers/paths';

const run = promisify(execFile);

describe('web-ext lint on the Firefox build', () => {
  it('reports no errors', async () => {
    const webExt = join(projectRoot, 'node_modules/.bin/web-ext');
    // web-ext exits non-zero when it finds errors; the JSON report is on stdout either way.
    const { stdout } = await run(webExt, ['lint', '--output=json', '--no-config-discovery', '--source-dir', firefoxBuild]).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout }),
    );
    const report = JSON.parse(stdout) as { summary: { errors: number }; errors: { code: string; message: string }[] };
    expect(report.errors.map((error) => `${error.code}: ${error.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });
});
