/**
 * npm run levels -- FILE|--sample [options]   (see --help)
 * The levels of a CBOE JSON or quote-table CSV file (scripts/levels-command.ts). Exits 2 with a
 * one-line reason on bad input or a chain the extension would refuse.
 */
import { runLevelsCommand } from './levels-command';

const result = runLevelsCommand(process.argv.slice(2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
