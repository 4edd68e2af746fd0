import type { CryptoPolicy, ProbeCandidate } from '../../ipsec/ipsec-port.ts';
import {
  ISAKMP_UDP_PORT, decodeIsakmp, encodeIsakmp, IdType, readTedProbe, TED_PROXY_PAYLOAD_TYPE, tedMessageKind, tedReplyMessage,
  type IsakmpMessage, type IsakmpPayload, type TedProbe,
} from '../../wire/isakmp/index.ts';
import type { IkeContext } from '../ike-context.ts';
import { IsakmpSa } from '../isakmp-sa.ts';
import { CISCO_IOS_VENDOR_ID, processVendorIds } from '../phase1-steps.ts';
import { proxyIdPayload, proxyOfId } from '../quick-mode-common.ts';
import { memoryAddress } from '../receive.ts';
import { sendPhase1 } from '../retransmission.ts';
import { decideTedResponse, type Selector } from './ted-decisions.ts';
import { receiveTedReply } from './ted-prober.ts';

/**
 * Tunnel endpoint discovery at the responder: a router whose crypto map interface receives a
 * probe for a host it protects takes the probe off the wire and answers it itself, with its
 * own address and proxy. A TED V3 prober gets the answer from the responder's address to its
 * own; an older one from the probed host to the packet's source. The probe's SA lives only
 * for the answer: it is thrown away at once, with the probe's node.
 */

const COOKIE_LENGTH = 8;
const ADDRESS_ID = { idType: IdType.ipv4Addr, protocol: 17, port: 500, length: 8 } as const;
const GENERIC_HEADER = 4;

interface AcceptedProbe {
  candidate: ProbeCandidate;
  message: IsakmpMessage;
  probe: TedProbe;
  policy: CryptoPolicy;
  selector: Selector;
}

/**
 * Decides at once, on the packet path, whether the datagram is a TED message for this router:
 * a probe for one of its hosts (answered once the CPU is free), or an answer to one of its own
 * probes sent the pre-V3 way, to the host whose packet was dropped.
 */
export function interceptProbe(ctx: IkeContext, candidate: ProbeCandidate): boolean {
  const decoded = decodeIsakmp(candidate.payload);
  if (!decoded.ok) return false;
  const kind = tedMessageKind(decoded.value);
  if (kind === 'reply') return takeReplyForHost(ctx, decoded.value, candidate);
  if (kind !== 'probe') return false;
  const probe = readTedProbe(decoded.value);
  const proberProxy = probe.ok ? proxyOfId(probe.value.proxy) : undefined;
  if (!probe.ok || proberProxy === undefined) return false;
  const decision = decideTedResponse(candidate.policies, candidate.destination, proberProxy);
  if (!decision.ok) return false;
  const accepted = { candidate, message: decoded.value, probe: probe.value, policy: decision.policy, selector: decision.selector };
  ctx.cpu.submit('packet', () => answerProbe(ctx, accepted));
  return true;
}

function takeReplyForHost(ctx: IkeContext, message: IsakmpMessage, candidate: ProbeCandidate): boolean {
  if (ctx.table.probeByCookie(message.header.initiatorCookie) === undefined) return false;
  // The data plane hands over only UDP 500 to 500: the port is known.
  const arrived = { bytes: candidate.payload, local: candidate.destination, peer: candidate.source, peerPort: ISAKMP_UDP_PORT };
  ctx.cpu.submit('packet', (job) => receiveTedReply(ctx, message, arrived, job));
  return true;
}

/** The probe's payloads as IOS reports them: the second ID is the prober's proxy, read under the probe's message ID. */
function reportProbe(ctx: IkeContext, connId: number, accepted: AcceptedProbe, payloads: readonly IsakmpPayload[]): void {
  let ids = 0;
  for (const payload of payloads) {
    if (payload.kind === 'vendor-id') processVendorIds(ctx, { connId }, [payload]);
    if (payload.kind !== 'id') continue;
    const messageId = ids++ === 0 ? 0 : accepted.probe.messageId;
    ctx.emit({ kind: 'processing-payload', connId, payload: 'ID', messageId });
    const proxy = messageId === 0 ? undefined : proxyOfId(payload);
    if (proxy !== undefined) ctx.emit({ kind: 'ted-proxy-id', connId, proxy, idType: payload.idType });
  }
}

function answerProbe(ctx: IkeContext, accepted: AcceptedProbe): void {
  const { candidate, probe, policy, selector } = accepted;
  ctx.emit({ kind: 'packet-received-new-sa', peer: candidate.source });
  ctx.emit({ kind: 'local-port', localPort: 500, remotePort: 500 });
  const connId = ctx.table.allocateConnId();
  reportProbe(ctx, connId, accepted, accepted.message.body.encrypted ? [] : accepted.message.body.payloads);
  ctx.emit({ kind: 'ted-responding', connId });
  ctx.emit({ kind: 'ted-peer-address', address: probe.proberAddress });
  const him = proxyOfId(probe.proxy)!;
  ctx.emit({
    kind: 'ted-probe-proxies',
    him: { idType: probe.proxy.idType, address: him.address, mask: him.mask },
    me: { idType: 0, address: 0, mask: 0 },
  });
  const local = probe.tedV3 ? policy.localAddress : candidate.destination;
  const peer = probe.tedV3 ? probe.proberAddress : candidate.source;
  if (probe.tedV3) ctx.emit({ kind: 'ted-v3', connId, source: peer, destination: local });
  const sa = new IsakmpSa(connId, 'R', 'peer-discovery', local, peer, probe.initiatorCookie, ctx.random.bytes(COOKIE_LENGTH), memoryAddress(ctx));
  sa.holdsNodeZero = true;
  ctx.table.add(sa);
  ctx.emit({ kind: 'id-payload', connId, nextPayload: TED_PROXY_PAYLOAD_TYPE, ...ADDRESS_ID });
  ctx.emit({ kind: 'total-payload-length', connId, length: ADDRESS_ID.length + GENERIC_HEADER });
  const reply = tedReplyMessage({
    initiatorCookie: probe.initiatorCookie, responderCookie: sa.responderCookie, messageId: probe.messageId,
    responderAddress: policy.localAddress, proxy: proxyIdPayload(selector.local), vendorId: CISCO_IOS_VENDOR_ID,
  });
  ctx.counters.tedProbesAnswered++;
  sendPhase1(ctx, sa, encodeIsakmp(reply), false);
  ctx.deleteSa(sa, 'delete-me');
}
