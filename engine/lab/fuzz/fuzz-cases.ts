import { fileURLToPath } from 'node:url';
import { Lab } from '../lab.ts';
import { LinkTraffic, type SeenPacket } from '../testing/link-traffic.ts';

/**
 * The labs a fuzz episode runs: the static tunnel in main mode, in aggressive mode and with
 * AH+ESP, and the TED document's lab. Each names its WAN's two routers and the hosts whose
 * pings cross the tunnel. The tests take their real packets from these labs too.
 */

export interface FuzzCase {
  readonly name: string;
  readonly topology: string;
  readonly routers: readonly [string, string];
  readonly hosts: readonly [string, string];
  /** Configuration on top of the topology's, typed before anything runs. */
  readonly setup: (lab: Lab) => void;
}

const STATIC = fileURLToPath(new URL('../../../scenarios/examples/static-tunnel/topology.yaml', import.meta.url));
const TED = fileURLToPath(new URL('../../../scenarios/ted-doc/topology.yaml', import.meta.url));

const staticTunnel = (name: string, setup: (lab: Lab) => void): FuzzCase =>
  ({ name, topology: STATIC, routers: ['R1', 'R2'], hosts: ['pc1', 'pc2'], setup });

export const FUZZ_CASES: readonly FuzzCase[] = [
  staticTunnel('static main mode', () => {}),
  staticTunnel('static aggressive mode', (lab) => {
    lab.configure('R1', ['crypto isakmp peer address 192.168.12.2', ' set aggressive-mode password am-s3cret']);
    lab.configure('R2', ['crypto isakmp key am-s3cret address 192.168.12.1']);
  }),
  staticTunnel('static AH+ESP', (lab) => {
    for (const router of ['R1', 'R2']) lab.configure(router, ['crypto ipsec transform-set ts ah-md5-hmac esp-des esp-md5-hmac']);
  }),
  { name: 'TED', topology: TED, routers: ['Daphne', 'fred'], hosts: ['pc-daphne', 'pc-fred'], setup: () => {} },
];

export function loadCase(fuzzCase: FuzzCase, seed: number): Lab {
  const lab = Lab.load(fuzzCase.topology, { seed });
  fuzzCase.setup(lab);
  return lab;
}

/** What a lab case's WAN carried, in order, when brought up once without fuzzing. */
export interface CapturedCase {
  name: string;
  packets: SeenPacket[];
}

/** Each case brought up with a ping, then one `clear crypto sa` (for its informational DELETE). */
export function captureCases(seed = 1): CapturedCase[] {
  return FUZZ_CASES.map((fuzzCase) => {
    const lab = loadCase(fuzzCase, seed);
    const traffic = new LinkTraffic(lab, 'wan', [fuzzCase.routers[0], fuzzCase.routers[1]]);
    lab.ping(fuzzCase.hosts[0], fuzzCase.hosts[1]);
    lab.run(fuzzCase.routers[0], 'clear crypto sa');
    lab.advance(1_000);
    traffic.close();
    return { name: fuzzCase.name, packets: traffic.seen };
  });
}

/** One packet of each sort the cases produce: clear and encrypted ISAKMP of each exchange, ESP, AH. */
export function samplePackets(cases: readonly CapturedCase[]): Map<string, SeenPacket> {
  const samples = new Map<string, SeenPacket>();
  for (const { packets } of cases) {
    for (const packet of packets) {
      const encrypted = packet.kind === 'isakmp' && (packet.bytes[28 + 19]! & 1) === 1;
      const key = packet.kind === 'isakmp' ? `isakmp ${packet.exchangeType}${encrypted ? ' encrypted' : ''}` : packet.kind;
      if (!samples.has(key)) samples.set(key, packet);
    }
  }
  return samples;
}
