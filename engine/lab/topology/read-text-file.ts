/**
 * Reads the files a topology names (itself, router configurations) with two guards a plain
 * readFileSync lacks: only a regular file is read, since a pipe or a device such as /dev/zero
 * would never end, and only up to a size, checked before a byte is read.
 */

import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';

export type TextFileRead =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; /** the error to explain with fileErrorReason */ readonly error: unknown }
  | { readonly ok: false; readonly tooLarge: number };

/** The UTF-8 text of `file`, as it is. */
export function readTextFile(file: string, maxBytes: number): TextFileRead {
  let descriptor: number | undefined;
  try {
    // Opening a FIFO for reading blocks until a writer comes; O_NONBLOCK lets the check below refuse it.
    descriptor = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = fstatSync(descriptor);
    if (stats.isDirectory()) return { ok: false, error: Object.assign(new Error('is a directory'), { code: 'EISDIR' }) };
    if (!stats.isFile()) return { ok: false, error: Object.assign(new Error('not a regular file'), { code: 'NOT_A_FILE' }) };
    if (stats.size > maxBytes) return { ok: false, tooLarge: stats.size };
    return { ok: true, text: readFileSync(descriptor, 'utf8') };
  } catch (error) {
    return { ok: false, error };
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}
