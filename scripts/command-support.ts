/**
 * What the file commands (`levels`, `scorecard`) share: the one-line failure with exit code 2, reading
 * a possibly gzipped file, and the assumption flags (--rate, --div, --sign, --expiry) read the same way
 * with the same messages, so both commands give the same numbers for the same flags.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { ALL_EXPIRIES, parseExpiryFilter, type ExpiryFilter } from '../lib/gex/expiry-filter';
import { parseSignModel, type SignModel } from '../lib/gex/sign-model';
import type { ParsedArgs } from './cli-args';

/** What a command prints, and its exit code. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Bad input: the command ends with code 2 and this one line. */
export class CommandFailure extends Error {}

/** A message as one line, whatever it holds (a file name with a line break, say). */
export const oneLine = (message: string) => message.replace(/[\r\n]+/g, ' ');

export function fail(message: string): never {
  throw new CommandFailure(message);
}

/** Runs a command body, collecting what it prints; bad input becomes code 2 and "name: reason" (a bug still throws). */
export function runCommand(name: string, body: (print: (text: string) => void, warn: (text: string) => void) => void): CommandResult {
  const stdout: string[] = [];
  const stderr: string[] = [];
  try {
    body(
      (text) => stdout.push(text),
      (text) => stderr.push(text),
    );
    return { code: 0, stdout: stdout.join(''), stderr: stderr.join('') };
  } catch (error) {
    if (!(error instanceof CommandFailure)) throw error;
    stderr.push(`${name}: ${oneLine(error.message)}\n`);
    return { code: 2, stdout: stdout.join(''), stderr: stderr.join('') };
  }
}

/** A file's text; gzipped files (1f 8b) are decompressed. */
export function readInputFile(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    fail(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes).toString('utf8');
    } catch (error) {
      fail(`${path} looks gzipped but does not decompress: ${(error as Error).message}`);
    }
  }
  return bytes.toString('utf8');
}

/** A number option checked by `check`, undefined when absent; anything else fails naming the flag. */
export function numberOption(args: ParsedArgs, name: string, check: (value: number) => boolean, what: string): number | undefined {
  const text = args.options.get(name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || !check(value)) fail(`--${name} ${JSON.stringify(text)}: ${what}`);
  return value;
}

/** An ISO instant option, undefined when absent. */
export function instantOption(args: ParsedArgs, name: string): number | undefined {
  const text = args.options.get(name);
  if (text === undefined) return undefined;
  const value = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(value))
    fail(`--${name} ${JSON.stringify(text)}: expected an ISO instant such as 2024-01-08T15:00:00Z`);
  return value;
}

/** The flags every chain command takes for its assumptions; absent ones are left to the defaults. */
export interface AssumptionFlags {
  rate: number | undefined;
  dividend: number | undefined;
  signModel: SignModel | undefined;
  expiryFilter: ExpiryFilter;
}

export function assumptionFlags(args: ParsedArgs): AssumptionFlags {
  const rate = numberOption(args, 'rate', (value) => Math.abs(value) < 1, 'expected a decimal rate such as 0.05');
  const dividend = numberOption(args, 'div', (value) => Math.abs(value) < 1, 'expected a decimal yield such as 0.013');
  const expiryText = args.options.get('expiry');
  const expiryFilter = expiryText === undefined ? ALL_EXPIRIES : parseExpiryFilter(expiryText);
  if (typeof expiryFilter === 'string') fail(expiryFilter);
  const signText = args.options.get('sign');
  const signModel = signText === undefined ? undefined : parseSignModel(signText);
  if (signModel === null) fail(`--sign ${JSON.stringify(signText)}: expected classic, short-all or custom:C,P (e.g. custom:1,-1)`);
  return { rate, dividend, signModel, expiryFilter };
}
