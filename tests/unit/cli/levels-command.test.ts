/** `npm run levels` end to end: a real process on every fixture file, JSON and human output, bad input. */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseChainText } from '../../../lib/chain/parse';
import { computeLevels } from '../../../lib/gex/levels';
import { FIXTURES, fixtureText } from '../fixtures';
import { referenceExposures } from '../gex/reference';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
const run = promisify(execFile);

async function levels(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(tsx, ['scripts/levels.ts', ...args], { cwd: root });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failure = error as { stdout: string; stderr: string; code: number };
    return { stdout: failure.stdout, stderr: failure.stderr, code: failure.code };
  }
}

const fixturePath = (name: string) => join(root, name === FIXTURES.spx ? 'assets/sample' : 'tests/fixtures', `${name}.gz`);

describe('npm run levels', () => {
  it.each([FIXTURES.spy, FIXTURES.nvda, FIXTURES.spyJson])('prints the JSON levels of %s', async (name) => {
    const { stdout, code } = await levels([fixturePath(name), '--json']);
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    for (const key of [
      'underlying',
      'spot',
      'asOf',
      'evaluatedAt',
      'signModel',
      'regime',
      'flip',
      'flips',
      'callWall',
      'putWall',
      'absGammaStrike',
      'totalGex',
      'dominantExpiry',
      'zeroDteShare',
      'hedgeFlowPerPct',
      'contractsUsed',
      'contractsSkipped',
      'warnings',
      'byStrike',
    ]) {
      expect(output).toHaveProperty(key);
    }
    const snapshot = parseChainText(fixtureText(name));
    expect(output.spot).toBe(snapshot.spot);
    // Without flags, the extension's defaults: 4% rate; 1.3% dividend yield for SPY, none for NVDA.
    const dividend = snapshot.underlying === 'SPY' ? 0.013 : 0;
    expect(output.totalGex).toBeCloseTo(referenceExposures(snapshot, { rate: 0.04, dividend }).total, -2);
    expect(output.assumptions).toEqual({
      rate: 0.04,
      dividendYield: dividend,
      signModel: 'classic: dealers long calls, short puts',
      expiryFilter: 'all expiries',
    });
    expect(output.asOf).toBe(new Date(snapshot.asOf).toISOString());
  });

  it('states the assumptions it used in text too, and lists every option in --help', async () => {
    const text = await levels([fixturePath(FIXTURES.nvda), '--rate', '0.05']);
    expect(text.stdout).toMatch(/Assumed {6}rate 5%, dividend yield 0%, all expiries/);
    const help = await levels(['--help']);
    for (const option of [
      '--json',
      '--expiry',
      '--rate',
      '--div',
      '--sign',
      '--band',
      '--spot',
      '--at',
      '--asof',
      '--profile',
      '--sample',
      '--ticker',
      '--accept',
    ])
      expect(help.stdout).toContain(option);
    expect(help.stdout).toMatch(/--rate R .*default 0\.04; per ticker: SPX 0\.04\/0\.013, SPY 0\.04\/0\.013/);
    expect(help.stdout).toMatch(/^Example: npm run levels -- /m);
  });

  it('prints the sample with a profile, a rate and a dividend', async () => {
    const { stdout, code } = await levels(['--sample', '--json', '--profile', '41', '--rate', '0.053', '--div', '0.014']);
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.underlying).toBe('SPX');
    expect(output.warnings[0]).toMatch(/^Sample data: SPX/);
    expect(output.profile).toHaveLength(41);
    expect(output.profile[0].spot).toBeCloseTo(0.8 * 4697.2402, 6);
    expect(output.profile[40].spot).toBeCloseTo(1.2 * 4697.2402, 6);
    const snapshot = parseChainText(fixtureText(FIXTURES.spx));
    const expected = computeLevels(snapshot, { rate: 0.053, dividend: 0.014 });
    expect(output.flip).toBeCloseTo(expected.flip!, 6);
    expect(output.callWall).toBe(expected.callWall);
  });

  it('prints a readable summary by default', async () => {
    const { stdout, code } = await levels([fixturePath(FIXTURES.nvda), '--expiry', 'next', '--sign', 'short-all']);
    expect(code).toBe(0);
    // The file's as-of, 2025-01-07T02:30Z, is Monday evening in New York: said in New York time, with its age and "old data".
    expect(stdout).toMatch(/^NVDA {2}spot 150\.28 {2}as of Mon Jan 6, 2025, 9:30 PM EST \(\d+d \d+h ago\) {2}\(next expiry\)/);
    expect(stdout).toMatch(/Data age {5}old data: from the Mon Jan 6, 2025 session, /);
    expect(stdout).toMatch(/Regime {7}NEGATIVE/);
    expect(stdout).toMatch(/Sign model {3}dealers short all options — an assumption/);
    // Negative exposure: the direction in words, the amount unsigned (the JSON keeps the sign).
    const json = JSON.parse((await levels([fixturePath(FIXTURES.nvda), '--expiry', 'next', '--sign', 'short-all', '--json'])).stdout);
    expect(json.hedgeFlowPerPct.dollars).toBeLessThan(0);
    expect(stdout).toMatch(
      /Hedge flow {3}dealers buy about \$[\d.]+[KMB] \([\d.]+[KM]? shares\) for each 1% rally and sell into drops \(if the sign model holds\)/,
    );
  });

  it('evaluates at --at, dropping what settled by then', async () => {
    const { stdout } = await levels([fixturePath(FIXTURES.spy), '--json', '--at', '2023-09-15T20:30:00Z']);
    const output = JSON.parse(stdout);
    expect(output.evaluatedAt).toBe('2023-09-15T20:30:00.000Z');
    const snapshot = parseChainText(fixtureText(FIXTURES.spy));
    const settledByThen = snapshot.contracts.filter((contract) => contract.settlement <= Date.parse('2023-09-15T20:30:00Z')).length;
    expect(output.contractsSkipped.expired).toBe(settledByThen);
  });

  it.each([
    [['nope.csv'], /^levels: cannot read nope.csv: ENOENT\n$/],
    [['--sample', '--rate', 'abc'], /^levels: --rate "abc": expected a decimal rate/],
    [['--sample', '--expiry', 'soon'], /^levels: unknown expiry filter "soon"/],
    [['--sample', '--sign', 'bullish'], /^levels: --sign "bullish": expected classic, short-all/],
    [['--sample', '--at', 'yesterday'], /^levels: --at "yesterday": expected an ISO instant/],
    [['--sample', '--bogus'], /^levels: unknown option --bogus/],
    [[], /^levels: no file given/],
  ])('exits 2 with a one-line reason for %j', async (args, message) => {
    const { code, stderr } = await levels(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it("exits 2 naming the parser's reason for a file that is not a chain", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gexmap-cli-'));
    const path = join(dir, 'page.csv');
    writeFileSync(path, '<!doctype html><html><head><title>Service Unavailable</title></head></html>');
    const { code, stderr } = await levels([path]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/page\.csv: the input is an HTML page \("Service Unavailable"\)/);
  });
});
