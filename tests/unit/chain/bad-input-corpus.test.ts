/**
 * A corpus of bad inputs, generated here deterministically from the real fixtures, through the whole
 * pure path: parseChainText, then checkChain, then computeLevels for what the gate passes. Over every
 * input: no exception but ChainFormatError or EngineInputError, no number that is not finite in any
 * snapshot or result, and every cut-off input refused or flagged as cut off. Per-test timeouts here are
 * hang guards only; speed is measured by bench/parse-scale.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseChainText } from '../../../lib/chain/parse';
import { ChainFormatError } from '../../../lib/chain/errors';
import { checkChain, summarizeChain, type ChainSummary } from '../../../lib/chain/gate';
import { findNonFiniteNumber } from '../../../lib/chain/non-finite';
import type { ChainSnapshot } from '../../../lib/chain/model';
import { computeLevels } from '../../../lib/gex/levels';
import { EngineInputError } from '../../../lib/gex/prepared-chain';
import { FIXTURES, fixtureText } from '../fixtures';
import { csvParts, seededRandom } from './raw-text';

const ENGINE = { rate: 0.04, dividend: 0.013 };
const HANG_GUARD_MS = 120_000;

interface Outcome {
  name: string;
  /** 'format-error' (ChainFormatError), 'refused' (the gate), 'engine-error' (EngineInputError), 'levels' */
  result: 'format-error' | 'refused' | 'engine-error' | 'levels';
  detail: string;
  flaggedCutOff: boolean;
}

/** Failures the corpus must never show. */
const unexpected: string[] = [];
/** Every outcome, for the tally printed with CORPUS_REPORT=1. */
const outcomes: Outcome[] = [];

function run(name: string, text: string, options: { ticker?: string; previous?: ChainSummary | null } = {}): Outcome {
  const outcome = evaluate(name, text, options);
  outcomes.push(outcome);
  return outcome;
}

function evaluate(name: string, text: string, options: { ticker?: string; previous?: ChainSummary | null }): Outcome {
  let snapshot: ChainSnapshot;
  try {
    snapshot = parseChainText(text);
  } catch (error) {
    if (error instanceof ChainFormatError)
      return { name, result: 'format-error', detail: `${error.problem}: ${error.message}`, flaggedCutOff: error.problem === 'truncated' };
    unexpected.push(`${name}: parse threw ${(error as Error)?.name}: ${(error as Error)?.message}`);
    throw error;
  }
  const badNumber = findNonFiniteNumber(snapshot, 'snapshot');
  if (badNumber) unexpected.push(`${name}: ${badNumber.path} is ${badNumber.value}`);
  const flaggedCutOff = Boolean(snapshot.integrity?.cutOff);
  const check = checkChain(snapshot, options);
  const summaryNumber = findNonFiniteNumber(check.summary, 'summary');
  if (summaryNumber) unexpected.push(`${name}: ${summaryNumber.path} is ${summaryNumber.value}`);
  if (!check.ok) return { name, result: 'refused', detail: `${check.code}: ${check.reason}`, flaggedCutOff };
  try {
    const levels = computeLevels(snapshot, ENGINE);
    const levelsNumber = findNonFiniteNumber(levels, 'levels');
    if (levelsNumber) unexpected.push(`${name}: ${levelsNumber.path} is ${levelsNumber.value}`);
    return { name, result: 'levels', detail: `flip ${levels.flip}`, flaggedCutOff };
  } catch (error) {
    if (error instanceof EngineInputError) return { name, result: 'engine-error', detail: error.message, flaggedCutOff };
    unexpected.push(`${name}: computeLevels threw ${(error as Error)?.name}: ${(error as Error)?.message}`);
    throw error;
  }
}

/** Refused, failed as a format error, or at least flagged as cut off. */
const caughtAsCut = (outcome: Outcome) => outcome.result !== 'levels' || outcome.flaggedCutOff;

const spx = fixtureText(FIXTURES.spx);
const spy = fixtureText(FIXTURES.spy);
const nvda = fixtureText(FIXTURES.nvda);
const spyJson = fixtureText(FIXTURES.spyJson);
const spxPrevious = summarizeChain(parseChainText(spx));
const spyPrevious = summarizeChain(parseChainText(spy));

describe('bad-input corpus', () => {
  it(
    'CSVs cut at 50 random byte offsets are all refused or flagged, even with no last good chain',
    () => {
      for (const [label, text, ticker] of [
        ['SPX', spx, 'SPX'],
        ['SPY', spy, 'SPY'],
      ] as const) {
        const random = seededRandom(label === 'SPX' ? 7 : 8);
        for (let trial = 0; trial < 50; trial++) {
          const offset = 1 + Math.floor(random() * (text.length - 2));
          const outcome = run(`${label} cut at byte ${offset}`, text.slice(0, offset), { ticker });
          // A cut right after a "\n" is a row-boundary cut: below. Every other cut leaves a last row
          // without its newline.
          if (text[offset - 1] !== '\n') expect(caughtAsCut(outcome), outcome.name).toBe(true);
        }
      }
    },
    HANG_GUARD_MS,
  );

  it(
    'CSVs cut at 50 random row boundaries: refused against the last good chain; most flagged even without it',
    () => {
      const flaggedAlone: Record<string, number> = {};
      for (const [label, text, ticker, previous] of [
        ['SPX', spx, 'SPX', spxPrevious],
        ['SPY', spy, 'SPY', spyPrevious],
      ] as const) {
        const { lines, header, rows } = csvParts(text);
        const random = seededRandom(label === 'SPX' ? 21 : 22);
        flaggedAlone[label] = 0;
        for (let trial = 0; trial < 50; trial++) {
          const kept = 1 + Math.floor(random() * (rows.length - 1));
          const cut = `${lines.slice(0, header + 1 + kept).join('\n')}\n`;
          if (caughtAsCut(run(`${label} cut after row ${kept}`, cut, { ticker }))) flaggedAlone[label]++;
          expect(
            caughtAsCut(run(`${label} cut after row ${kept}, against the last good chain`, cut, { ticker, previous })),
            `${label} row ${kept}`,
          ).toBe(true);
        }
      }
      // Without the last good chain only the shape speaks (lib/chain/cut-off.ts): measured 45 and 37 of 50.
      expect(flaggedAlone.SPX).toBeGreaterThanOrEqual(40);
      expect(flaggedAlone.SPY).toBeGreaterThanOrEqual(30);
    },
    HANG_GUARD_MS,
  );

  it('files joined with themselves, or with another file, are refused', () => {
    expect(run('SPX twice', spx + spx, { ticker: 'SPX' })).toMatchObject({
      result: 'refused',
      detail: expect.stringMatching(/^repeated-contracts: /),
    });
    expect(run('SPX twice, CRLF', (spx + spx).replace(/\n/g, '\r\n'), { ticker: 'SPX' }).result).toBe('refused');
    expect(run('SPX then SPY', spx + spy, { ticker: 'SPX' })).toMatchObject({
      result: 'refused',
      detail: expect.stringMatching(/^joined: /),
    });
    expect(run('JSON twice', spyJson + spyJson, { ticker: 'SPY' }).result).toBe('format-error');
    const { lines, header } = csvParts(spx);
    const half = `${lines.slice(0, header + 3000).join('\n')}\n`;
    expect(run('a cut SPX then a whole one', half + spx, { ticker: 'SPX' }).result).toBe('refused');
  });

  it('another underlying served for the ticker is refused', () => {
    expect(run('SPY as SPX', spy, { ticker: 'SPX' }).detail).toMatch(/^wrong-underlying: this is a SPY option chain, not SPX/);
    expect(run('NVDA as SPY', nvda, { ticker: 'SPY' }).result).toBe('refused');
    expect(run('SPY JSON as SPX', spyJson, { ticker: 'SPX' }).result).toBe('refused');
    expect(run("SPX with SPY's price", spx.replace('Last: 4697.2402,', 'Last: 450.81,'), { ticker: 'SPX' }).detail).toMatch(
      /^spot-mismatch: /,
    );
  });

  it('impossible dates and unknown zone labels are format errors naming the line', () => {
    const dateLines = [
      '"Date: February 30, 2024 at 10:52 AM EST"',
      '"Date: January 45, 2024 at 10:52 AM EST"',
      '"Date: January 7, 2024 at 25:52 EST"',
      '"Date: January 7, 2024 at 10:61 AM EST"',
      '"Date: 13/7/2024 10:52 AM EST"',
      '"Date: January 7, 9999 at 10:52 AM EST"',
      '"Date: January 7, 0001 at 10:52 AM EST"',
      '"Date: January 7, 2024 at 10:52 AM CET"',
      '"Date: January 7, 2024 at 10:52 AM IST"',
      '"Date: January 7, 2024 at 10:52 AM +0100"',
    ];
    for (const line of dateLines) {
      const lines = spx.split('\n');
      lines[2] = `${line},Bid: 4645.23`;
      const outcome = run(line, lines.join('\n'), { ticker: 'SPX' });
      expect(outcome, line).toMatchObject({ result: 'format-error', detail: expect.stringMatching(/^bad-date: line 3: /) });
    }
    for (const timestamp of ['2022-13-45 25:61:61', '2024-02-30 10:00:00', '9999-12-31 23:59:59', '0001-01-01 00:00:00']) {
      const json = JSON.stringify({ timestamp, ...(JSON.parse(spyJson) as object) });
      expect(run(`timestamp ${timestamp}`, json).detail).toMatch(/^bad-date: the "timestamp"/);
    }
  });

  it('CR-only and CRLF files give the same levels as LF', () => {
    const lf = run('SPX LF', spx, { ticker: 'SPX' });
    expect(lf.result).toBe('levels');
    for (const [label, text] of [
      ['CR', spx.replace(/\n/g, '\r')],
      ['CRLF', spx.replace(/\n/g, '\r\n')],
      ['mixed', spx.replace(/\n/g, (_, at: number) => (at % 3 === 0 ? '\r' : at % 3 === 1 ? '\r\n' : '\n'))],
    ] as const) {
      const outcome = run(`SPX ${label}`, text, { ticker: 'SPX', previous: spxPrevious });
      expect(outcome).toEqual({ ...lf, name: `SPX ${label}` });
    }
    expect(computeLevels(parseChainText(spx.replace(/\n/g, '\r')), ENGINE)).toEqual(computeLevels(parseChainText(spx), ENGINE));
  });

  it(
    'hostile numbers in random cells leave every number finite',
    () => {
      const hostile = [
        '1e300',
        '-1e300',
        'NaN',
        'Infinity',
        '-Infinity',
        '-5',
        '-0',
        '',
        '   ',
        'abc',
        '1,000',
        '0x1F',
        '9'.repeat(400),
        '1e-320',
        '5e-324',
        '26.001',
        '-0.0001',
        '"1,5"',
      ];
      for (const [label, text, ticker] of [
        ['SPY', spy, 'SPY'],
        ['NVDA', nvda, 'NVDA'],
      ] as const) {
        const random = seededRandom(label === 'SPY' ? 31 : 32);
        const { lines, header } = csvParts(text);
        for (let trial = 0; trial < 8; trial++) {
          const mutated = [...lines];
          for (let change = 0; change < 300; change++) {
            const index = header + 1 + Math.floor(random() * (lines.length - header - 2));
            const cells = mutated[index].split(',');
            if (cells.length < 22) continue;
            // Any numeric cell: side cells 2-10 and 13-21, and the strike (11).
            const numeric = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21];
            cells[numeric[Math.floor(random() * numeric.length)]] = hostile[Math.floor(random() * hostile.length)];
            mutated[index] = cells.join(',');
          }
          run(`${label} hostile numbers #${trial}`, mutated.join('\n'), { ticker });
        }
        for (const value of hostile) {
          run(`${label} spot ${value}`, text.replace(/Last: [0-9.]+,/, `Last: ${value},`), { ticker });
        }
      }
      const json = JSON.parse(spyJson) as { options: Record<string, unknown>[]; current_price: unknown };
      const random = seededRandom(33);
      const numbers = [1e300, -1e300, -5, 0, 26.001, '1e300', 'NaN', null, true, [], {}, 'x'];
      for (let trial = 0; trial < 6; trial++) {
        const options = json.options.map((record) => ({ ...record }));
        for (let change = 0; change < 500; change++) {
          const record = options[Math.floor(random() * options.length)];
          const field = [
            'bid',
            'ask',
            'iv',
            'open_interest',
            'volume',
            'delta',
            'gamma',
            'vega',
            'theta',
            'last_trade_price',
            'last_trade_time',
          ][Math.floor(random() * 11)];
          record[field] = numbers[Math.floor(random() * numbers.length)];
        }
        run(`SPY JSON hostile numbers #${trial}`, JSON.stringify({ ...json, options }), { ticker: 'SPY' });
      }
      for (const spot of [1e300, -1, 0, 'NaN', null, Number.MAX_VALUE]) {
        run(`SPY JSON spot ${spot}`, JSON.stringify({ ...json, current_price: spot, close: spot }), { ticker: 'SPY' });
      }
    },
    HANG_GUARD_MS,
  );

  it('spot 1e300 is no spot: the engine estimates it from parity, and every output is finite', () => {
    const outcome = run('SPX spot 1e300', spx.replace('Last: 4697.2402,', 'Last: 1e300,'), { ticker: 'SPX' });
    expect(outcome.result).toBe('levels');
    const snapshot = parseChainText(spx.replace('Last: 4697.2402,', 'Last: 1e300,'));
    expect(snapshot.spot).toBeNull();
    expect(snapshot.warnings.join('\n')).toMatch(/cannot be used as spot \(1e\+300 is beyond any real price\)/);
  });

  it(
    'text that is no chain: binary garbage, 10 MB without a line break, HTML pages, empty input',
    () => {
      const random = seededRandom(41);
      const bytes = (length: number) => Array.from({ length }, () => String.fromCharCode(Math.floor(random() * 256))).join('');
      const tenMegabytes = 10 * 1024 * 1024;
      const inputs: [string, string][] = [
        ['binary 4 KB', bytes(4096)],
        ['binary 1 MB', bytes(1 << 20)],
        ['binary behind a valid preamble', spx.slice(0, spx.indexOf('Fri Jan 05')) + bytes(100000)],
        ['NUL bytes', '\u0000'.repeat(100000)],
        ['10 MB of one letter', 'a'.repeat(tenMegabytes)],
        ['10 MB line after "Last:"', `Name,Last: 1${'x'.repeat(tenMegabytes)}`],
        ['10 MB of commas after the header', `${spx.slice(0, spx.indexOf('Fri Jan 05'))}${','.repeat(tenMegabytes)}`],
        ['10 MB of CR-only short lines after the header', `${spx.slice(0, spx.indexOf('Fri Jan 05'))}${'x,\r'.repeat(tenMegabytes / 3)}`],
        ['10 MB JSON string', `{"options": [], "pad": "${'x'.repeat(tenMegabytes)}"}`],
        ['10 MB of whitespace', ' '.repeat(tenMegabytes)],
        ['10 MB of "{"', '{'.repeat(tenMegabytes)],
        ['10 MB of quotes after the header', `${spx.slice(0, spx.indexOf('Fri Jan 05'))}${'"'.repeat(tenMegabytes)}`],
        [
          'the SPX rows 60 times on one line',
          `${spx.slice(0, spx.indexOf('Fri Jan 05'))}${spx.slice(spx.indexOf('Fri Jan 05')).replace(/\n/g, ',').repeat(6)}`,
        ],
        ['HTML 403', '<!DOCTYPE html><html><head><title>403 Forbidden</title></head><body>Access denied</body></html>'],
        ['HTML 502 with a BOM', '\uFEFF<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>'],
        ['HTML login page', `<html>${'<div>'.repeat(50000)}Sign in</html>`],
        ['XML error', '<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>'],
        ['empty', ''],
        ['a byte-order mark alone', '\uFEFF'],
        ['blank lines', '\n\r\n\r  \t\n'],
        ['the preamble alone', spx.split('\n').slice(0, 3).join('\n')],
        ['the header alone', spx.split('\n').slice(0, 4).join('\n')],
      ];
      for (const [name, text] of inputs) {
        const outcome = run(name, text);
        expect(outcome.result, `${name}: ${outcome.detail}`).toBe('format-error');
      }
    },
    HANG_GUARD_MS,
  );

  it(
    'JSON of the wrong shape: deep nesting, options that are not records, an empty options array',
    () => {
      const deep = 1_000_000;
      const inputs: [string, string][] = [
        ['deeply nested arrays', `${'['.repeat(deep)}${']'.repeat(deep)}`],
        ['deeply nested objects', `${'{"a":'.repeat(deep)}1${'}'.repeat(deep)}`],
        ['deeply nested options', `{"options": ${'['.repeat(deep)}${']'.repeat(deep)}}`],
        ['deeply nested data', `${'{"data":'.repeat(100000)}{}${'}'.repeat(100000)}`],
        ['options null', '{"options": null}'],
        ['options a string', '{"options": "SPY220401C00200000"}'],
        ['options a number', '{"options": 42}'],
        ['options of non-records', '{"timestamp": "2024-01-08 16:00:00", "options": [null, "x", 42, [], {}, true]}'],
        [
          'options of bad symbols',
          '{"timestamp": "2024-01-08 16:00:00", "options": [{"option": "NOPE"}, {"option": 12}, {"option": "SPY241308C00200000"}]}',
        ],
        ['an empty options array', '{"timestamp": "2024-01-08 16:00:00", "data": {"options": [], "current_price": 450}}'],
        ['an empty options array, no timestamp', '{"options": []}'],
        ['a JSON array', '[{"option": "SPY220401C00200000"}]'],
        ['a JSON string', '"options"'],
        ['JSON null', 'null'],
        ['cut JSON', spyJson.slice(0, 123457)],
        ['trailing garbage', `${spyJson}xyz`],
      ];
      for (const [name, text] of inputs) {
        const outcome = run(name, text);
        expect(outcome.result, `${name}: ${outcome.detail}`).toBe('format-error');
      }
      expect(run('cut JSON', spyJson.slice(0, 123457)).detail).toMatch(/^truncated: /);
      // Refused before JSON.parse would build a million nested arrays.
      expect(run('deeply nested arrays', `${'['.repeat(deep)}${']'.repeat(deep)}`).detail).toMatch(
        /^wrong-shape: the JSON nests more than 64 levels deep \(at character 64\)/,
      );
      // Brackets inside strings (escaped quotes too) are not nesting.
      const record = { option: 'SPY240119C00450000', iv: 0.15, open_interest: 5, note: `\\"${'['.repeat(200)}` };
      expect(
        run('brackets in a string', JSON.stringify({ timestamp: '2024-01-08 16:00:00', data: { current_price: 450, options: [record] } }))
          .result,
      ).not.toBe('format-error');
    },
    HANG_GUARD_MS,
  );

  it('no exception but ChainFormatError or EngineInputError, and no number that is not finite, anywhere above', () => {
    expect(unexpected).toEqual([]);
    if (process.env.CORPUS_REPORT) {
      const tally = new Map<string, number>();
      for (const outcome of outcomes) {
        const key =
          outcome.result === 'levels'
            ? `levels${outcome.flaggedCutOff ? ' (flagged cut off)' : ''}`
            : `${outcome.result}: ${outcome.detail.split(':')[0]}`;
        tally.set(key, (tally.get(key) ?? 0) + 1);
      }
      console.log(
        `${outcomes.length} inputs\n${[...tally]
          .sort((a, b) => b[1] - a[1])
          .map(([key, n]) => `${String(n).padStart(5)}  ${key}`)
          .join('\n')}`,
      );
    }
  });
});
