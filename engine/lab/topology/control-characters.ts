/**
 * Control characters: what counts as one, how a message names it, and how a message shows a
 * text that holds one (or that is too long to repeat whole) without garbling a terminal.
 */

/**
 * C0 controls but the tab, DEL and the C1 controls (Unicode's Cc), and the line and paragraph
 * separators, which break a line inside a line. A line feed is a control here too: only a
 * configuration has lines, and it is split at them before it is checked. A tab counts as a
 * blank, as YAML and IOS take it.
 */
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029]/u;
const CONTROLS = new RegExp(CONTROL.source, 'gu');

/** The first control character of `text` and where (0-based), or undefined. */
export function findControlCharacter(text: string): { index: number; character: string } | undefined {
  const match = CONTROL.exec(text);
  return match === null ? undefined : { index: match.index, character: match[0] };
}

const CONTROL_NAMES: Readonly<Record<number, string>> = {
  0x00: 'NUL', 0x07: 'BEL', 0x08: 'BS', 0x0a: 'line feed', 0x0b: 'VT', 0x0c: 'FF', 0x0d: 'carriage return',
  0x1a: 'Ctrl-Z', 0x1b: 'ESC', 0x7f: 'DEL', 0x2028: 'line separator', 0x2029: 'paragraph separator',
};

/** `U+0000 (NUL)`: how a message names a character nobody can see. */
export function describeControlCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  const name = CONTROL_NAMES[code];
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}${name === undefined ? '' : ` (${name})`}`;
}

/** `text` with its control characters written as `\uXXXX`, for paths and messages. */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROLS, (character) => `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/** At most this many characters of a value appear in a message. */
const SHOWN_LENGTH = 60;

/** The start of a long text, marked as cut; a short text as it is. Control characters escaped. */
export function shortened(text: string): string {
  return escapeControlCharacters(text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH)}...` : text);
}

/** `"R1\u0000"`: a value quoted for a message, control characters escaped, a long one cut. */
export function excerpt(text: string): string {
  if (text.length <= SHOWN_LENGTH) return escapeControlCharacters(JSON.stringify(text));
  return `${escapeControlCharacters(JSON.stringify(text.slice(0, SHOWN_LENGTH)))}... (${text.length} characters)`;
}
