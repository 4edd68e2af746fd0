import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ResultsWriter } from './results-writer.ts';

test('the results writer writes each file Allure reads under the name Allure gives it, and nothing else', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-writer-'));
  try {
    const results = path.join(dir, 'allure-results');
    const writer = new ResultsWriter(results);
    writer.writeResult({ uuid: 'r1', name: 'a scenario' } as Parameters<ResultsWriter['writeResult']>[0]);
    writer.writeGroup({ uuid: 'g1', children: ['r1'] } as Parameters<ResultsWriter['writeGroup']>[0]);
    writer.writeAttachment('a1-attachment.txt', Buffer.from('R1#show clock\n'));
    writeFileSync(path.join(dir, 'capture.pcap'), Uint8Array.of(1, 2, 3));
    writer.writeAttachmentFromPath('a2-attachment.pcap', path.join(dir, 'capture.pcap'));
    writer.writeEnvironmentInfo({ tedlab: '0.1.0', seed: '1' });
    writer.writeCategoriesDefinitions([{ name: 'c', matchedStatuses: [] }] as Parameters<ResultsWriter['writeCategoriesDefinitions']>[0]);
    await writer.flushed();
    assert.deepEqual(readdirSync(results).sort(), [
      'a1-attachment.txt', 'a2-attachment.pcap', 'categories.json', 'environment.properties', 'g1-container.json', 'r1-result.json',
    ]);
    assert.deepEqual(JSON.parse(readFileSync(path.join(results, 'r1-result.json'), 'utf8')), { uuid: 'r1', name: 'a scenario' });
    assert.equal(readFileSync(path.join(results, 'a1-attachment.txt'), 'utf8'), 'R1#show clock\n');
    assert.deepEqual([...readFileSync(path.join(results, 'a2-attachment.pcap'))], [1, 2, 3]);
    assert.equal(readFileSync(path.join(results, 'environment.properties'), 'utf8'), 'tedlab=0.1.0\nseed=1');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('writes of one file land in the order they were made, whatever their sizes', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-writer-'));
  try {
    const writer = new ResultsWriter(dir);
    const group = (children: string[]) => ({ uuid: 'g1', children }) as Parameters<ResultsWriter['writeGroup']>[0];
    // Allure rewrites a container as its scenarios finish; the big first write must not land last.
    writer.writeGroup(group(Array.from({ length: 200_000 }, (_, index) => `r${index}`)));
    writer.writeGroup(group(['r1']));
    await writer.flushed();
    assert.deepEqual(JSON.parse(readFileSync(path.join(dir, 'g1-container.json'), 'utf8')), { uuid: 'g1', children: ['r1'] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a write that fails is reported by flushed(), not lost', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-writer-'));
  try {
    const blocker = path.join(dir, 'not-a-folder');
    writeFileSync(blocker, 'a file where the results folder should be');
    const writer = new ResultsWriter(blocker);
    writer.writeResult({ uuid: 'r1', name: 'a scenario' } as Parameters<ResultsWriter['writeResult']>[0]);
    await assert.rejects(writer.flushed(), /EEXIST|ENOTDIR/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
