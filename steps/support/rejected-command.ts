import { IosText } from '../../engine/ios/index.ts';
import { ScenarioFailure } from './failures.ts';

/**
 * A command IOS refused: `When I run` still makes IOS's error the output, so a scenario can
 * assert it; but an assertion that fails on that output says first that IOS refused the
 * command, and shows the command line with IOS's message and its caret under the refused word.
 */

export interface RejectedCommand {
  router: string;
  /** The command as the console echoed it (prompt and command), the caret's reference line. */
  echo: string;
  error: string;
}

const REFUSALS = [IosText.invalidInput, IosText.incomplete, '% Ambiguous command:', IosText.unknownHost];

/** The console's echo of the command just run: its prompt and the command (`R1#show version`). */
export function echoLine(command: string, transcript: string): string {
  return transcript.split('\n').reverse().find((line) => line.endsWith(`#${command}`) || line.endsWith(`>${command}`)) ?? command;
}

/** The refusal in an exec command's output, if IOS refused the command. */
export function rejectionOf(router: string, command: string, output: string, transcript: string): RejectedCommand | undefined {
  if (!REFUSALS.some((refusal) => output.includes(refusal))) return undefined;
  return { router, echo: echoLine(command, transcript), error: output.trimEnd() };
}

/** The failure, its message led by the refused command. */
export function explainRejection(failure: unknown, rejected: RejectedCommand | undefined): unknown {
  if (rejected === undefined || !(failure instanceof ScenarioFailure)) return failure;
  const lead = `${rejected.router} rejected the command, so the output is IOS's error:\n${rejected.echo}\n${rejected.error}\n\n`;
  // An assertion that quotes the whole output would show IOS's error a second time, without its command.
  const message = failure.message.trimEnd();
  const quoted = `:\n${rejected.error}`;
  const body = message.endsWith(quoted) ? `${message.slice(0, -quoted.length)} (the output is the error above)` : failure.message;
  const FailureClass = failure.constructor as new (message: string, evidence: ScenarioFailure['evidence']) => ScenarioFailure;
  return new FailureClass(`${lead}${body}`, failure.evidence);
}
