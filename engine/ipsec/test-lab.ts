import { ip, MASK_24, tedLab, type LabOptions } from '../net/test-fixtures.ts';
import { decodeIpv4, type Ipv4Datagram } from '../wire/ipv4.ts';
import { IpProtocol } from '../wire/ip-protocols.ts';
import { fromHex } from '../wire/test-hex.ts';
import { IpsecEngine } from './ipsec-engine.ts';
import {
  protocolsOf,
  type Acquire, type CryptoPolicy, type IpsecEvents, type PerProtocol, type ProxyIdentity, type SaKeys, type SaPairInstall,
  type TransformProposal,
} from './ipsec-port.ts';
import type { IpsecSubsystem, IpsecTraceEvent } from './ipsec-trace.ts';

/**
 * The TED document's two routers with an IPsec engine each, their crypto maps mirrored,
 * and SA pairs installed by hand with fixed keys, as IKE would install them.
 */

export const DES_MD5: TransformProposal = {
  name: 'ted-transforms', espCipher: { transform: 'esp-des' }, espAuth: 'esp-md5-hmac', mode: 'tunnel',
};

export const AES256_SHA: TransformProposal = {
  name: 'aes-sha', espCipher: { transform: 'esp-aes', keyBits: 256 }, espAuth: 'esp-sha-hmac', mode: 'tunnel',
};

export function subnet(address: string): ProxyIdentity {
  return { address: ip(address), mask: MASK_24, protocol: 0, port: 0 };
}

export const DAPHNE_LAN = subnet('13.13.13.0');
export const FRED_LAN = subnet('12.12.12.0');

/** The SPIs of the document's `show crypto ipsec sa`: Daphne's inbound and outbound SAs. */
export const DAPHNE_INBOUND_SPI = 0xd8870500;
export const DAPHNE_OUTBOUND_SPI = 0xb326cbe6;

/** Fixed keys per direction: Daphne to fred, fred to Daphne (DES 8 bytes, HMAC-MD5 16 bytes). */
export const KEYS = {
  daphneToFred: { encryption: fromHex('0123456789abcdef'), integrity: fromHex('00112233445566778899aabbccddeeff') },
  fredToDaphne: { encryption: fromHex('fedcba9876543210'), integrity: fromHex('ffeeddccbbaa99887766554433221100') },
};

export function tedPolicy(side: 'daphne' | 'fred', overrides: Partial<CryptoPolicy> = {}): CryptoPolicy {
  const daphne = side === 'daphne';
  return {
    mapName: 'tedtag',
    seq: 10,
    discover: false,
    interfaceName: 'FastEthernet0/0',
    localAddress: ip(daphne ? '11.11.11.1' : '11.11.11.2'),
    peers: [ip(daphne ? '11.11.11.2' : '11.11.11.1')],
    accessList: '101',
    selectors: [daphne ? { local: DAPHNE_LAN, remote: FRED_LAN } : { local: FRED_LAN, remote: DAPHNE_LAN }],
    transformSets: [DES_MD5],
    lifetimeSeconds: 3600,
    lifetimeKilobytes: 4608000,
    ...overrides,
  };
}

export class EventRecorder implements IpsecEvents {
  readonly acquires: Acquire[] = [];
  readonly rekeys: Array<{ policy: CryptoPolicy; local: ProxyIdentity; remote: ProxyIdentity; peer: number }> = [];
  readonly expirations: Array<{ peer: number; inboundSpis: PerProtocol<number>; isakmpConnId: number }> = [];
  onAcquire: ((acquire: Acquire) => void) | undefined;

  acquire(acquire: Acquire): void {
    this.acquires.push(acquire);
    this.onAcquire?.(acquire);
  }

  rekey(policy: CryptoPolicy, local: ProxyIdentity, remote: ProxyIdentity, peer: number): void {
    this.rekeys.push({ policy, local, remote, peer });
  }

  expired(peer: number, inboundSpis: PerProtocol<number>, isakmpConnId: number): void {
    this.expirations.push({ peer, inboundSpis, isakmpConnId });
  }
}

export interface PairSpec {
  transform?: TransformProposal;
  lifetimeSeconds?: number;
  lifetimeKilobytes?: number;
  daphneInboundSpi?: number;
  daphneOutboundSpi?: number;
  keys?: typeof KEYS;
  /** AH integrity keys per direction, for a transform with AH (the AH SPIs are the ESP ones plus 1). */
  ahKeys?: { daphneToFred: Uint8Array; fredToDaphne: Uint8Array };
}

/** Fixed HMAC keys for AH: 20 bytes serve SHA-1; MD5 takes the first 16. */
export const AH_KEYS = {
  daphneToFred: fromHex('a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3'),
  fredToDaphne: fromHex('c0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3'),
};

export interface IpsecLabOptions extends LabOptions {
  daphnePolicy?: Partial<CryptoPolicy>;
  fredPolicy?: Partial<CryptoPolicy>;
  /** Both engines' `traceWanted`. */
  traceWanted?: (subsystem: IpsecSubsystem) => boolean;
}

export function ipsecLab(options: IpsecLabOptions = {}) {
  const lab = tedLab(options);
  const events = { daphne: new EventRecorder(), fred: new EventRecorder() };
  const traces: { daphne: IpsecTraceEvent[]; fred: IpsecTraceEvent[] } = { daphne: [], fred: [] };
  const wanted = options.traceWanted === undefined ? {} : { traceWanted: options.traceWanted };
  const daphneIpsec = new IpsecEngine({
    node: lab.daphne, random: lab.sim.random.fork('Daphne'), events: events.daphne, trace: (e) => traces.daphne.push(e), ...wanted,
  });
  const fredIpsec = new IpsecEngine({
    node: lab.fred, random: lab.sim.random.fork('fred'), events: events.fred, trace: (e) => traces.fred.push(e), ...wanted,
  });
  const policies = { daphne: tedPolicy('daphne', options.daphnePolicy), fred: tedPolicy('fred', options.fredPolicy) };
  daphneIpsec.setPolicies([policies.daphne]);
  fredIpsec.setPolicies([policies.fred]);
  const wanCapture: Ipv4Datagram[] = [];
  lab.wan.addTap((_time, bytes) => {
    const decoded = decodeIpv4(bytes);
    if (decoded.ok) wanCapture.push(decoded.value);
  });

  /** Installs mirrored SA pairs on both routers, as quick mode would. */
  function installPairs(spec: PairSpec = {}): void {
    const keys = spec.keys ?? KEYS;
    const transform = spec.transform ?? policies.daphne.transformSets[0]!;
    const daphneIn = spec.daphneInboundSpi ?? DAPHNE_INBOUND_SPI;
    const daphneOut = spec.daphneOutboundSpi ?? DAPHNE_OUTBOUND_SPI;
    const protocols = protocolsOf(transform);
    const ahKeyLength = transform.ah === 'ah-sha-hmac' ? 20 : 16;
    const ahKeys = spec.ahKeys ?? AH_KEYS;
    const keysFor = (esp: { encryption: Uint8Array; integrity: Uint8Array }, ah: Uint8Array, spi: number): PerProtocol<SaKeys> => ({
      ...(protocols.includes('esp') ? { esp: { spi, encryptionKey: esp.encryption, integrityKey: esp.integrity } } : {}),
      ...(protocols.includes('ah') ? { ah: { spi: spi + 1, encryptionKey: new Uint8Array(0), integrityKey: ah.slice(0, ahKeyLength) } } : {}),
    });
    const common = {
      transform,
      lifetimeSeconds: spec.lifetimeSeconds ?? 3600,
      lifetimeKilobytes: spec.lifetimeKilobytes ?? 4608000,
      isakmpConnId: 2,
    };
    // Daphne started the quick mode, as in the document.
    const daphneInstall: SaPairInstall = {
      ...common, initiator: true, policy: policies.daphne, local: ip('11.11.11.1'), remote: ip('11.11.11.2'),
      localProxy: DAPHNE_LAN, remoteProxy: FRED_LAN,
      inbound: keysFor(keys.fredToDaphne, ahKeys.fredToDaphne, daphneIn), outbound: keysFor(keys.daphneToFred, ahKeys.daphneToFred, daphneOut),
    };
    const fredInstall: SaPairInstall = {
      ...common, initiator: false, policy: policies.fred, local: ip('11.11.11.2'), remote: ip('11.11.11.1'),
      localProxy: FRED_LAN, remoteProxy: DAPHNE_LAN,
      inbound: keysFor(keys.daphneToFred, ahKeys.daphneToFred, daphneOut), outbound: keysFor(keys.fredToDaphne, ahKeys.fredToDaphne, daphneIn),
    };
    daphneIpsec.installSaPair(daphneInstall, daphneIpsec.allocateFlows(protocols));
    fredIpsec.installSaPair(fredInstall, fredIpsec.allocateFlows(protocols));
  }

  const espOnWan = (from: string) =>
    wanCapture.filter((datagram) => datagram.protocol === IpProtocol.esp && datagram.source === ip(from));

  return { ...lab, daphneIpsec, fredIpsec, events, traces, policies, wanCapture, installPairs, espOnWan };
}

export function tracesOf<K extends IpsecTraceEvent['kind']>(
  events: readonly IpsecTraceEvent[], kind: K,
): Array<Extract<IpsecTraceEvent, { kind: K }>> {
  return events.filter((event): event is Extract<IpsecTraceEvent, { kind: K }> => event.kind === kind);
}
