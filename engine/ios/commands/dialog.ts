import { IosText } from '../messages.ts';

/**
 * Commands that ask questions (`copy running-config startup-config`, `reload`, `ping` without a
 * target) are generators: each `yield` is a question, and the console line typed next is the
 * answer. The session keeps the generator while it waits, so a dialog spans console lines.
 */

export interface Question {
  /** The question as IOS prints it; the answer is typed on the same line. */
  prompt: string;
  /** What pressing Return means; undefined when IOS has no default (the question waits). */
  defaultAnswer?: string;
}

/** Where a dialog prints: the output of the console line being answered. */
export interface DialogIo {
  print(...lines: string[]): void;
}

export type Dialog = Generator<Question, void, string>;
export type DialogStep<T> = Generator<Question, T, string>;

/** Starts a dialog with the output sink of whichever line answers it. */
export type DialogFactory = (io: DialogIo) => Dialog;

/** IOS's `[confirm]`: Return or `y` goes ahead, `?` explains, anything else stops. */
export function* confirm(io: DialogIo, prompt: string): DialogStep<boolean> {
  for (;;) {
    const first = (yield { prompt, defaultAnswer: '' }).trim().charAt(0).toLowerCase();
    if (first === '' || first === 'y') return true;
    if (first !== '?') return false;
    io.print(IosText.confirmHelp);
  }
}

/**
 * IOS's yes-or-no question: the first letter decides; Return takes the default when there is
 * one (`[no]`), and without one (`[yes/no]`) IOS asks again.
 */
export function* yesOrNo(io: DialogIo, prompt: string, fallback?: boolean): DialogStep<boolean> {
  const choices = fallback === undefined ? 'yes/no' : fallback ? 'yes' : 'no';
  for (;;) {
    const question: Question = { prompt: `${prompt}? [${choices}]: ` };
    if (fallback !== undefined) question.defaultAnswer = '';
    const first = (yield question).trim().charAt(0).toLowerCase();
    if (first === '' && fallback !== undefined) return fallback;
    if (first === 'y') return true;
    if (first === 'n') return false;
    io.print(IosText.answerYesOrNo);
  }
}

/**
 * IOS's number question (`Repeat count [5]: `): Return keeps the default, a number out of range
 * is refused and asked again. Like IOS, text that is no number reads as 0.
 */
export function* numberInRange(io: DialogIo, prompt: string, range: { min: number; max: number }, fallback: number): DialogStep<number> {
  for (;;) {
    const typed = (yield { prompt: `${prompt} [${fallback}]: `, defaultAnswer: '' }).trim();
    if (typed === '') return fallback;
    const digits = /^\d+/.exec(typed);
    const value = digits === null ? 0 : Number(digits[0]);
    if (value >= range.min && value <= range.max) return value;
    io.print(IosText.decimalBetween(range.min, range.max));
  }
}
