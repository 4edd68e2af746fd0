import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compareTranscript, type TranscriptKind } from '../../engine/lab/index.ts';
import { kindOf } from './expect.ts';
import { displayPath, newReferencePath } from './lab-search.ts';

/**
 * `tedlab run --update-references`, like Jest's `-u`: a "matches the reference" step whose
 * reference differs (or does not exist yet) writes what the router printed into it instead of
 * failing, and the run lists every file it wrote. A reference that still matches is left alone,
 * so its volatile values (SPIs, timestamps) do not churn.
 */

export function updatingReferences(): boolean {
  return process.env.TEDLAB_UPDATE_REFERENCES === '1';
}

/** Where each step that wrote a reference says so, for `tedlab run` to list after the run (workers included). */
export function referenceLedger(): string | undefined {
  return process.env.TEDLAB_REFERENCE_LEDGER;
}

export interface ReferenceText {
  /** What the router printed. */
  actual: string;
  /** The first line a new reference starts with: the command's echo (`R1#show crypto isakmp sa`), if any. */
  echo?: string;
  kind?: TranscriptKind;
}

/**
 * Brings a reference in line with what was printed; returns false (and writes nothing) when it
 * already matches. `found` is the reference's path when it exists.
 */
export function updateReference(relative: string, found: string | undefined, folders: readonly string[], text: ReferenceText): boolean {
  if (found !== undefined) {
    const current = readFileSync(found, 'utf8');
    if (compareTranscript(text.actual, current, { dropEcho: true, kind: text.kind ?? kindOf(text.actual, current) }).equal) return false;
  }
  const file = found ?? newReferencePath(relative, folders);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text.echo === undefined ? text.actual : `${text.echo}\n${text.actual}`);
  const ledger = referenceLedger();
  if (ledger !== undefined) appendFileSync(ledger, `${found === undefined ? 'created' : 'updated'} ${displayPath(file)}\n`);
  return true;
}
