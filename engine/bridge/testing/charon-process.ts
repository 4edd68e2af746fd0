/**
 * Starting and stopping one charon inside a namespace, and running swanctl against it.
 *
 * charon 5.9.8 always writes /var/run/charon.pid (compiled in; no option or environment
 * variable moves it) and refuses to start while that file names a live process. So each charon
 * gets a mount namespace of its own in which the lab's private `run/` folder is bound over
 * /run: its pid file lands there, and the host's /run (and any other charon) never sees it.
 * The vici socket is moved by strongswan.conf; STRONGSWAN_CONF keeps /etc/strongswan.conf
 * and /etc/strongswan.d out; SWANCTL_DIR keeps swanctl out of /etc/swanctl.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, closeSync, realpathSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { messageOf } from './charon-netns.ts';

export const CHARON = '/usr/lib/ipsec/charon';

export interface CharonPaths {
  dir: string;
  conf: string;
  viciSocket: string;
  logFile: string;
  /** bound over /run in charon's mount namespace; receives charon.pid */
  runDir: string;
  /** charon's stdout and stderr, for start failures */
  consoleFile: string;
  /** SWANCTL_DIR: swanctl reads credentials from its subfolders */
  swanctlDir: string;
}

export interface SwanctlResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Folders swanctl --load-all scans; present and empty so it has nothing to warn about. */
const SWANCTL_SUBDIRS = ['x509', 'x509ca', 'x509ocsp', 'x509aa', 'x509ac', 'x509crl', 'pubkey', 'private', 'rsa', 'ecdsa', 'bliss', 'pkcs8', 'pkcs12'];

export function charonPaths(dir: string): CharonPaths {
  const paths: CharonPaths = {
    dir,
    conf: path.join(dir, 'strongswan.conf'),
    viciSocket: path.join(dir, 'charon.vici'),
    logFile: path.join(dir, 'charon.log'),
    runDir: path.join(dir, 'run'),
    consoleFile: path.join(dir, 'charon.console'),
    swanctlDir: path.join(dir, 'swanctl'),
  };
  mkdirSync(paths.runDir);
  for (const sub of SWANCTL_SUBDIRS) mkdirSync(path.join(paths.swanctlDir, sub), { recursive: true });
  return paths;
}

/** Starts charon; the returned process is charon itself (ip, unshare and sh all exec). */
export function spawnCharon(namespace: string, paths: CharonPaths): ChildProcess {
  const script = 'mount --bind "$1" "$2" && exec "$3"';
  const consoleFd = openSync(paths.consoleFile, 'w');
  try {
    return spawn('ip', ['netns', 'exec', namespace, 'unshare', '--mount', '--propagation', 'private',
      'sh', '-c', script, 'sh', paths.runDir, realpathSync('/var/run'), CHARON], {
      env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', STRONGSWAN_CONF: paths.conf },
      stdio: ['ignore', consoleFd, consoleFd],
    });
  } finally {
    closeSync(consoleFd);
  }
}

/** Resolves once the vici socket accepts a connection; rejects if charon exits first. */
export async function waitForVici(child: ChildProcess, socket: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`charon exited (${child.exitCode ?? child.signalCode}) before its vici socket answered`);
    }
    if (await connects(socket)) return;
    await sleep(25);
  }
  throw new Error(`charon's vici socket ${socket} did not answer within ${timeoutMs} ms`);
}

function connects(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const connection = net.connect(socket);
    connection.once('connect', () => {
      connection.destroy();
      resolve(true);
    });
    connection.once('error', () => resolve(false));
  });
}

/** SIGTERM, then SIGKILL after `graceMs`; only ever the process this lab started. */
export async function stopCharon(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  if (await within(exited, graceMs)) return;
  child.kill('SIGKILL');
  if (!(await within(exited, 2_000))) throw new Error(`charon ${child.pid} survived SIGKILL`);
}

/** Runs swanctl against this charon only: its socket, its settings, its credential folder. */
export function runSwanctl(paths: CharonPaths, args: string[], timeoutMs: number): Promise<SwanctlResult> {
  const env = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', STRONGSWAN_CONF: paths.conf, SWANCTL_DIR: paths.swanctlDir };
  return new Promise((resolve) => {
    execFile('swanctl', [...args, '--uri', `unix://${paths.viciSocket}`], { env, timeout: timeoutMs, killSignal: 'SIGKILL' },
      (error, stdout, stderr) => {
        const failure = error as (Error & { code?: number | string; killed?: boolean }) | null;
        const code = failure === null ? 0 : typeof failure.code === 'number' ? failure.code : null;
        const extra = failure !== null && code === null ? `\n${messageOf(failure)}` : '';
        resolve({ code, stdout, stderr: stderr + extra, timedOut: failure?.killed === true });
      });
  });
}

function within(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([promise.then(() => true), timeout]).finally(() => clearTimeout(timer));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
