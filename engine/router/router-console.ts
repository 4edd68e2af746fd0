/**
 * A router's console: what an engineer sees on the serial line. The transcript holds every
 * prompt, typed line and response; the log holds the time-stamped messages (debug and syslog)
 * in the order the console printed them, which also appear in the transcript.
 */
export class RouterConsole {
  private readonly transcriptParts: string[] = [];
  private readonly logMessages: string[] = [];

  /** A line typed at `prompt`: its echo. Messages logged while it runs follow it. */
  recordInput(prompt: string, line: string): void {
    this.transcriptParts.push(`${prompt}${line}\n`);
  }

  /** IOS's response to the line typed last. */
  recordResponse(response: string): void {
    if (response !== '') this.transcriptParts.push(`${response}\n`);
  }

  /** A time-stamped message: `timestamp` as the router's `service timestamps` setting renders it. */
  recordMessage(timestamp: string, message: string): void {
    const line = timestamp === '' ? message : `${timestamp}: ${message}`;
    this.logMessages.push(line);
    this.transcriptParts.push(`${line}\n`);
  }

  /** Everything the console showed so far. */
  transcript(): string {
    return this.transcriptParts.join('');
  }

  /** The debug and syslog messages so far, one per line (multi-line messages keep their continuation lines). */
  log(): string {
    return this.logMessages.length === 0 ? '' : `${this.logMessages.join('\n')}\n`;
  }

  /** How many transcript parts exist, to cut out what one step produced. */
  mark(): number {
    return this.transcriptParts.length;
  }

  transcriptSince(mark: number): string {
    return this.transcriptParts.slice(mark).join('');
  }
}
