import { Lab } from '../../engine/lab/index.ts';
import { parseCommand } from './command-line.ts';

/**
 * `tedlab bridge TOPOLOGY`: runs a lab with real peers (topology `peers:`) on the wall clock,
 * printing what the routers' consoles print as it happens, until Ctrl-C or --seconds. Binding
 * UDP 500 and sending raw ESP need root.
 */

const POLL_MS = 100;

export const BRIDGE_USAGE = `  tedlab bridge FILE [OPTIONS]      run a lab on the wall clock, its peers connected to the real network
      --run "ROUTER: COMMAND"       an exec command to run first (repeatable), e.g. "R1: debug crypto isakmp"
      --ping "HOST TARGET"          a ping to start once live (repeatable), e.g. "pc1 10.2.2.10"
      --seconds N                   stop after N seconds (default: at Ctrl-C)
      --capture DIR                 save every captured link's pcap and key files into DIR at the end
      -h, --help                    this text
`;

export async function bridgeCommand(argv: string[]): Promise<number> {
  const parsed = parseCommand('bridge', argv, {
    run: { type: 'string', multiple: true }, ping: { type: 'string', multiple: true }, seconds: { type: 'string' }, capture: { type: 'string' },
  }, `usage:\n${BRIDGE_USAGE}`);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const seconds = values.seconds === undefined ? undefined : Number(values.seconds);
  if (seconds !== undefined && !(Number.isFinite(seconds) && seconds > 0)) {
    process.stderr.write(`tedlab bridge: --seconds needs a number of seconds above 0, not "${values.seconds}"\n`);
    return 2;
  }
  const [file] = positionals;
  if (file === undefined || positionals.length > 1) {
    process.stderr.write(`tedlab bridge: name one topology file\n${BRIDGE_USAGE}`);
    return 2;
  }
  const lab = Lab.load(file);
  for (const line of values.run ?? []) {
    const [router, command] = splitRun(line);
    process.stdout.write(`${router}# ${command}\n${lab.run(router, command)}\n`);
  }
  const live = await lab.goLive();
  for (const [peer, problem] of Object.entries(live.rawIpProblems())) process.stderr.write(`tedlab bridge: ${peer}: ${problem}; only IKE crosses\n`);
  const printed = new Map(lab.routerNames().map((router) => [router, lab.debugLogEnd(router)]));
  const stream = setInterval(() => printNew(lab, printed), POLL_MS);
  for (const ping of values.ping ?? []) {
    const [from = '', to = ''] = ping.trim().split(/\s+/);
    void live.ping(from, to).then((outcome) => process.stdout.write(`${outcome.output}\n`));
  }
  await untilStopped(seconds === undefined ? undefined : seconds * 1000);
  clearInterval(stream);
  await live.stop();
  printNew(lab, printed);
  for (const router of lab.routerNames()) process.stdout.write(`${router}#show crypto isakmp sa\n${lab.run(router, 'show crypto isakmp sa')}\n`);
  if (values.capture !== undefined) {
    for (const link of lab.topology.links.filter((candidate) => candidate.capture)) lab.saveCapture(link.name, values.capture);
  }
  return 0;
}

function splitRun(line: string): [string, string] {
  const colon = line.indexOf(':');
  if (colon < 0) throw new Error(`--run "${line}": write it as "ROUTER: COMMAND"`);
  return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
}

function printNew(lab: Lab, printed: Map<string, number>): void {
  for (const router of lab.routerNames()) {
    const from = printed.get(router) ?? 0;
    const end = lab.debugLogEnd(router);
    if (end <= from) continue;
    for (const line of lab.debugLogFrom(router, from).split('\n')) if (line !== '') process.stdout.write(`${router}: ${line}\n`);
    printed.set(router, end);
  }
}

function untilStopped(ms: number | undefined): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    if (ms !== undefined) setTimeout(stop, ms);
  });
}
