import { describeError } from '../engine/lab/errors.ts';
import { BRIDGE_USAGE, bridgeCommand } from './commands/bridge.ts';
import { reportCommand } from './commands/report.ts';
import { runFeatures } from './commands/run.ts';
import { validateTopology } from './commands/validate.ts';

const USAGE = `usage: tedlab <command>

  tedlab run [PATH...] [OPTIONS]    run feature files (default: features/) on the embedded engine,
                                    writing Allure results and JUnit XML below reports/
      --seed N                      run every lab with seed N instead of its topology's
      --parallel N                  run scenarios in N worker processes (default: in this process)
      --reports DIR                 write results and the report below DIR instead of reports/
      --report                      make the HTML report after the run
  tedlab report [--reports DIR]     make the HTML report of the last run, with trends of earlier ones
  tedlab validate FILE...           check topology files and the router configurations they load
${BRIDGE_USAGE}  tedlab help                       this text
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
    case 'report':
      return reportCommand(rest);
    case 'validate':
      return validateTopology(rest);
    case 'bridge':
      return bridgeCommand(rest);
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
