import { describeError } from '../engine/lab/errors.ts';
import { tedlabVersion } from '../engine/package-files.ts';
import { BRIDGE_USAGE, bridgeCommand } from './commands/bridge.ts';
import { CONSOLE_USAGE, consoleCommand } from './commands/console.ts';
import { INIT_USAGE, initCommand } from './commands/init.ts';
import { REPORT_USAGE, reportCommand } from './commands/report.ts';
import { RUN_USAGE, runFeatures } from './commands/run.ts';
import { STEPS_USAGE, stepsCommand } from './commands/steps.ts';
import { VALIDATE_USAGE, validateTopology } from './commands/validate.ts';

/**
 * The `tedlab` command line: one entry per command, each with its usage; `tedlab help COMMAND`
 * and `tedlab COMMAND --help` print it.
 */

interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  init: { summary: 'make a folder a tedlab project, with a feature and a lab that pass', usage: INIT_USAGE, run: initCommand },
  run: { summary: 'run feature files (default ./features) and write Allure results and JUnit XML', usage: RUN_USAGE, run: runFeatures },
  report: { summary: 'make the HTML report of the last run', usage: REPORT_USAGE, run: reportCommand },
  validate: { summary: 'check topology files and the router configurations they load', usage: VALIDATE_USAGE, run: validateTopology },
  steps: { summary: 'list every step a scenario can use, with help and an example', usage: STEPS_USAGE, run: stepsCommand },
  console: { summary: 'an IOS console on a lab; --record writes the session as a scenario', usage: CONSOLE_USAGE, run: consoleCommand },
  bridge: { summary: 'run a lab on the wall clock, its peers connected to the real network', usage: `usage:\n${BRIDGE_USAGE}`, run: bridgeCommand },
};

function overview(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  tedlab ${name.padEnd(width)}  ${command.summary}`);
  return [
    'usage: tedlab <command> [options]',
    '',
    ...lines,
    `  tedlab ${'help'.padEnd(width)}  this text; tedlab help COMMAND (or COMMAND --help) tells more`,
    `  tedlab ${'--version'.padEnd(width)}  tedlab's version`,
    '',
  ].join('\n');
}

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
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v' || name === 'version') {
    process.stdout.write(`${tedlabVersion()}\n`);
    return 0;
  }
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? rest[0] : undefined;
    const command = topic === undefined ? undefined : COMMANDS[topic];
    if (topic !== undefined && command === undefined) return unknown(topic);
    process.stdout.write(command?.usage ?? overview());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  return command === undefined ? unknown(name) : command.run(rest);
}

function unknown(name: string): number {
  process.stderr.write(`tedlab: unknown command "${name}"\n${overview()}`);
  return 2;
}
