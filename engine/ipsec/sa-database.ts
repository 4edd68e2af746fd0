import type { PacketFields } from '../net/acl-types.ts';
import type { SeededRandom } from '../sim/random.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';
import type { AhSaCrypto } from './ah-transform.ts';
import type { EspSaCrypto } from './esp-transform.ts';
import type { CryptoPolicy, FlowIds, IpsecProtocol, PerProtocol, ProxyIdentity, SaPairInstall } from './ipsec-port.ts';
import { packetBetween, proxyKey } from './proxy-match.ts';
import { ReplayWindow } from './replay-window.ts';

/**
 * The security association database: SA bundles (a pair of SAs per protocol, AH and/or
 * ESP) by inbound SPI and by the traffic they protect, grouped in "idents" (IOS's flows: one per crypto map interface and proxy pair,
 * holding the `#pkts` counters across rekeys), with IOS's connection and flow numbering.
 */

/** IPsec connections in the crypto engine start at 2000 (IKE's are 1, 2, ...). */
export const FIRST_IPSEC_CONN_ID = 2000;
/** SPIs 1-255 are reserved by IANA (RFC 2406 2.1); 0 means "no SA". */
export const MIN_SPI = 256;

export interface IdentCounters {
  encaps: number;
  encrypt: number;
  digest: number;
  decaps: number;
  decrypt: number;
  verify: number;
  sendErrors: number;
  recvErrors: number;
}

interface SaCommon<C> {
  readonly protocol: IpsecProtocol;
  readonly crypto: C;
  readonly connId: number;
  readonly flowId: number;
  /** Outer addresses of the packets this SA carries. */
  readonly source: Ipv4Address;
  readonly destination: Ipv4Address;
  /** Protected bytes so far: what the kilobyte lifetime counts. */
  bytes: number;
  /** Packets the crypto engine processed on this connection (encrypt or decrypt count). */
  engineCount: number;
}

export interface InboundSa<C = EspSaCrypto | AhSaCrypto> extends SaCommon<C> {
  readonly direction: 'inbound';
  /** Each SA has its own window (RFC 2402 3.4.3, RFC 2406 3.4.3). */
  readonly replay: ReplayWindow;
}

export interface OutboundSa<C = EspSaCrypto | AhSaCrypto> extends SaCommon<C> {
  readonly direction: 'outbound';
  /** The last sequence number sent; the first packet carries 1. */
  lastSequence: number;
}

export type SecurityAssociation = InboundSa | OutboundSa;

/** One protocol's two SAs. */
export interface SaDirections<C> {
  readonly inbound: InboundSa<C>;
  readonly outbound: OutboundSa<C>;
}

/** A bundle negotiated in one quick mode: ESP, AH, or AH around ESP (RFC 2401 4.5). */
export interface SaPair {
  readonly install: SaPairInstall;
  readonly ident: Ident;
  readonly esp?: SaDirections<EspSaCrypto>;
  readonly ah?: SaDirections<AhSaCrypto>;
  readonly createdAt: number;
  /** Set once the soft lifetime ran out and IKE was asked for a replacement. */
  rekeyRequested: boolean;
}

/** Every SA of a bundle, protocol by protocol (AH first), inbound before outbound: IOS's order. */
export function sasOf(pair: SaPair): SecurityAssociation[] {
  return [pair.ah, pair.esp].flatMap((directions) => (directions === undefined ? [] : [directions.inbound, directions.outbound]));
}

/** The SA the bundle's outbound packets leave under last: its SPI is `current outbound spi`. */
export function outermostOutbound(pair: SaPair): OutboundSa {
  return (pair.ah ?? pair.esp)!.outbound;
}

export interface Ident {
  readonly key: string;
  readonly interfaceName: string;
  readonly localProxy: ProxyIdentity;
  readonly remoteProxy: ProxyIdentity;
  policy: CryptoPolicy;
  readonly counters: IdentCounters;
  /** Oldest first; the newest pair carries outbound traffic. */
  readonly pairs: SaPair[];
}

export function emptyIdentCounters(): IdentCounters {
  return { encaps: 0, encrypt: 0, digest: 0, decaps: 0, decrypt: 0, verify: 0, sendErrors: 0, recvErrors: 0 };
}

/** A flow made from a static crypto map entry's ACL (IOS's `origin_is_acl`), as opposed to a dynamic map's. */
export function originIsAcl(policy: CryptoPolicy): boolean {
  return policy.dynamicMap === undefined;
}

export function identKey(interfaceName: string, localProxy: ProxyIdentity, remoteProxy: ProxyIdentity): string {
  return `${interfaceName}|${proxyKey(localProxy)}|${proxyKey(remoteProxy)}`;
}

export interface NewPair {
  install: SaPairInstall;
  connIds: PerProtocol<FlowIds>;
  esp?: { inbound: EspSaCrypto; outbound: EspSaCrypto };
  ah?: { inbound: AhSaCrypto; outbound: AhSaCrypto };
  now: number;
}

export class SaDatabase {
  private readonly identsByKey = new Map<string, Ident>();
  private readonly inboundBySpi = new Map<string, SaPair>();
  private readonly allocatedSpis = new Set<number>();
  private nextConnId = FIRST_IPSEC_CONN_ID;
  private nextFlowId = 1;

  /** A fresh SPI, never handed out before on this router. */
  allocateSpi(random: SeededRandom): number {
    for (;;) {
      const spi = random.uint32();
      if (spi >= MIN_SPI && !this.allocatedSpis.has(spi)) {
        this.allocatedSpis.add(spi);
        return spi;
      }
    }
  }

  /** Two engine connections per protocol, numbered on from 2000. */
  allocateFlows(protocols: readonly IpsecProtocol[]): PerProtocol<FlowIds> {
    const flows: PerProtocol<FlowIds> = {};
    for (const protocol of protocols) {
      const inboundConnId = this.nextConnId++;
      flows[protocol] = { inboundConnId, outboundConnId: this.nextConnId++ };
    }
    return flows;
  }

  addPair(spec: NewPair): SaPair {
    const { install } = spec;
    const ident = this.identFor(install.policy, install.localProxy, install.remoteProxy);
    ident.policy = install.policy;
    const pair: SaPair = {
      install,
      ident,
      createdAt: spec.now,
      rekeyRequested: false,
      ...(spec.ah === undefined ? {} : { ah: this.directions('ah', install, spec.connIds.ah!, spec.ah) }),
      ...(spec.esp === undefined ? {} : { esp: this.directions('esp', install, spec.connIds.esp!, spec.esp) }),
    };
    ident.pairs.push(pair);
    for (const sa of sasOf(pair)) {
      if (sa.direction !== 'inbound') continue;
      this.inboundBySpi.set(spiKey(install.local, sa.protocol, sa.crypto.spi), pair);
      this.allocatedSpis.add(sa.crypto.spi);
    }
    return pair;
  }

  private directions<C>(protocol: IpsecProtocol, install: SaPairInstall, flows: FlowIds, crypto: { inbound: C; outbound: C }): SaDirections<C> {
    // Whole literals, no shared part spread in: V8 is slow to add properties after a spread.
    return {
      inbound: {
        protocol, bytes: 0, engineCount: 0, direction: 'inbound', crypto: crypto.inbound, connId: flows.inboundConnId,
        flowId: this.nextFlowId++, source: install.remote, destination: install.local, replay: new ReplayWindow(),
      },
      outbound: {
        protocol, bytes: 0, engineCount: 0, direction: 'outbound', crypto: crypto.outbound, connId: flows.outboundConnId,
        flowId: this.nextFlowId++, source: install.local, destination: install.remote, lastSequence: 0,
      },
    };
  }

  /**
   * The flow of a crypto map entry's selector, made when it is first needed. A static entry's
   * flow (`origin_is_acl`) outlives its SAs, counters and all, as IOS keeps it while the map
   * entry stands; a dynamic entry's flow goes with its last SA.
   */
  identFor(policy: CryptoPolicy, localProxy: ProxyIdentity, remoteProxy: ProxyIdentity): Ident {
    const key = identKey(policy.interfaceName, localProxy, remoteProxy);
    const existing = this.identsByKey.get(key);
    if (existing !== undefined) return existing;
    const ident: Ident = {
      key, interfaceName: policy.interfaceName, localProxy, remoteProxy, policy, counters: emptyIdentCounters(), pairs: [],
    };
    this.identsByKey.set(key, ident);
    return ident;
  }

  /** Forgets a pair; a dynamic flow left without SAs goes too, so its counters start again at 0. */
  removePair(pair: SaPair): boolean {
    const index = pair.ident.pairs.indexOf(pair);
    if (index < 0) return false;
    pair.ident.pairs.splice(index, 1);
    for (const sa of sasOf(pair)) {
      if (sa.direction === 'inbound') this.inboundBySpi.delete(spiKey(pair.install.local, sa.protocol, sa.crypto.spi));
    }
    if (pair.ident.pairs.length === 0 && !originIsAcl(pair.ident.policy)) this.identsByKey.delete(pair.ident.key);
    return true;
  }

  /** Flows without SAs are forgotten, counters and all (`clear crypto sa`); `keep` says which to spare. */
  forgetIdleIdents(keep: (ident: Ident) => boolean = () => false): void {
    for (const [key, ident] of this.identsByKey) {
      if (ident.pairs.length === 0 && !keep(ident)) this.identsByKey.delete(key);
    }
  }

  /** The bundle whose inbound SA of this protocol has this SPI at this destination (RFC 2401: SPI, destination, protocol). */
  pairByInboundSpi(destination: Ipv4Address, protocol: IpsecProtocol, spi: number): SaPair | undefined {
    return this.inboundBySpi.get(spiKey(destination, protocol, spi));
  }

  /** The newest pair of the first ident on the interface whose proxies carry this outbound packet. */
  outboundPair(interfaceName: string, fields: PacketFields): SaPair | undefined {
    for (const ident of this.identsByKey.values()) {
      if (ident.interfaceName !== interfaceName || ident.pairs.length === 0) continue;
      if (packetBetween(fields, ident.localProxy, ident.remoteProxy)) return ident.pairs[ident.pairs.length - 1];
    }
    return undefined;
  }

  /** An ident on the interface that expects this packet to arrive protected. */
  identExpecting(interfaceName: string, fields: PacketFields): Ident | undefined {
    for (const ident of this.identsByKey.values()) {
      if (ident.interfaceName !== interfaceName || ident.pairs.length === 0) continue;
      if (packetBetween(fields, ident.remoteProxy, ident.localProxy)) return ident;
    }
    return undefined;
  }

  idents(): Ident[] {
    return [...this.identsByKey.values()];
  }

  pairs(): SaPair[] {
    return this.idents().flatMap((ident) => ident.pairs);
  }
}

function spiKey(destination: Ipv4Address, protocol: IpsecProtocol, spi: number): string {
  return `${destination}:${protocol}:${spi >>> 0}`;
}
