import type { ConsoleLine } from '../../engine/lab/lab-console.ts';
import { IosText } from '../../engine/ios/messages.ts';
import { splitDebugMessages } from '../../engine/lab/index.ts';

/**
 * A console session as scenario steps: every line typed becomes the step that types it the same
 * way (`When I run`, `When I configure`, `When I type on`), every output the assertion on what
 * was seen, every ping, wait and link change its step. Every step text is one of the catalogue's
 * (steps/step-catalogue.ts), so the recording runs with `tedlab run`.
 */

export type SessionEvent =
  | { kind: 'line'; router: string; line: string; result: ConsoleLine }
  | { kind: 'ping'; from: string; to: string; count: number | undefined; marks: string }
  | { kind: 'wait'; seconds: number }
  | { kind: 'link'; link: string; up: boolean }
  | { kind: 'save-capture'; link: string; dir: string }
  /** Messages a router's console showed as time passed. */
  | { kind: 'messages'; router: string; messages: string[] };

type LineEvent = Extract<SessionEvent, { kind: 'line' }>;

/** One step: its text after the keyword, a DocString, or an output to assert (as a DocString or a reference file). */
export type RecordedStep =
  | { keyword: 'When' | 'Then'; text: string; docString?: string }
  | { keyword: 'Then'; output: { router: string; name: string; text: string; echo: string } };

const atExec = (mode: string | undefined): boolean => mode === 'exec' || mode === 'user';
const inConfig = (mode: string | undefined): boolean => mode !== undefined && !atExec(mode);
/** Step arguments are Cucumber strings: a line with a quote or a backslash is typed instead. */
const quotable = (text: string): boolean => !/["\\]/.test(text);

/** The steps that replay the session. */
export function recordSteps(events: readonly SessionEvent[]): RecordedStep[] {
  const steps: RecordedStep[] = [];
  for (let index = 0; index < events.length;) {
    const event = events[index]!;
    if (event.kind === 'line') index = recordLines(events, index, steps);
    else if (event.kind === 'wait' || event.kind === 'messages') index = recordTime(events, index, steps);
    else {
      steps.push(...labSteps(event));
      index++;
    }
  }
  return steps;
}

function labSteps(event: Exclude<SessionEvent, LineEvent | { kind: 'wait' | 'messages' }>): RecordedStep[] {
  switch (event.kind) {
    case 'ping': {
      const times = event.count === undefined ? '' : ` ${event.count} times`;
      return [
        { keyword: 'When', text: `host "${event.from}" pings "${event.to}"${times}` },
        { keyword: 'Then', text: `the ping shows "${event.marks}"` },
      ];
    }
    case 'link':
      return [{ keyword: 'When', text: `the link "${event.link}" ${event.up ? 'comes up' : 'goes down'}` }];
    case 'save-capture':
      return [{ keyword: 'When', text: `I save the capture of link "${event.link}" to "${event.dir}"` }];
  }
}

/** Waits in a row are one wait; the messages seen meanwhile are asserted after it, per router. */
function recordTime(events: readonly SessionEvent[], start: number, steps: RecordedStep[]): number {
  let seconds = 0;
  const seen = new Map<string, string[]>();
  let index = start;
  for (; index < events.length; index++) {
    const event = events[index]!;
    if (event.kind === 'wait') seconds += event.seconds;
    else if (event.kind === 'messages') seen.set(event.router, [...(seen.get(event.router) ?? []), ...event.messages]);
    else break;
  }
  if (seconds > 0) steps.push({ keyword: 'When', text: `${seconds} ${seconds === 1 ? 'second passes' : 'seconds pass'}` });
  for (const [router, messages] of seen) steps.push(...messageSteps(router, messages));
  return index;
}

/** The messages a console showed, each by its first line without the timestamp: they must appear in this order. */
function messageSteps(router: string, messages: readonly string[]): RecordedStep[] {
  const lines = messages.flatMap((message) => splitDebugMessages(message).map((part) => part.text.split('\n')[0]!.trim()));
  const wanted = lines.filter((line) => line !== '');
  if (wanted.length === 0) return [];
  return [{ keyword: 'Then', text: `the debug log of "${router}" contains in order:`, docString: wanted.join('\n') }];
}

/** Consecutive lines on one router: the longest run that makes one step, recorded; returns the next index. */
function recordLines(events: readonly SessionEvent[], start: number, steps: RecordedStep[]): number {
  const first = events[start] as LineEvent;
  const run: LineEvent[] = [];
  for (let index = start; index < events.length; index++) {
    const event = events[index]!;
    if (event.kind !== 'line' || event.router !== first.router) break;
    run.push(event);
  }
  const configured = configureGroup(run);
  if (configured > 0) {
    steps.push(...configureSteps(run.slice(0, configured)));
    return start + configured;
  }
  if (isRunnable(first)) {
    steps.push(...runSteps(first));
    return start + 1;
  }
  if (first.line.trim() === '' && atExec(first.result.modeBefore) && atExec(first.result.modeAfter)) return start + 1;
  const typed = typeGroup(run);
  steps.push(...typeSteps(run.slice(0, typed)));
  return start + typed;
}

/** An exec command at an exec prompt that leaves the console at one: `Lab.run` types it the same way. */
function isRunnable({ line, result }: LineEvent): boolean {
  return atExec(result.modeBefore) && atExec(result.modeAfter) && result.response !== undefined && line.trim() !== '' && quotable(line);
}

/**
 * How many lines make `configure terminal`, lines IOS took without a word, and the line back to
 * exec mode (`end`): what `Lab.configure` types. 0 when the lines do not start such a run.
 */
function configureGroup(run: readonly LineEvent[]): number {
  const [enter] = run;
  if (enter === undefined || !atExec(enter.result.modeBefore) || enter.result.modeAfter !== 'config') return 0;
  if (enter.result.response !== IosText.enterConfiguration) return 0;
  for (let index = 1; index < run.length; index++) {
    const { result } = run[index]!;
    if (!inConfig(result.modeBefore) || result.response !== '') return 0;
    if (atExec(result.modeAfter)) return index + 1;
    if (!inConfig(result.modeAfter)) return 0;
  }
  return 0;
}

/** Lines typed as they are, up to the first that leaves the console at an exec prompt again. */
function typeGroup(run: readonly LineEvent[]): number {
  const back = run.findIndex((event) => atExec(event.result.modeAfter));
  return back < 0 ? run.length : back + 1;
}

function runSteps({ router, line, result }: LineEvent): RecordedStep[] {
  const steps: RecordedStep[] = [{ keyword: 'When', text: `I run "${line.trim()}" on "${router}"` }];
  if (result.response !== '') steps.push({ keyword: 'Then', output: { router, name: line.trim(), text: result.response!, echo: result.echo } });
  return [...steps, ...messageSteps(router, result.messages)];
}

function configureSteps(group: readonly LineEvent[]): RecordedStep[] {
  const router = group[0]!.router;
  const lines = group.slice(1, -1).map((event) => event.line);
  const steps: RecordedStep[] = [{ keyword: 'When', text: `I configure "${router}" with:`, docString: lines.join('\n') }];
  return [...steps, ...messageSteps(router, group.flatMap((event) => event.result.messages))];
}

/** `Lab.type`'s output: the transcript of the lines and the prompt the console shows after them. */
function typeSteps(group: readonly LineEvent[]): RecordedStep[] {
  const router = group[0]!.router;
  const last = group[group.length - 1]!.result;
  const text = `${group.map((event) => `${event.result.echo}${event.result.shown}`).join('')}${last.promptAfter}`;
  return [
    { keyword: 'When', text: `I type on "${router}":`, docString: group.map((event) => event.line).join('\n') },
    { keyword: 'Then', output: { router, name: 'console', text, echo: '' } },
  ];
}
