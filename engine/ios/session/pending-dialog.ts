import type { Dialog, DialogFactory, Question } from '../commands/dialog.ts';

/**
 * A dialog under way on a console: the generator a command started, the question it asks now,
 * and where its output goes (the output of the line being answered).
 */
export class PendingDialog {
  private sink: string[];
  private readonly generator: Dialog;
  private current: Question | undefined;

  /** Runs the dialog up to its first question; what it prints before goes to `output`. */
  constructor(factory: DialogFactory, output: string[]) {
    this.sink = output;
    this.generator = factory({ print: (...lines) => this.sink.push(...lines) });
    this.step(() => this.generator.next());
  }

  /** The question waiting for an answer; undefined once the dialog is over. */
  get question(): Question | undefined {
    return this.current;
  }

  /** A console line typed at the question. */
  answer(line: string, output: string[]): void {
    this.sink = output;
    this.step(() => this.generator.next(line));
  }

  private step(next: () => IteratorResult<Question, void>): void {
    const result = next();
    this.current = result.done ? undefined : result.value;
  }
}
