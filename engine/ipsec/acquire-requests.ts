import type { OutboundContext } from '../net/packet-hooks.ts';
import type { Sim, Timer } from '../sim/sim.ts';
import type { Ipv4Datagram } from '../wire/ipv4.ts';
import { protocolsOf, type Acquire, type ProxyIdentity } from './ipsec-port.ts';
import { KEY_ENGINE_FLAGS, type IpsecTraceEvent, type KeyEngineMessage } from './ipsec-trace.ts';
import { hostProxy, proxyContains, proxyKey } from './proxy-match.ts';
import type { PolicyMatch } from './security-policy.ts';

/**
 * SA requests (acquires) waiting for IKE. IOS asks once per selector and drops the
 * selector's packets meanwhile; its request timer gives up after a while, so that the
 * next packet asks again.
 */

/** IOS's SA request timer. */
export const SA_REQUEST_TIMER_MS = 30_000;

interface PendingRequest {
  interfaceName: string;
  local: ProxyIdentity;
  remote: ProxyIdentity;
  timer: Timer;
}

export interface AcquireRequestsPort {
  sim: Sim;
  timerMs: number;
  trace(event: IpsecTraceEvent): void;
  raise(acquire: Acquire): void;
}

export class AcquireRequests {
  private readonly pending = new Map<string, PendingRequest>();

  constructor(private readonly port: AcquireRequestsPort) {}

  /**
   * Raises an acquire for the packet's selector unless one is pending already; true when this
   * packet started a negotiation.
   */
  request(match: PolicyMatch, datagram: Ipv4Datagram, context: OutboundContext): boolean {
    const { policy, selector } = match;
    const key = `${context.iface.name}|${proxyKey(selector.local)}|${proxyKey(selector.remote)}`;
    if (this.pending.has(key)) return false;
    const peer = policy.discover ? undefined : policy.peers[0];
    // A dynamic map without `discover` only answers peers: there is nobody to ask.
    if (peer === undefined && !policy.discover) return false;
    const timer = this.port.sim.schedule(this.port.timerMs, () => this.timerFired(key, policy.localAddress, peer ?? 0));
    this.pending.set(key, { interfaceName: context.iface.name, local: selector.local, remote: selector.remote, timer });
    for (const event of requestMessages(match, datagram, context, peer)) this.port.trace(event);
    this.port.raise({
      policy,
      local: selector.local,
      remote: selector.remote,
      packetSource: datagram.source,
      packetDestination: datagram.destination,
      peer,
    });
    return true;
  }

  /** An SA arrived: requests it answers are settled. */
  settle(interfaceName: string, local: ProxyIdentity, remote: ProxyIdentity): void {
    for (const [key, request] of this.pending) {
      if (request.interfaceName !== interfaceName) continue;
      if (proxyContains(request.local, local) && proxyContains(request.remote, remote)) {
        request.timer.cancel();
        this.pending.delete(key);
      }
    }
  }

  clear(): void {
    for (const request of this.pending.values()) request.timer.cancel();
    this.pending.clear();
  }

  get size(): number {
    return this.pending.size;
  }

  private timerFired(key: string, local: number, remote: number): void {
    const request = this.pending.get(key);
    if (request === undefined) return;
    this.pending.delete(key);
    this.port.trace({
      subsystem: 'ipsec',
      kind: 'request-timer-fired',
      count: 1,
      identity: { local, remote, localProxy: request.local, remoteProxy: request.remote },
    });
  }
}

/**
 * What IOS prints as it asks: one `sa_request` per transform set to the peer, or for a
 * `discover` entry one `tunnel discover request` from the packet's own addresses.
 */
function requestMessages(
  match: PolicyMatch, datagram: Ipv4Datagram, context: OutboundContext, peer: number | undefined,
): IpsecTraceEvent[] {
  const { policy, selector } = match;
  const common = {
    lifetimeSeconds: policy.lifetimeSeconds,
    lifetimeKilobytes: policy.lifetimeKilobytes,
    spi: 0,
    connId: 0,
    flags: KEY_ENGINE_FLAGS.request,
  };
  if (peer === undefined) {
    return policy.transformSets.map((transform) => ({
      subsystem: 'ipsec',
      kind: 'tunnel-discover-request',
      message: {
        ...common, direction: 'INBOUND', protocol: protocolsOf(transform)[0] ?? 'esp', transform, local: datagram.source, remote: datagram.destination,
        localProxy: selector.local, remoteProxy: hostProxy(policy.localAddress),
        dest: { interfaceName: context.iface.name, nextHop: context.nextHop },
      } satisfies KeyEngineMessage,
    }));
  }
  return policy.transformSets.map((transform) => ({
    subsystem: 'ipsec',
    kind: 'sa-request',
    message: {
      ...common, direction: 'OUTBOUND', protocol: protocolsOf(transform)[0] ?? 'esp', transform, local: policy.localAddress, remote: peer,
      localProxy: selector.local, remoteProxy: selector.remote,
    } satisfies KeyEngineMessage,
  }));
}
