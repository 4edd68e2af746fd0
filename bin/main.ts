import { describeError } from '../engine/lab/errors.ts';
import { runFeatures } from './commands/run.ts';
import { validateTopology } from './commands/validate.ts';

const USAGE = `usage: tedlab <command>

  tedlab run [PATH...] [--seed N]   run feature files (default: features/) on the embedded engine
  tedlab validate FILE...           check topology files and the router configurations they load
  tedlab help                       this text
`;

/** The `tedlab` command line; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (error) {
    process.stderr.write(`tedlab: ${describeError(error)}\n`);
    return 2;
  }
}

async function dispatch(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'run':
      return runFeatures(rest);
    case 'validate':
      return validateTopology(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`tedlab: unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}
