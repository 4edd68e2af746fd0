import type { PacketFields } from '../net/acl-types.ts';
import type { SeededRandom } from '../sim/random.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';
import type { EspSaCrypto } from './esp-transform.ts';
import type { CryptoPolicy, ProxyIdentity, SaPairInstall } from './ipsec-port.ts';
import { packetBetween, proxyKey } from './proxy-match.ts';
import { ReplayWindow } from './replay-window.ts';

/**
 * The security association database: SA pairs by inbound SPI and by the traffic they
 * protect, grouped in "idents" (IOS's flows: one per crypto map interface and proxy pair,
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

interface SaCommon {
  readonly crypto: EspSaCrypto;
  readonly connId: number;
  readonly flowId: number;
  /** Outer addresses of the ESP packets this SA carries. */
  readonly source: Ipv4Address;
  readonly destination: Ipv4Address;
  /** Protected bytes so far: what the kilobyte lifetime counts. */
  bytes: number;
  /** Packets the crypto engine processed on this connection (encrypt or decrypt count). */
  engineCount: number;
}

export interface InboundSa extends SaCommon {
  readonly direction: 'inbound';
  readonly replay: ReplayWindow;
}

export interface OutboundSa extends SaCommon {
  readonly direction: 'outbound';
  /** The last sequence number sent; the first packet carries 1. */
  lastSequence: number;
}

export type SecurityAssociation = InboundSa | OutboundSa;

export interface SaPair {
  readonly install: SaPairInstall;
  readonly ident: Ident;
  readonly inbound: InboundSa;
  readonly outbound: OutboundSa;
  readonly createdAt: number;
  /** Set once the soft lifetime ran out and IKE was asked for a replacement. */
  rekeyRequested: boolean;
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

export function identKey(interfaceName: string, localProxy: ProxyIdentity, remoteProxy: ProxyIdentity): string {
  return `${interfaceName}|${proxyKey(localProxy)}|${proxyKey(remoteProxy)}`;
}

export interface NewPair {
  install: SaPairInstall;
  connIds: { inboundConnId: number; outboundConnId: number };
  inbound: EspSaCrypto;
  outbound: EspSaCrypto;
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

  allocateFlows(): { inboundConnId: number; outboundConnId: number } {
    const inboundConnId = this.nextConnId++;
    return { inboundConnId, outboundConnId: this.nextConnId++ };
  }

  addPair(spec: NewPair): SaPair {
    const { install } = spec;
    const key = identKey(install.policy.interfaceName, install.localProxy, install.remoteProxy);
    const ident = this.identsByKey.get(key) ?? this.newIdent(key, install);
    ident.policy = install.policy;
    const common = { bytes: 0, engineCount: 0 };
    const pair: SaPair = {
      install,
      ident,
      createdAt: spec.now,
      rekeyRequested: false,
      inbound: {
        ...common, direction: 'inbound', crypto: spec.inbound, connId: spec.connIds.inboundConnId,
        flowId: this.nextFlowId++, source: install.remote, destination: install.local, replay: new ReplayWindow(),
      },
      outbound: {
        ...common, direction: 'outbound', crypto: spec.outbound, connId: spec.connIds.outboundConnId,
        flowId: this.nextFlowId++, source: install.local, destination: install.remote, lastSequence: 0,
      },
    };
    ident.pairs.push(pair);
    this.inboundBySpi.set(spiKey(install.local, spec.inbound.spi), pair);
    this.allocatedSpis.add(spec.inbound.spi);
    return pair;
  }

  private newIdent(key: string, install: SaPairInstall): Ident {
    const ident: Ident = {
      key,
      interfaceName: install.policy.interfaceName,
      localProxy: install.localProxy,
      remoteProxy: install.remoteProxy,
      policy: install.policy,
      counters: emptyIdentCounters(),
      pairs: [],
    };
    this.identsByKey.set(key, ident);
    return ident;
  }

  /** Forgets a pair; an ident left without SAs goes too, so its counters start again at 0. */
  removePair(pair: SaPair): boolean {
    const index = pair.ident.pairs.indexOf(pair);
    if (index < 0) return false;
    pair.ident.pairs.splice(index, 1);
    this.inboundBySpi.delete(spiKey(pair.install.local, pair.inbound.crypto.spi));
    if (pair.ident.pairs.length === 0) this.identsByKey.delete(pair.ident.key);
    return true;
  }

  /** The pair whose inbound SA has this SPI at this destination (RFC 2401: SPI, destination, protocol). */
  pairByInboundSpi(destination: Ipv4Address, spi: number): SaPair | undefined {
    return this.inboundBySpi.get(spiKey(destination, spi));
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

function spiKey(destination: Ipv4Address, spi: number): string {
  return `${destination}:${spi >>> 0}`;
}
