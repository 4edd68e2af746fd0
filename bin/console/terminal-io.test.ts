import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * `tedlab console` on a terminal, driven through a pseudo-terminal (python3's pty module: Node
 * has none). Each key is sent once the screen shows what it waits for. Skipped without python3.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const DRIVER = String.raw`
import os, pty, re, select, sys, time
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1], sys.argv[2], 'console', 'ted-doc'])
screen = b''
def expect(text, timeout=30):
    global screen
    end = time.time() + timeout
    while text.encode() not in screen:
        if time.time() > end:
            sys.stdout.write('MISSING ' + repr(text) + '\n' + screen.decode(errors='replace'))
            sys.exit(1)
        if select.select([fd], [], [], 0.1)[0]:
            try:
                screen += os.read(fd, 65536)
            except OSError:
                break
def send(keys, then):
    global screen
    screen = b''
    os.write(fd, keys.encode())
    expect(then)
expect('Daphne#')
send('sh\t', 'show ')
send('cry\t', 'crypto ')
send('?', 'isakmp')
send('\x15terminal length 6\r', 'Daphne#')
send('show running-config\r', ' --More-- ')
send(' ', ' --More-- ')
send('q', 'Daphne#')
send('conf t\r', 'Daphne(config)#')
send('\x1a', 'Configured from console by console')
send('@wait 1\r', 'Daphne#')
send('@quit\r', '')
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
`;

test('on a terminal: Tab, ? at once, --More--, Ctrl-Z out of configuration mode and @quit', { skip: spawnSync('python3', ['--version']).status !== 0 && 'no python3 for a pseudo-terminal' }, () => {
  const result = spawnSync('python3', ['-c', DRIVER, process.execPath, path.join(ROOT, 'bin/tedlab.mjs')], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
});
