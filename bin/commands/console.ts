import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Lab, describeError } from '../../engine/lab/index.ts';
import { displayPath, findLab, searchFolders } from '../../steps/support/lab-search.ts';
import { ConsoleSession } from '../console/console-session.ts';
import { labNameFrom, writeFeature } from '../console/feature-writer.ts';
import { runInteractive, runPiped } from '../console/terminal-io.ts';
import { labCommandHelp } from '../console/lab-commands.ts';
import { recordSteps } from '../console/recorder.ts';
import { parseCommand } from './command-line.ts';

/** `tedlab console LAB`: an IOS console on a lab, on a terminal or with its input piped, recorded as a scenario on request. */

export const CONSOLE_USAGE = `usage: tedlab console LAB [OPTIONS]

An IOS console on a lab: type at its routers as at a real router's console. LAB is found as
"Given the lab" finds it: a folder with a topology.yaml (or a topology file) here, in ./labs
or in ./scenarios. The console starts in privileged mode on the first router of the topology.

  --router NAME              start on this router
  --record FILE.feature      write the session as a scenario that tedlab run replays: each line
                             as the step that types it, each output as an assertion on it
  --record-references DIR    with --record: each output into a reference file in DIR instead
  -h, --help                 this text

Lines that start with @ act on the lab:
${labCommandHelp()}

On a terminal: line editing and history, ? and Tab as on IOS, --More-- when terminal length is
not 0, and debug and syslog messages as they happen: virtual time follows the wall clock, a
second at a time, except in configuration mode. With the input piped (not a terminal), each line is typed in turn and virtual
time passes only with @wait, pings and what IOS commands themselves take (a ping from the
router), so the same input prints the same bytes every run. The end of the input ends it.
`;

interface Recording {
  featureFile: string;
  referencesDir: string | undefined;
}

export async function consoleCommand(argv: string[]): Promise<number> {
  const parsed = parseCommand('console', argv, {
    router: { type: 'string' }, record: { type: 'string' }, 'record-references': { type: 'string' },
  }, CONSOLE_USAGE);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const [labName] = positionals;
  if (labName === undefined || positionals.length > 1) return refuse(`name one lab\n${CONSOLE_USAGE}`);
  const recording = recordingOf(values.record, values['record-references']);
  if (typeof recording === 'string') return refuse(recording);
  let topologyFile: string;
  let session: ConsoleSession;
  try {
    // The working folder stands where a feature file's folder would: a lab's path from here works too.
    topologyFile = findLab(labName, searchFolders(path.join(process.cwd(), 'console')));
  } catch (error) {
    // The search's advice speaks of feature files and tedlab run; here the lab is named on the command line.
    const message = (error instanceof Error ? error.message : String(error))
      .replace(/\nPut it beside the feature file.*$/s, '\nName the lab\'s folder or its topology.yaml, as a path from here or from ./labs or ./scenarios.');
    return refuse(message);
  }
  try {
    session = new ConsoleSession(Lab.load(displayPath(topologyFile)), values.router);
  } catch (error) {
    return refuse(describeError(error));
  }
  if (process.stdin.isTTY) await runInteractive(session, process.stdin, process.stdout);
  else await runPiped(session, process.stdin, (text) => process.stdout.write(text));
  if (recording !== undefined) saveRecording(session, recording, labName, topologyFile);
  return 0;
}

function recordingOf(record: string | undefined, references: string | undefined): Recording | string | undefined {
  if (record === undefined) return references === undefined ? undefined : '--record-references goes with --record FILE.feature';
  if (!record.endsWith('.feature')) return `--record takes a feature file, FILE.feature, not "${record}"`;
  return { featureFile: path.resolve(record), referencesDir: references === undefined ? undefined : path.resolve(references) };
}

function saveRecording(session: ConsoleSession, recording: Recording, labName: string, topologyFile: string): void {
  const fromFeature = (name: string) => {
    try {
      return findLab(name, [path.dirname(recording.featureFile)]);
    } catch {
      return undefined;
    }
  };
  const steps = recordSteps(session.events);
  const written = writeFeature(steps, {
    featureFile: recording.featureFile,
    labName: labNameFrom(recording.featureFile, labName, topologyFile, fromFeature),
    labTitle: labName,
    referencesDir: recording.referencesDir,
  });
  mkdirSync(path.dirname(recording.featureFile), { recursive: true });
  writeFileSync(recording.featureFile, written.feature);
  for (const reference of written.references) {
    mkdirSync(path.dirname(reference.file), { recursive: true });
    writeFileSync(reference.file, reference.text);
  }
  const references = written.references.length === 0 ? '' : ` and ${written.references.length} reference files`;
  process.stderr.write(`tedlab console: recorded ${steps.length} steps in ${displayPath(recording.featureFile)}${references}\n`);
}

function refuse(message: string): number {
  process.stderr.write(`tedlab console: ${message}\n`);
  return 2;
}
