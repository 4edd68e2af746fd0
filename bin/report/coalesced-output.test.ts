import assert from 'node:assert/strict';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { coalescedOutput } from './coalesced-output.ts';

function collector(): { out: NodeJS.WritableStream; writes: string[] } {
  const writes: string[] = [];
  const out = new PassThrough();
  const write = out.write.bind(out);
  out.write = ((chunk: string) => {
    writes.push(String(chunk));
    return write(chunk);
  }) as typeof out.write;
  return { out, writes };
}

test('many small writes reach the output as one, after the interval', async () => {
  const { out, writes } = collector();
  const stream = coalescedOutput(out, (text) => text, 20);
  for (const dot of ['.', '.', 'F', '.']) stream.write(dot);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(writes, [], 'nothing yet');
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.deepEqual(writes, ['..F.']);
  stream.end();
  await once(stream, 'finish');
});

test('ending the stream writes what is left at once, rewritten piece by piece', async () => {
  const { out, writes } = collector();
  const stream = coalescedOutput(out, (text) => text.replaceAll('Implement', 'tedlab has'), 10_000);
  stream.write('Undefined. Implement with');
  stream.write(' the following\n');
  stream.end();
  await once(stream, 'finish');
  assert.deepEqual(writes, ['Undefined. tedlab has with the following\n']);
});
