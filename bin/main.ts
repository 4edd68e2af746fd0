import { describeError } from '../engine/lab/errors.ts';
import { tedlabVersion } from '../engine/package-files.ts';
/**
 * The `tedlab` command line: one entry per command, each with its usage; `tedlab help COMMAND`
 * and `tedlab COMMAND --help` print it. A command's module (Cucumber, Allure, the engine) is
 * loaded only when that command runs or its usage is asked for: `tedlab --version` loads none.
 */

interface LoadedCommand {
  usage: string;
  run(args: string[]): Promise<number>;
}

interface Command {
  summary: string;
  load(): Promise<LoadedCommand>;
}

const COMMANDS: Record<string, Command> = {
  init: {
    summary: 'make a folder a tedlab project, with a feature and a lab that pass',
    load: async () => import('./commands/init.ts').then((m) => ({ usage: m.INIT_USAGE, run: m.initCommand })),
  },
  run: {
    summary: 'run feature files (default ./features) and write Allure results and JUnit XML',
    load: async () => import('./commands/run.ts').then((m) => ({ usage: m.RUN_USAGE, run: m.runFeatures })),
  },
  watch: {
    summary: 'run feature files, then again after every change to a feature, lab or reference',
    load: async () => import('./commands/watch.ts').then((m) => ({ usage: m.WATCH_USAGE, run: m.watchCommand })),
  },
  report: {
    summary: 'make the HTML report of the last run',
    load: async () => import('./commands/report.ts').then((m) => ({ usage: m.REPORT_USAGE, run: m.reportCommand })),
  },
  validate: {
    summary: 'check topology files and the router configurations they load',
    load: async () => import('./commands/validate.ts').then((m) => ({ usage: m.VALIDATE_USAGE, run: m.validateTopology })),
  },
  steps: {
    summary: 'list every step a scenario can use, with help and an example',
    load: async () => import('./commands/steps.ts').then((m) => ({ usage: m.STEPS_USAGE, run: m.stepsCommand })),
  },
  console: {
    summary: 'an IOS console on a lab; --record writes the session as a scenario',
    load: async () => import('./commands/console.ts').then((m) => ({ usage: m.CONSOLE_USAGE, run: m.consoleCommand })),
  },
  bridge: {
    summary: 'run a lab on the wall clock, its peers connected to the real network',
    load: async () => import('./commands/bridge.ts').then((m) => ({ usage: `usage:\n${m.BRIDGE_USAGE}`, run: m.bridgeCommand })),
  },
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
    process.stdout.write(command === undefined ? overview() : (await command.load()).usage);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  return command === undefined ? unknown(name) : (await command.load()).run(rest);
}

function unknown(name: string): number {
  process.stderr.write(`tedlab: unknown command "${name}"\n${overview()}`);
  return 2;
}
