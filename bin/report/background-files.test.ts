import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const MODULE = fileURLToPath(new URL('./background-files.ts', import.meta.url));

/** Runs a script against BackgroundFiles in a process of its own: what matters is how it ends. */
function inProcess(script: string, dir: string) {
  const source = `import { BackgroundFiles } from ${JSON.stringify(MODULE)};\nconst dir = ${JSON.stringify(dir)};\n${script}`;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', source], { encoding: 'utf8', timeout: 60_000 });
}

test('a process that awaits flushed() ends with every file written, and only then', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-background-'));
  try {
    const run = inProcess(`
      const files = new BackgroundFiles();
      files.makeFolder(dir + '/out');
      for (let i = 0; i < 300; i++) files.write(dir + '/out/f' + i, 'file ' + i);
      await files.flushed();
      console.log('flushed');`, dir);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), 'flushed');
    assert.equal(readdirSync(path.join(dir, 'out')).length, 300);
    assert.equal(readFileSync(path.join(dir, 'out', 'f299'), 'utf8'), 'file 299');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a process that fails before flushing ends at once: the writing thread does not hold it', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-background-'));
  try {
    const run = inProcess(`
      const files = new BackgroundFiles();
      files.write(dir + '/a', 'a');
      process.exitCode = 3;`, dir);
    assert.equal(run.status, 3, `ended with ${String(run.status)} (signal ${String(run.signal)}): ${run.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a write made while a flush is on its way is written too', async () => {
  const { BackgroundFiles } = await import('./background-files.ts');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-background-'));
  try {
    const files = new BackgroundFiles();
    files.write(path.join(dir, 'a'), 'a');
    const first = files.flushed();
    files.write(path.join(dir, 'b'), 'b');
    await first;
    await files.flushed();
    assert.deepEqual(readdirSync(dir).sort(), ['a', 'b']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
