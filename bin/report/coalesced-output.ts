import { Writable } from 'node:stream';

/** How long console output may wait to be written with what follows it. */
export const COALESCE_MS = 50;

/**
 * A stream that gathers what is written to it and passes it on to `out` in one write at most
 * every `intervalMs`, and all of it when ended. Cucumber's progress formatter writes one
 * character per step, and on Linux a write to a pipe or a terminal is a system call made there
 * and then: 0.4 s of a --parallel coordinator's time, while its workers waited for their next
 * scenario. `rewrite` sees each piece of text as it is written.
 */
export function coalescedOutput(out: NodeJS.WritableStream, rewrite: (text: string) => string = (text) => text, intervalMs = COALESCE_MS): Writable {
  let pending = '';
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending === '') return;
    out.write(pending);
    pending = '';
  };
  return new Writable({
    decodeStrings: false,
    write(chunk: Buffer | string, _encoding, done) {
      pending += rewrite(String(chunk));
      timer ??= setTimeout(flush, intervalMs);
      done();
    },
    final(done) {
      flush();
      done();
    },
    destroy(error, done) {
      flush();
      done(error);
    },
  });
}
