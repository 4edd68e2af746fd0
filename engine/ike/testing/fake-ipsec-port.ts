import type {
  CryptoPolicy, DhGroupNumber, IpsecPort, ProposalVerdict, ProxyIdentity, SaPairInstall, TransformProposal,
} from '../../ipsec/ipsec-port.ts';
import type { SeededRandom } from '../../sim/random.ts';
import type { Ipv4Address } from '../../wire/ipv4-address.ts';

/**
 * A data plane for IKE's tests: it judges proposals against its crypto map entries the way
 * the real one must (proxies mirrored exactly, a transform set of the same content, PFS as
 * configured), hands out SPIs from its own stream and flows from 2000 on, and records every
 * call in order, so a test sees where in IKE's sequence each one happened.
 */

export type PortCall = 'allocateSpi' | 'validateProposal' | 'allocateFlows' | 'installSaPair' | 'deleteSas';

const MIN_SPI = 256;
const FIRST_FLOW = 2000;

export function sameProxy(a: ProxyIdentity, b: ProxyIdentity): boolean {
  return a.address === b.address && a.mask === b.mask && a.protocol === b.protocol && a.port === b.port;
}

export function sameTransform(a: TransformProposal, b: TransformProposal): boolean {
  return a.mode === b.mode && a.espAuth === b.espAuth && a.ah === b.ah
    && a.espCipher?.transform === b.espCipher?.transform && (a.espCipher?.keyBits ?? 128) === (b.espCipher?.keyBits ?? 128);
}

export class FakeIpsecPort implements IpsecPort {
  readonly calls: PortCall[] = [];
  readonly installs: Array<{ install: SaPairInstall; connIds: { inboundConnId: number; outboundConnId: number } }> = [];
  readonly deleted: Array<{ peer: Ipv4Address; spis: number[] }> = [];
  readonly allocatedSpis: number[] = [];
  private nextFlow = FIRST_FLOW;

  constructor(
    private readonly random: SeededRandom,
    public policies: CryptoPolicy[],
    private readonly onCall: (call: PortCall) => void = () => {},
  ) {}

  allocateSpi(_local: Ipv4Address, _remote: Ipv4Address, _protocol: number): number {
    this.record('allocateSpi');
    let spi = 0;
    while (spi < MIN_SPI || this.allocatedSpis.includes(spi)) spi = this.random.uint32();
    this.allocatedSpis.push(spi);
    return spi;
  }

  validateProposal(
    local: Ipv4Address, _remote: Ipv4Address, localProxy: ProxyIdentity, remoteProxy: ProxyIdentity,
    offered: TransformProposal[], pfsGroup: DhGroupNumber | undefined,
  ): ProposalVerdict {
    this.record('validateProposal');
    const policy = this.policies.find((candidate) => candidate.localAddress === local
      && candidate.selectors.some((s) => sameProxy(s.local, localProxy) && sameProxy(s.remote, remoteProxy)));
    if (policy === undefined) return { ok: false, reason: 'proxy-identities-not-supported' };
    if (policy.pfsGroup !== undefined && policy.pfsGroup !== pfsGroup) return { ok: false, reason: 'transform-not-supported' };
    for (const set of policy.transformSets) {
      if (offered.some((offer) => sameTransform(offer, set))) return { ok: true, policy, transform: set };
    }
    return { ok: false, reason: 'transform-not-supported' };
  }

  allocateFlows(): { inboundConnId: number; outboundConnId: number } {
    this.record('allocateFlows');
    const inboundConnId = this.nextFlow;
    this.nextFlow += 2;
    return { inboundConnId, outboundConnId: inboundConnId + 1 };
  }

  installSaPair(install: SaPairInstall, connIds: { inboundConnId: number; outboundConnId: number }): void {
    this.record('installSaPair');
    this.installs.push({ install, connIds });
  }

  deleteSas(peer: Ipv4Address, spis: number[]): void {
    this.record('deleteSas');
    this.deleted.push({ peer, spis: [...spis] });
  }

  private record(call: PortCall): void {
    this.calls.push(call);
    this.onCall(call);
  }
}
