import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { firefoxBuild, projectRoot } from './helpers/paths';

const run = promisify(execFile);

interface Finding {
  code: string;
  message: string;
  file?: string;
}

describe('web-ext lint on the Firefox build', () => {
  it('reports no errors, warnings or notices (AMO reviews each one)', async () => {
    const webExt = join(projectRoot, 'node_modules/.bin/web-ext');
    // web-ext exits non-zero when it finds errors; the JSON report is on stdout either way.
    const { stdout } = await run(webExt, ['lint', '--output=json', '--no-config-discovery', '--source-dir', firefoxBuild]).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout }),
    );
    const report = JSON.parse(stdout) as {
      summary: { errors: number; warnings: number; notices: number };
      errors: Finding[];
      warnings: Finding[];
      notices: Finding[];
    };
    const said = (findings: Finding[]) => findings.map((finding) => `${finding.code}: ${finding.message} (${finding.file ?? 'manifest'})`);
    expect(said(report.errors)).toEqual([]);
    expect(said(report.warnings)).toEqual([]);
    expect(said(report.notices)).toEqual([]);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, notices: 0 });
  });
});
