import { ipsecTransformNumbers, type Acquire, type TransformProposal } from '../../ipsec/ipsec-port.ts';
import {
  encodeIsakmp, IdType, PayloadType, readTedReply, TED_PROXY_PAYLOAD_TYPE, TED_PROXY_SUBPAYLOAD, tedProbeMessage,
  type IsakmpMessage, type IsakmpPayload,
} from '../../wire/isakmp/index.ts';
import type { CpuJob } from '../cpu-queue.ts';
import type { IkeContext } from '../ike-context.ts';
import { IsakmpSa } from '../isakmp-sa.ts';
import { openPhase1, negotiationInFlight } from '../phase1-start.ts';
import { CISCO_IOS_VENDOR_ID, processVendorIds } from '../phase1-steps.ts';
import { proxyIdPayload, proxyOfId } from '../quick-mode-common.ts';
import type { ArrivedDatagram } from '../receive.ts';
import { memoryAddress } from '../receive.ts';
import { sendPhase1, stopPhase1Retransmission } from '../retransmission.ts';
import { negotiatedProxies } from './ted-decisions.ts';

/**
 * Tunnel endpoint discovery at the prober. A `discover` entry's acquire has no peer: the router
 * sends a probe from the dropped packet's source to its destination, with its own address and
 * the proxy, under an SA of its own (PEER_DISCOVERY). The router that protects the destination
 * answers with its address and proxy; the prober then starts main mode with it, as IOS does
 * without announcing it, and throws the probe's SA away. An unanswered probe is sent again as a
 * phase-1 message is, and given up with it (retransmission.ts).
 */

const COOKIE_LENGTH = 8;
/** A router's own identity: ID_IPV4_ADDR, UDP, port 500; its ID payload is 8 bytes, 12 with its header. */
const ADDRESS_ID = { idType: IdType.ipv4Addr, protocol: 17, port: 500, length: 8 } as const;
const GENERIC_HEADER = 4;

/** What IOS prints of the transform: IPsec protocol, transform id, authentication algorithm (of ESP, else AH). */
function transformNumbers(set: TransformProposal | undefined): { protocolId: number; transformId: number; hmac: number } {
  if (set === undefined) return { protocolId: 0, transformId: 0, hmac: 0 };
  const numbers = ipsecTransformNumbers(set);
  return numbers.esp ?? numbers.ah ?? { protocolId: 0, transformId: 0, hmac: 0 };
}

function probeId(ctx: IkeContext): number {
  for (;;) {
    const id = ctx.random.uint32();
    if (id !== 0) return id;
  }
}

/** The SA manager asked for a peer: the probe goes out under a new PEER_DISCOVERY SA. */
export function startProbe(ctx: IkeContext, acquire: Acquire): void {
  const { policy } = acquire;
  ctx.emit({ kind: 'ted-discovery-request' });
  ctx.emit({ kind: 'ted-request', source: acquire.packetSource, destination: acquire.packetDestination, ...transformNumbers(policy.transformSets[0]) });
  ctx.emit({ kind: 'ted-proxy-source', proxy: acquire.local, ownAddress: policy.localAddress });
  ctx.emit({ kind: 'local-port', localPort: 500, remotePort: 500 });
  const sa = new IsakmpSa(ctx.table.allocateConnId(), 'I', 'peer-discovery', acquire.packetSource, acquire.packetDestination,
    ctx.random.bytes(COOKIE_LENGTH), new Uint8Array(COOKIE_LENGTH), memoryAddress(ctx));
  sa.discovery = { acquire, messageId: probeId(ctx) };
  const via = ctx.route(acquire.packetDestination);
  if (via !== undefined) sa.via = via;
  ctx.table.add(sa);
  ctx.emit({ kind: 'ted-no-idb', connId: sa.connId });
  ctx.emit({ kind: 'id-payload', connId: sa.connId, nextPayload: PayloadType.id, ...ADDRESS_ID });
  ctx.emit({ kind: 'total-payload-length', connId: sa.connId, length: ADDRESS_ID.length + GENERIC_HEADER });
  ctx.emit({ kind: 'ted-first-id', address: policy.localAddress });
  ctx.emit({ kind: 'ted-second-id', proxy: acquire.local });
  ctx.emit({ kind: 'ted-beginning', connId: sa.connId });
  const bytes = encodeIsakmp(tedProbeMessage({
    initiatorCookie: sa.initiatorCookie, messageId: sa.discovery.messageId, proberAddress: policy.localAddress,
    proxy: proxyIdPayload(acquire.local), tedV3: true, vendorId: CISCO_IOS_VENDOR_ID,
  }));
  ctx.counters.tedProbesSent++;
  sendPhase1(ctx, sa, bytes, true);
}

/** The reply's payloads as IOS reports them, in order. */
function reportReply(ctx: IkeContext, sa: IsakmpSa, payloads: readonly IsakmpPayload[]): void {
  for (const payload of payloads) {
    if (payload.kind === 'vendor-id') processVendorIds(ctx, sa, [payload]);
    if (payload.kind === 'id') ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'ID', messageId: 0 });
    if (payload.kind === 'raw' && payload.type === TED_PROXY_PAYLOAD_TYPE) ctx.emit({ kind: 'ted-payload-type', subpayload: TED_PROXY_SUBPAYLOAD });
  }
}

/**
 * A reply to one of our probes, from the router that protects the probed host: main mode with
 * it for the negotiated proxies, then the probe's SA goes. A reply to no probe of ours, or one
 * that cannot be read, is dropped and counted.
 */
export function receiveTedReply(ctx: IkeContext, message: IsakmpMessage, arrived: ArrivedDatagram, job: CpuJob): void {
  const sa = ctx.table.probeByCookie(message.header.initiatorCookie);
  const reply = readTedReply(message);
  if (sa?.discovery === undefined || !reply.ok || reply.value.messageId !== sa.discovery.messageId) {
    ctx.counters.noSa++;
    ctx.emit({ kind: 'no-sa', peer: arrived.peer });
    return;
  }
  const { acquire } = sa.discovery;
  const responderProxy = proxyOfId(reply.value.proxy);
  const proxies = responderProxy && negotiatedProxies({ local: acquire.local, remote: acquire.remote }, responderProxy);
  ctx.emit({ kind: 'packet-received', connId: sa.connId, peer: arrived.peer, role: sa.role, state: sa.state });
  reportReply(ctx, sa, message.body.encrypted ? [] : message.body.payloads);
  if (proxies === undefined) {
    ctx.counters.unexpected++;
    return;
  }
  stopPhase1Retransmission(sa);
  ctx.counters.tedRepliesReceived++;
  ctx.emit({ kind: 'ted-response-received', connId: sa.connId });
  ctx.emit({ kind: 'ted-negotiated-proxies', connId: sa.connId, local: proxies.local, remote: proxies.remote });
  const peer = reply.value.responderAddress;
  ctx.emit({ kind: 'ted-initiating-ike', connId: sa.connId, peer });
  const request = { policy: acquire.policy, localProxy: proxies.local, remoteProxy: proxies.remote, peer, localAddress: acquire.policy.localAddress };
  if (!negotiationInFlight(ctx, request)) {
    openPhase1(ctx, request, job, { announce: false, beforeNewSa: () => ctx.emit({ kind: 'ted-new-sa', connId: sa.connId, peer }) });
  }
  ctx.deleteSa(sa, 'delete-me');
}
