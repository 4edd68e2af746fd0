/**
 * Errors a user can act on. They carry a kind (used to classify failures) and a message that says
 * where and what: never a stack trace in front of a user.
 */
export type LabErrorKind = 'topology' | 'config' | 'usage' | 'unsupported';

export class LabError extends Error {
  readonly kind: LabErrorKind;

  constructor(kind: LabErrorKind, message: string) {
    super(message);
    this.name = 'LabError';
    this.kind = kind;
    // The message says all; a stack would only point into tedlab itself.
    this.stack = `${this.name}: ${message}`;
  }
}

/** The text to show a user for anything thrown: LabErrors as they are, anything else as an engine bug. */
export function describeError(error: unknown): string {
  if (error instanceof LabError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  const detail = process.env.TEDLAB_DEBUG && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return `tedlab engine error (a bug in tedlab, please report it): ${message}${detail}`;
}
