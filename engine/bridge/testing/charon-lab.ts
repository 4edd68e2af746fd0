/**
 * A real strongSwan charon (5.9.8) in a network namespace of its own, for tests that put the
 * emulated router against a real IKEv1 peer over real UDP.
 *
 *   const lab = await CharonLab.start();          // netns tl-<pid>-<N>, veth 10.99.N.1 <-> 10.99.N.2
 *   try {
 *     await lab.load({ name: 'r1', localAddress: lab.address, remoteAddress: lab.peerAddress, ... });
 *     await lab.initiate('net');
 *     lab.keys();                                  // Ka, SKEYID_d, cookies, ESP SPIs and keys, from the log
 *   } finally {
 *     await lab.close();
 *   }
 *
 * The kernels these tests run on have no ESP: with the default `netlink` kernel interface every
 * CHILD_SA fails to install, after quick mode has negotiated and charon has logged its keys. See
 * charon-log.ts for what that looks like and how "quick mode completed" is read from the log.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strongswanConf, swanctlConf, type CharonKernel, type ConnectionSpec } from './charon-config.ts';
import { parseCharonLog, type CharonKeys } from './charon-log.ts';
import { addLoopbackAddress, Cleanup, createWiring, messageOf, type NetnsWiring } from './charon-netns.ts';
import { CHARON, charonPaths, runSwanctl, sleep, spawnCharon, stopCharon, waitForVici, type CharonPaths, type SwanctlResult } from './charon-process.ts';
import { parseListSas, type IkeSaInfo } from './charon-sas.ts';

export type { ChildSpec, ConnectionSpec, CharonKernel } from './charon-config.ts';
export type { CharonKeys, EspSaKeys, IkeSaKeys, QuickModeRecord } from './charon-log.ts';
export type { ChildSaInfo, IkeSaInfo } from './charon-sas.ts';
export type { SwanctlResult } from './charon-process.ts';

export type Availability = { ok: true } | { ok: false; why: string };

export interface CharonLabOptions {
  /** wire this lab's namespace to another lab's namespace instead of to the host */
  peer?: CharonLab;
  /** `netlink` (default): the real kernel, which has no ESP here; `libipsec`: ESP in userland, UDP-encapsulated only */
  kernel?: CharonKernel;
  /** CIDRs for the namespace's loopback, e.g. a host inside local_ts (libipsec's routes need one) */
  loopbackAddresses?: string[];
  /** extra lines inside strongswan.conf's `charon { }` */
  charonSettings?: string[];
  /** how long charon may take to open its vici socket (default 5000 ms) */
  startTimeoutMs?: number;
}

export interface InitiateResult extends SwanctlResult {
  /** swanctl said "initiate completed successfully": the CHILD_SA (or IKE_SA) is installed */
  ok: boolean;
}

/** Whether this machine can run a lab: root, `ip netns`, unshare, charon and swanctl. */
export function available(kernel: CharonKernel = 'netlink'): Availability {
  if (process.platform !== 'linux') return { ok: false, why: 'charon-lab needs Linux network namespaces' };
  if (process.getuid?.() !== 0) return { ok: false, why: 'charon-lab needs root (network namespaces, veth, mount)' };
  if (!executable(CHARON)) return { ok: false, why: `${CHARON} is missing (Debian: strongswan-charon)` };
  const checks: Array<[string[], string]> = [
    [['swanctl', '--help'], 'swanctl is missing (Debian: strongswan-swanctl)'],
    [['ip', 'netns', 'list'], '`ip netns` does not work (Debian: iproute2)'],
    [['unshare', '--version'], 'unshare is missing (Debian: util-linux)'],
  ];
  for (const [command, why] of checks) if (!runs(command)) return { ok: false, why };
  if (kernel === 'libipsec' && !existsSync('/dev/net/tun')) return { ok: false, why: 'kernel-libipsec needs /dev/net/tun' };
  return { ok: true };
}

/**
 * For `test(..., { skip: charonLabSkip() })`: the reason to skip on a machine that cannot run a
 * lab, but never in CI (`CI` set), where the test runs and `CharonLab.start` fails with the reason.
 */
export function charonLabSkip(kernel: CharonKernel = 'netlink'): string | false {
  const result = available(kernel);
  if (result.ok || process.env.CI) return false;
  return result.why;
}

export class CharonLab {
  private closed = false;
  private readonly exitHook = (): void => {
    this.child.kill('SIGKILL');
    this.cleanup.runAll();
  };

  private constructor(
    readonly wiring: NetnsWiring,
    readonly paths: CharonPaths,
    private readonly child: ChildProcess,
    private readonly cleanup: Cleanup,
  ) {
    // A test that dies without close() still leaves no namespace, veth or charon behind.
    process.once('exit', this.exitHook);
  }

  static async start(options: CharonLabOptions = {}): Promise<CharonLab> {
    const availability = available(options.kernel);
    if (!availability.ok) throw new Error(`charon-lab cannot run here: ${availability.why}`);
    const cleanup = new Cleanup();
    let child: ChildProcess | undefined;
    try {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-charon-'));
      if (!process.env.TEDLAB_KEEP_CHARON_DIR) cleanup.push(`folder ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
      const wiring = createWiring(cleanup, options.peer?.namespace);
      for (const cidr of options.loopbackAddresses ?? []) addLoopbackAddress(wiring, cidr);
      const paths = charonPaths(dir);
      writeFileSync(paths.conf, strongswanConf({ ...paths, kernel: options.kernel ?? 'netlink', charonSettings: options.charonSettings ?? [] }));
      const started = spawnCharon(wiring.namespace, paths);
      child = started;
      cleanup.push(`charon ${started.pid}`, () => void started.kill('SIGKILL'));
      await waitForVici(started, paths.viciSocket, options.startTimeoutMs ?? 5_000);
      return new CharonLab(wiring, paths, started, cleanup);
    } catch (error) {
      if (child) await stopCharon(child, 1_000).catch(() => undefined);
      const undo = cleanup.runAll().map(messageOf);
      throw new Error([`charon-lab: start failed: ${messageOf(error)}`, ...undo].join('\n'));
    }
  }

  /** the namespace charon runs in */
  get namespace(): string {
    return this.wiring.namespace;
  }

  /** charon's own address (10.99.N.2) */
  get address(): string {
    return this.wiring.innerAddress;
  }

  /** the other end of the veth (10.99.N.1): on the host, or in the peer lab's namespace */
  get peerAddress(): string {
    return this.wiring.outerAddress;
  }

  /** the veth end outside the namespace, e.g. for `tshark -i` or SO_BINDTODEVICE */
  get peerInterface(): string {
    return this.wiring.outerInterface;
  }

  /** Writes swanctl.conf from the description and loads it (connections and secrets). */
  async load(connections: ConnectionSpec | ConnectionSpec[]): Promise<string> {
    const file = path.join(this.paths.dir, 'swanctl.conf');
    writeFileSync(file, swanctlConf(Array.isArray(connections) ? connections : [connections]));
    const result = await this.swanctl(['--load-all', '--noprompt', '--file', file], 10_000);
    if (result.code !== 0) throw new Error(`charon-lab: swanctl --load-all failed:\n${result.stdout}${result.stderr}`);
    return result.stdout;
  }

  /**
   * Main mode (if needed) and quick mode for one CHILD_SA config. Never waits past `timeoutMs`
   * (default 10 s). `ok` is false when the CHILD_SA could not be installed, which with the
   * netlink kernel is always: read `keys().quickModes` for what was negotiated.
   */
  async initiate(child: string, options: { ike?: string; timeoutMs?: number } = {}): Promise<InitiateResult> {
    const ike = options.ike ? ['--ike', options.ike] : [];
    return this.initiateWith(['--child', child, ...ike], options.timeoutMs);
  }

  /** Phase 1 only: an IKE_SA without any CHILD_SA. */
  async initiateIke(ike: string, options: { timeoutMs?: number } = {}): Promise<InitiateResult> {
    return this.initiateWith(['--ike', ike], options.timeoutMs);
  }

  /** Deletes an IKE_SA (charon sends its DELETE notifications). */
  async terminateIke(ike: string, options: { timeoutMs?: number } = {}): Promise<InitiateResult> {
    const seconds = timeoutSeconds(options.timeoutMs);
    const result = await this.swanctl(['--terminate', '--ike', ike, '--timeout', String(seconds)], seconds * 1000 + 3_000);
    return { ...result, ok: result.code === 0 && /terminate completed successfully/.test(result.stdout) };
  }

  /** The IKE_SAs and CHILD_SAs charon holds (installed CHILD_SAs only: failed ones are gone). */
  async listSas(): Promise<IkeSaInfo[]> {
    const result = await this.swanctl(['--list-sas', '--noblock', '--pretty'], 10_000);
    if (result.code !== 0) throw new Error(`charon-lab: swanctl --list-sas failed:\n${result.stdout}${result.stderr}`);
    return parseListSas(result.stdout);
  }

  /** Any swanctl command against this charon only. */
  swanctl(args: string[], timeoutMs: number): Promise<SwanctlResult> {
    return runSwanctl(this.paths, args, timeoutMs);
  }

  /** The charon log so far (ike=4, chd=4: it holds keys; never publish it). */
  log(): string {
    return existsSync(this.paths.logFile) ? readFileSync(this.paths.logFile, 'utf8') : '';
  }

  /** IKE and ESP keys, cookies, SPIs and quick mode outcomes, read from the log. */
  keys(): CharonKeys {
    return parseCharonLog(this.log());
  }

  /** Waits until a log line matches (e.g. a responder's keys after quick mode's third message). */
  async waitForLog(pattern: RegExp, timeoutMs = 5_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.log().split('\n').find((candidate) => pattern.test(candidate));
      if (line !== undefined) return line;
      if (Date.now() >= deadline) throw new Error(`charon-lab: no log line matched ${pattern} within ${timeoutMs} ms`);
      await sleep(25);
    }
  }

  /** Stops charon (SIGTERM, then SIGKILL), deletes the veth, the namespace and the folder. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    process.off('exit', this.exitHook);
    const errors: string[] = [];
    await stopCharon(this.child, 3_000).catch((error: unknown) => errors.push(messageOf(error)));
    errors.push(...this.cleanup.runAll().map(messageOf));
    if (errors.length > 0) throw new Error(`charon-lab: close left something behind:\n${errors.join('\n')}`);
  }

  private async initiateWith(args: string[], timeoutMs: number | undefined): Promise<InitiateResult> {
    const seconds = timeoutSeconds(timeoutMs);
    const result = await this.swanctl(['--initiate', ...args, '--timeout', String(seconds)], seconds * 1000 + 3_000);
    return { ...result, ok: result.code === 0 && /initiate completed successfully/.test(result.stdout) };
  }
}

function timeoutSeconds(timeoutMs = 10_000): number {
  return Math.max(1, Math.ceil(timeoutMs / 1000));
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function runs(command: string[]): boolean {
  try {
    execFileSync(command[0]!, command.slice(1), { stdio: 'ignore', timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}
