/**
 * A network namespace and a veth pair of the test's own. Every step that creates something
 * registers its undo, so a failure half-way, `close()` and an exiting process all remove exactly
 * what this module made: the host's own addresses, routes, firewall and XFRM state are never touched.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Undo steps, run newest first, each at most once. */
export class Cleanup {
  private readonly steps: Array<{ what: string; run: () => void }> = [];

  push(what: string, run: () => void): void {
    this.steps.push({ what, run });
  }

  /** Runs every step even when some fail, and returns the failures. */
  runAll(): Error[] {
    const errors: Error[] = [];
    for (let step = this.steps.pop(); step; step = this.steps.pop()) {
      try {
        step.run();
      } catch (error) {
        errors.push(new Error(`charon-lab: undoing ${step.what}: ${messageOf(error)}`));
      }
    }
    return errors;
  }
}

export interface NetnsWiring {
  /** the namespace charon runs in */
  namespace: string;
  /** N of 10.99.N.0/24 */
  subnet: number;
  innerInterface: string;
  /** charon's address, 10.99.N.2 */
  innerAddress: string;
  outerInterface: string;
  /** the other end's address, 10.99.N.1: where the engine's UDP socket binds */
  outerAddress: string;
  /** where the outer end lives: undefined for the host, else another lab's namespace */
  outerNamespace?: string;
}

/** Runs `ip` and returns its stdout; failures carry ip's own message. */
export function ip(args: string[]): string {
  try {
    return execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 10_000 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`ip ${args.join(' ')}: ${stderr || messageOf(error)}`);
  }
}

/** Makes the namespace and the veth between it and the host (or `outerNamespace`). */
export function createWiring(cleanup: Cleanup, outerNamespace?: string): NetnsWiring {
  const subnet = reserveSubnet(cleanup);
  const pid = process.pid;
  const wiring: NetnsWiring = {
    namespace: `tl-${pid}-${subnet}`,
    subnet,
    // IFNAMSIZ is 16: "tl" + 3 digits + 1 letter + a 7-digit pid still fits.
    innerInterface: `tl${subnet}i${pid}`,
    innerAddress: `10.99.${subnet}.2`,
    outerInterface: `tl${subnet}o${pid}`,
    outerAddress: `10.99.${subnet}.1`,
    ...(outerNamespace ? { outerNamespace } : {}),
  };
  ip(['netns', 'add', wiring.namespace]);
  cleanup.push(`namespace ${wiring.namespace}`, () => ip(['netns', 'del', wiring.namespace]));
  addVeth(cleanup, wiring);
  configureEnds(wiring);
  return wiring;
}

/** An extra address in the namespace, e.g. a host inside local_ts (libipsec routes need one). */
export function addLoopbackAddress(wiring: NetnsWiring, cidr: string): void {
  ip(['-n', wiring.namespace, 'addr', 'add', cidr, 'dev', 'lo']);
}

function addVeth(cleanup: Cleanup, wiring: NetnsWiring): void {
  const outerNs = wiring.outerNamespace ? ['netns', wiring.outerNamespace] : [];
  ip(['link', 'add', wiring.outerInterface, ...outerNs, 'type', 'veth', 'peer', 'name', wiring.innerInterface, 'netns', wiring.namespace]);
  cleanup.push(`veth ${wiring.outerInterface}`, () => deleteOuterEnd(wiring));
}

function configureEnds(wiring: NetnsWiring): void {
  const outer = wiring.outerNamespace ? ['-n', wiring.outerNamespace] : [];
  const inner = ['-n', wiring.namespace];
  ip([...outer, 'addr', 'add', `${wiring.outerAddress}/24`, 'dev', wiring.outerInterface]);
  ip([...inner, 'addr', 'add', `${wiring.innerAddress}/24`, 'dev', wiring.innerInterface]);
  ip([...outer, 'link', 'set', wiring.outerInterface, 'up']);
  ip([...inner, 'link', 'set', wiring.innerInterface, 'up']);
  ip([...inner, 'link', 'set', 'lo', 'up']);
}

/** Deleting one end removes both; it is already gone when the other namespace went first. */
function deleteOuterEnd(wiring: NetnsWiring): void {
  const outer = wiring.outerNamespace ? ['-n', wiring.outerNamespace] : [];
  try {
    ip([...outer, 'link', 'del', wiring.outerInterface]);
  } catch (error) {
    if (!/Cannot find device|Cannot open network namespace|No such file/.test(messageOf(error))) throw error;
  }
}

let nextSubnet = 0;

/**
 * Picks N for 10.99.N.0/24 that the host does not use, and holds it with a lock file (created
 * exclusively, holding our pid) so parallel test processes never pick the same one.
 */
function reserveSubnet(cleanup: Cleanup): number {
  const inUse = hostIpv4Text();
  const start = process.pid + nextSubnet++;
  for (let i = 0; i < 250; i++) {
    const subnet = 2 + ((start + i) % 250);
    if (new RegExp(`(^|[^0-9])10\\.99\\.${subnet}\\.`, 'm').test(inUse)) continue;
    const lock = path.join(os.tmpdir(), `tedlab-charon-lab-10.99.${subnet}.lock`);
    if (!takeLock(lock)) continue;
    cleanup.push(`lock ${lock}`, () => unlinkSync(lock));
    return subnet;
  }
  throw new Error('charon-lab: no free 10.99.N.0/24 subnet');
}

function hostIpv4Text(): string {
  return ip(['-4', '-o', 'addr', 'show']) + ip(['-4', 'route', 'show', 'table', 'all']);
}

function takeLock(file: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!removeIfStale(file)) return false;
    }
  }
  return false;
}

/** A lock whose process is gone was left by a killed run: take it over. */
function removeIfStale(file: string): boolean {
  const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
  if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) return false;
  unlinkSync(file);
  return true;
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
