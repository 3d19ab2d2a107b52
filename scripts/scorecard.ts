/**
 * npm run scorecard -- [--json] --ohlc BARS.json [options] CHAIN...   (see --help)
 * How the levels of chain files fared on the sessions after them (scripts/scorecard-command.ts). Exits 2
 * with a one-line reason on bad input.
 */
import { runScorecardCommand } from './scorecard-command';

const result = runScorecardCommand(process.argv.slice(2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
