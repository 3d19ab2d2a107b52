/**
 * The `levels` command refuses what the extension refuses, in the same words: a chain cut off, another
 * underlying than --ticker, a file joined with itself — exit code 2 and one line "levels: FILE: reason"
 * — unless --accept, which warns and goes on. A bad-input corpus through the command: no crash, every
 * failure one line, every printed number finite, every cut input refused.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseChainText } from '../../../lib/chain/parse';
import { findNonFiniteNumber } from '../../../lib/chain/non-finite';
import { computeLevels } from '../../../lib/gex/levels';
import { runLevelsCommand } from '../../../scripts/levels-command';
import { FIXTURES, fixtureText } from '../fixtures';
import { csvParts, seededRandom } from '../chain/raw-text';
import { harness, SPX_URL, useCustomUrl } from '../service/harness';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'gexmap-gate-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function levels(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(join(root, 'node_modules/.bin/tsx'), ['scripts/levels.ts', ...args], {
      cwd: root,
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failure = error as { stdout: string; stderr: string; code: number };
    return { stdout: failure.stdout, stderr: failure.stderr, code: failure.code };
  }
}

function file(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

const spx = fixtureText(FIXTURES.spx);
const spy = fixtureText(FIXTURES.spy);
const nvda = fixtureText(FIXTURES.nvda);
const spyJson = fixtureText(FIXTURES.spyJson);
const ENGINE = { rate: 0.04, dividend: 0.013 };
/** The SPX fixture cut inside a row, about halfway through. */
const cutSpx = spx.slice(0, spx.indexOf('\n', spx.length >> 1) + 40);

describe("levels: the extension's gate", () => {
  it("exits 2 with the service's own reason, in one line, for a cut file", async () => {
    const path = file('spx-cut.csv', cutSpx);
    const { code, stderr, stdout } = await levels([path, '--json']);
    // The service, served the same text as its first chain, says why in its status.
    const service = harness();
    await useCustomUrl(service);
    service.host.answer(SPX_URL, { body: cutSpx });
    const status = await service.feeds.refresh(undefined, 'extension');
    expect(status.lastError?.kind).toBe('refused');
    expect(status.lastError?.message).toMatch(/^looks cut off: the last row, line \d+, has \d+ of 22 fields$/);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`levels: ${path}: ${status.lastError!.message}\n`);
  });

  it('exits 2 for SPY data with --ticker SPX, naming both; SPY with --ticker SPY passes', async () => {
    const path = file('spx.csv', spy);
    const refused = await levels([path, '--ticker', 'SPX']);
    expect(refused.code).toBe(2);
    // The raw file's own numbers: its Last price and a call and a put per row.
    const last = Number(/Last: ([\d.]+)/.exec(spy)![1]).toLocaleString('en-US', { maximumFractionDigits: 2 });
    const contracts = (csvParts(spy).rows.length * 2).toLocaleString('en-US');
    expect(refused.stderr).toBe(`levels: ${path}: this is a SPY option chain, not SPX: ${contracts} contracts around ${last}\n`);
    const passed = await levels([path, '--ticker', '^spy', '--json']);
    expect(passed.code).toBe(0);
    expect(JSON.parse(passed.stdout).underlying).toBe('SPY');
  });

  it("--accept prints the refusal as a warning, adds it to the levels' warnings, and goes on", async () => {
    const path = file('spx-cut-accepted.csv', cutSpx);
    const { code, stderr, stdout } = await levels([path, '--json', '--accept', '--rate', '0.04', '--div', '0.013']);
    expect(code).toBe(0);
    expect(stderr).toMatch(
      new RegExp(
        `^levels: warning: ${path.replace(/[.]/g, '\\.')}: looks cut off: the last row, line \\d+, has \\d+ of 22 fields \\(used anyway: --accept\\)\\n$`,
      ),
    );
    const output = JSON.parse(stdout);
    expect(output.warnings[0]).toMatch(/^refused by the checks, used anyway \(--accept\): looks cut off: /);
    const expected = computeLevels(parseChainText(cutSpx), ENGINE);
    expect(output.flip).toBeCloseTo(expected.flip!, 6);
    expect(output.callWall).toBe(expected.callWall);
    expect(output.putWall).toBe(expected.putWall);
  });

  it('lists --ticker and --accept in --help, and refuses a --ticker that is none', async () => {
    expect(runLevelsCommand(['--help']).stdout).toMatch(
      /--ticker T +the underlying the file should be[\s\S]*--accept +use a refused chain anyway/,
    );
    expect(runLevelsCommand(['--sample', '--ticker', '<b>'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'levels: --ticker "<b>": expected a ticker such as SPX, ^SPX or BRK.B\n',
    });
    expect(runLevelsCommand(['--sample', '--ticker', 'NDX'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/: this is a SPX option chain, not NDX: /),
    });
  });
});

describe('levels: a bad-input corpus through the command', () => {
  interface Case {
    name: string;
    text: string;
    args?: string[];
    /** Cut inside a row: must be refused (or fail as no chain). */
    cut?: boolean;
  }
  const cases: Case[] = [];
  const random = seededRandom(12);
  for (const [label, text, ticker] of [
    ['SPX', spx, 'SPX'],
    ['SPY', spy, 'SPY'],
  ] as const) {
    for (let trial = 0; trial < 8; trial++) {
      const offset = 1 + Math.floor(random() * (text.length - 2));
      cases.push({
        name: `${label} cut at byte ${offset}`,
        text: text.slice(0, offset),
        args: ['--ticker', ticker],
        cut: text[offset - 1] !== '\n',
      });
    }
    const { lines, header, rows } = csvParts(text);
    for (let trial = 0; trial < 4; trial++) {
      const kept = 1 + Math.floor(random() * (rows.length - 1));
      cases.push({
        name: `${label} cut after row ${kept}`,
        text: `${lines.slice(0, header + 1 + kept).join('\n')}\n`,
        args: ['--ticker', ticker],
      });
    }
  }
  cases.push(
    { name: 'SPX twice', text: spx + spx, args: ['--ticker', 'SPX'], cut: true },
    { name: 'SPX then SPY', text: spx + spy, cut: true },
    { name: 'SPY as SPX', text: spy, args: ['--ticker', 'SPX'], cut: true },
    { name: 'NVDA as SPY', text: nvda, args: ['--ticker', 'SPY'], cut: true },
    { name: 'SPY JSON as SPX', text: spyJson, args: ['--ticker', 'SPX'], cut: true },
    { name: "SPX with SPY's price", text: spx.replace('Last: 4697.2402,', 'Last: 450.81,'), cut: true },
    { name: 'SPX spot 1e300', text: spx.replace('Last: 4697.2402,', 'Last: 1e300,') },
    { name: 'SPX CR only', text: spx.replace(/\n/g, '\r') },
    { name: 'cut JSON', text: spyJson.slice(0, 123457), cut: true },
    { name: 'binary', text: Array.from({ length: 4096 }, () => String.fromCharCode(Math.floor(random() * 256))).join(''), cut: true },
    { name: 'HTML page', text: '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>', cut: true },
    { name: 'empty', text: '', cut: true },
    { name: '1 MB without a line break', text: 'x'.repeat(1 << 20), cut: true },
    { name: 'deeply nested JSON', text: `${'['.repeat(100000)}${']'.repeat(100000)}`, cut: true },
    { name: 'a file name with a line break', text: spx.slice(0, 5000), cut: true },
  );
  const hostile = ['1e300', '-1e300', 'NaN', 'Infinity', '-5', '', 'abc', '9'.repeat(400), '5e-324', '26.001'];
  const { lines, header } = csvParts(spy);
  for (let trial = 0; trial < 3; trial++) {
    const mutated = [...lines];
    for (let change = 0; change < 300; change++) {
      const index = header + 1 + Math.floor(random() * (lines.length - header - 2));
      const cells = mutated[index].split(',');
      if (cells.length < 22) continue;
      cells[[2, 4, 5, 6, 7, 8, 9, 10, 11, 15, 16, 18, 19, 20, 21][Math.floor(random() * 15)]] =
        hostile[Math.floor(random() * hostile.length)];
      mutated[index] = cells.join(',');
    }
    cases.push({ name: `SPY hostile numbers #${trial}`, text: mutated.join('\n'), args: ['--ticker', 'SPY'] });
  }

  it(`runs ${cases.length} bad inputs, with and without --accept: no crash, one line per failure, every number finite, every cut refused`, () => {
    const crashes: string[] = [];
    const tally = { levels: 0, refused: 0, accepted: 0 };
    for (const [index, entry] of cases.entries()) {
      const path = file(entry.name === 'a file name with a line break' ? `two\nlines-${index}.csv` : `case-${index}.csv`, entry.text);
      for (const accept of [false, true]) {
        let result;
        try {
          result = runLevelsCommand([path, '--json', ...(entry.args ?? []), ...(accept ? ['--accept'] : [])]);
        } catch (error) {
          crashes.push(`${entry.name}: ${(error as Error).stack}`);
          continue;
        }
        if (result.code === 2) {
          expect(result.stderr, entry.name).toMatch(/^levels: [^\n]+\n$/);
          expect(result.stdout, entry.name).toBe('');
          if (!accept) tally.refused++;
          continue;
        }
        expect(result.code, entry.name).toBe(0);
        if (entry.cut && !accept) expect.fail(`${entry.name}: a cut or foreign input gave levels`);
        const output = JSON.parse(result.stdout);
        expect(findNonFiniteNumber(output, 'output'), entry.name).toBeNull();
        for (const key of ['spot', 'totalGex', 'callGex', 'putGex']) expect(typeof output[key], `${entry.name}: ${key}`).toBe('number');
        if (accept && result.stderr !== '') {
          expect(result.stderr, entry.name).toMatch(/^levels: warning: [^\n]+ \(used anyway: --accept\)\n$/);
          tally.accepted++;
        } else if (!accept) tally.levels++;
      }
    }
    expect(crashes).toEqual([]);
    // Each class was reached: levels from whole or mildly damaged chains, refusals, accepted refusals.
    expect(tally.levels).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThanOrEqual(cases.filter((entry) => entry.cut).length);
    expect(tally.accepted).toBeGreaterThan(0);
  }, 180_000);
});
