/** A small, strict argument parser: --flag, --option value, --option=value, positionals. */

export class CliUsageError extends Error {}

export interface ParsedArgs {
  positional: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

export function parseCliArgs(argv: readonly string[], spec: { flags: string[]; options: string[] }): ParsedArgs {
  const parsed: ParsedArgs = { positional: [], flags: new Set(), options: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--') || arg === '--') {
      if (arg !== '--') parsed.positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (spec.flags.includes(name)) {
      if (inline !== undefined) throw new CliUsageError(`--${name} takes no value`);
      parsed.flags.add(name);
    } else if (spec.options.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new CliUsageError(`--${name} needs a value`);
      parsed.options.set(name, value);
    } else {
      throw new CliUsageError(`unknown option --${name}`);
    }
  }
  return parsed;
}
