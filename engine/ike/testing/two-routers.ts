import type { Acquire, CryptoPolicy, ProxyIdentity, TransformProposal } from '../../ipsec/ipsec-port.ts';
import { IpNode } from '../../net/ip-node.ts';
import { CONSUME, PASS, replaceWith } from '../../net/packet-hooks.ts';
import { IpProtocol } from '../../wire/ip-protocols.ts';
import { decodeUdp, encodeUdp } from '../../wire/udp.ts';
import { Link } from '../../net/link.ts';
import { Sim } from '../../sim/sim.ts';
import { maskFromPrefixLength, parseIpv4, type Ipv4Address } from '../../wire/ipv4-address.ts';
import type { CpuCosts } from '../cpu-queue.ts';
import type { IkeConfig, IkePolicy } from '../ike-config.ts';
import { IkeDaemon, type IsakmpKeys } from '../ike-daemon.ts';
import type { IkeSubsystem, IkeTraceEvent } from '../ike-events.ts';
import { FakeIpsecPort, type PortCall } from './fake-ipsec-port.ts';

/**
 * The TED document's two routers as IKE sees them: Daphne (11.11.11.1, LAN 13.13.13.0/24) and
 * fred (11.11.11.2, LAN 12.12.12.0/24) on one link, each with an IkeDaemon and a fake data
 * plane, and the configuration of the document (policy 10 pre-share, key abc123 for everyone,
 * transform set esp-des esp-md5-hmac). Each side keeps one log of IKE events and port calls in
 * the order they happened.
 */

export function ip(text: string): Ipv4Address {
  const address = parseIpv4(text);
  if (address === undefined) throw new Error(`bad address in test: ${text}`);
  return address;
}

export const MASK_24 = maskFromPrefixLength(24);

export function subnet(address: string): ProxyIdentity {
  return { address: ip(address), mask: MASK_24, protocol: 0, port: 0 };
}

export const TED_TRANSFORMS: TransformProposal = {
  name: 'ted-transforms', espCipher: { transform: 'esp-des' }, espAuth: 'esp-md5-hmac', mode: 'tunnel',
};

export const POLICY_10: IkePolicy = {
  priority: 10, encryption: 'des', hash: 'sha', authentication: 'pre-share', group: 1, lifetimeSeconds: 86_400,
};

export type LogEntry = { kind: 'event'; event: IkeTraceEvent } | { kind: 'port'; call: PortCall };

export interface SideSetup {
  config?: Partial<IkeConfig>;
  policy?: Partial<CryptoPolicy>;
}

export interface Side {
  name: string;
  address: Ipv4Address;
  node: IpNode;
  daemon: IkeDaemon;
  port: FakeIpsecPort;
  policy: CryptoPolicy;
  log: LogEntry[];
  keys: IsakmpKeys[];
  events(): IkeTraceEvent[];
}

export interface TwoRoutersOptions {
  seed?: number;
  daphne?: SideSetup;
  fred?: SideSetup;
  wanDelayMs?: number;
  cpuCosts?: Partial<CpuCosts>;
  /** Both daemons' `traceWanted`: which subsystems the log wants. */
  traceWanted?: (subsystem: IkeSubsystem) => boolean;
}

function cryptoPolicy(local: string, peer: string, localLan: string, remoteLan: string, setup: SideSetup): CryptoPolicy {
  return {
    mapName: 'tedtag', seq: 10, discover: false, interfaceName: 'FastEthernet0/0', localAddress: ip(local),
    peers: [ip(peer)], accessList: '101', selectors: [{ local: subnet(localLan), remote: subnet(remoteLan) }],
    transformSets: [TED_TRANSFORMS], lifetimeSeconds: 3600, lifetimeKilobytes: 4_608_000,
    ...setup.policy,
  };
}

function side(sim: Sim, name: string, address: string, policy: CryptoPolicy, setup: SideSetup, options: TwoRoutersOptions): Side {
  const node = new IpNode(sim, name, { forwarding: true });
  node.addInterface('FastEthernet0/0', ip(address), MASK_24);
  const log: LogEntry[] = [];
  const keys: IsakmpKeys[] = [];
  const port = new FakeIpsecPort(sim.random.fork(`${name}/ipsec`), [policy], (call) => log.push({ kind: 'port', call }));
  const config: IkeConfig = { policies: [POLICY_10], presharedKeys: [{ key: 'abc123', address: 0, mask: 0 }], ...setup.config };
  const daemon = new IkeDaemon({
    sim, node, port, config, random: sim.random.fork(`${name}/ike`),
    trace: (event) => log.push({ kind: 'event', event }),
    onKeys: (record) => keys.push(record),
    ...(options.cpuCosts === undefined ? {} : { cpuCosts: options.cpuCosts }),
    ...(options.traceWanted === undefined ? {} : { traceWanted: options.traceWanted }),
  });
  const events = () => log.flatMap((entry) => (entry.kind === 'event' ? [entry.event] : []));
  return { name, address: ip(address), node, daemon, port, policy, log, keys, events };
}

export function twoRouters(options: TwoRoutersOptions = {}) {
  const sim = new Sim(options.seed ?? 7);
  const daphneSetup = options.daphne ?? {};
  const fredSetup = options.fred ?? {};
  const daphne = side(sim, 'Daphne', '11.11.11.1',
    cryptoPolicy('11.11.11.1', '11.11.11.2', '13.13.13.0', '12.12.12.0', daphneSetup), daphneSetup, options);
  const fred = side(sim, 'fred', '11.11.11.2',
    cryptoPolicy('11.11.11.2', '11.11.11.1', '12.12.12.0', '13.13.13.0', fredSetup), fredSetup, options);
  const wan = new Link(sim, 'wan', [daphne.node.interface('FastEthernet0/0')!, fred.node.interface('FastEthernet0/0')!],
    { delayMs: options.wanDelayMs ?? 5 });

  /** Daphne's data plane saw a packet from 13.13.13.14 to 12.12.12.13 and asks for SAs. */
  const acquireFromDaphne = (): void => {
    const selector = daphne.policy.selectors[0]!;
    const acquire: Acquire = {
      policy: daphne.policy, local: selector.local, remote: selector.remote,
      packetSource: ip('13.13.13.14'), packetDestination: ip('12.12.12.13'), peer: ip('11.11.11.2'),
    };
    daphne.daemon.acquire(acquire);
  };
  return { sim, daphne, fred, wan, acquireFromDaphne, run: (ms: number) => sim.advance(ms) };
}

/**
 * Lets a test rewrite the ISAKMP datagrams a side sends, as a man in the middle would: `edit`
 * sees each one with its number (0 for the first) and returns the bytes to send instead, null
 * to lose it, or undefined to send it unchanged.
 */
export function tamperWithSent(side: Side, edit: (isakmp: Uint8Array, index: number) => Uint8Array | null | undefined): void {
  let index = 0;
  side.node.setOutboundHook('FastEthernet0/0', (datagram) => {
    if (datagram.protocol !== IpProtocol.udp) return PASS;
    const udp = decodeUdp(datagram.payload, datagram.source, datagram.destination);
    if (!udp.ok || udp.value.destinationPort !== 500) return PASS;
    const replacement = edit(udp.value.payload, index++);
    if (replacement === undefined) return PASS;
    if (replacement === null) return CONSUME;
    const payload = encodeUdp({ ...udp.value, payload: replacement }, datagram.source, datagram.destination);
    return replaceWith({ ...datagram, payload });
  });
}

/** The states an SA went through, as the `sending packet` / `received packet` lines show them. */
export function statesSeen(events: readonly IkeTraceEvent[], connId: number): string[] {
  const states: string[] = [];
  for (const event of events) {
    if ((event.kind === 'packet-sent' || event.kind === 'packet-received') && event.connId === connId) {
      if (states.at(-1) !== event.state) states.push(event.state);
    }
  }
  return states;
}
