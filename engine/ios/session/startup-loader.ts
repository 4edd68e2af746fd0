/**
 * Reading a configuration file the way IOS reads NVRAM at boot: every line goes through
 * configuration mode (sub-mode fallback does the rest), `!` lines are comments, `end`
 * ends, and the `version` / `Current configuration` headers are accepted as they are.
 */

export interface RejectedLine {
  /** 1-based line number in the file. */
  lineNumber: number;
  line: string;
  /** IOS's text for it: the caret line and `% Invalid input ...`, or `% Incomplete command.` ... */
  error: string;
}

export interface StartupLoadResult {
  rejected: RejectedLine[];
  /** The file as `show startup-config` shows it: up to `end`. */
  savedText: string;
}

export interface ConfigLineSink {
  begin(): void;
  feed(line: string): { output: string; accepted: boolean };
}

const HEADER_LINES = [/^version \S+$/, /^Current configuration\s*:/, /^Building configuration\.\.\.$/];

function isHeader(trimmed: string): boolean {
  return HEADER_LINES.some((pattern) => pattern.test(trimmed));
}

export function loadConfigText(text: string, sink: ConfigLineSink): StartupLoadResult {
  const lines = text.split(/\r?\n/);
  const rejected: RejectedLine[] = [];
  let last = lines.length;
  sink.begin();
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const trimmed = line.trim();
    if (trimmed === 'end') {
      last = index + 1;
      break;
    }
    // Headers start their line: an indented `version 2` is RIP's, under `router rip`.
    if (trimmed.startsWith('!') || isHeader(line.trimEnd())) continue;
    const outcome = sink.feed(line);
    if (!outcome.accepted) rejected.push({ lineNumber: index + 1, line, error: outcome.output });
  }
  const saved = lines.slice(0, last);
  while (saved.length > 0 && saved[saved.length - 1]!.trim() === '') saved.pop();
  return { rejected, savedText: saved.join('\n') };
}
