import {
  protocolPart, protocolsOf,
  type CryptoPolicy, type DhGroupNumber, type FlowIds, type IpsecPort, type IpsecProtocol, type PerProtocol, type ProposalVerdict,
  type ProxyIdentity, type SaPairInstall, type TransformProposal,
} from '../../ipsec/ipsec-port.ts';
import type { SeededRandom } from '../../sim/random.ts';
import type { Ipv4Address } from '../../wire/ipv4-address.ts';

/**
 * A data plane for IKE's tests: it judges proposals against its crypto map entries the way
 * the real one must (proxies mirrored exactly, a transform set of the same content, PFS as
 * configured), hands out SPIs from its own stream and flows from 2000 on, and records every
 * call in order, so a test sees where in IKE's sequence each one happened.
 */

export type PortCall = 'allocateSpi' | 'validateTransform' | 'validateProposal' | 'allocateFlows' | 'installSaPair' | 'deleteSas' | 'deletePeerSas';

/** The `set pfs` rule of the command reference: no set pfs takes any offer; group1 takes 1 or 2; others themselves. */
function pfsAccepted(local: DhGroupNumber | undefined, offered: DhGroupNumber | undefined): boolean {
  if (local === undefined) return true;
  if (offered === undefined) return false;
  return local === 1 ? offered <= 2 : local === offered;
}

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
  readonly installs: Array<{ install: SaPairInstall; connIds: PerProtocol<FlowIds> }> = [];
  readonly deleted: Array<{ peer: Ipv4Address; protocol: IpsecProtocol; spis: number[] }> = [];
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

  validateTransform(local: Ipv4Address, _remote: Ipv4Address, part: TransformProposal, pfsGroup: DhGroupNumber | undefined): boolean {
    this.record('validateTransform');
    const [protocol] = protocolsOf(part);
    return protocol !== undefined && this.policies.some((policy) => policy.localAddress === local
      && pfsAccepted(policy.pfsGroup, pfsGroup) && policy.transformSets.some((set) => sameTransform(protocolPart(set, protocol), part)));
  }

  validateProposal(
    local: Ipv4Address, _remote: Ipv4Address, localProxy: ProxyIdentity, remoteProxy: ProxyIdentity,
    transform: TransformProposal, pfsGroup: DhGroupNumber | undefined,
  ): ProposalVerdict {
    this.record('validateProposal');
    const policy = this.policies.find((candidate) => candidate.localAddress === local
      && candidate.selectors.some((s) => sameProxy(s.local, localProxy) && sameProxy(s.remote, remoteProxy)));
    const set = policy?.transformSets.find((candidate) => sameTransform(candidate, transform));
    if (policy === undefined || set === undefined || !pfsAccepted(policy.pfsGroup, pfsGroup)) {
      return { ok: false, reason: 'proxy-identities-not-supported' };
    }
    return { ok: true, policy, transform: set };
  }

  allocateFlows(protocols: readonly IpsecProtocol[]): PerProtocol<FlowIds> {
    this.record('allocateFlows');
    const flows: PerProtocol<FlowIds> = {};
    for (const protocol of protocols) {
      flows[protocol] = { inboundConnId: this.nextFlow, outboundConnId: this.nextFlow + 1 };
      this.nextFlow += 2;
    }
    return flows;
  }

  installSaPair(install: SaPairInstall, connIds: PerProtocol<FlowIds>): void {
    this.record('installSaPair');
    this.installs.push({ install, connIds });
  }

  deletePeerSas(peer: Ipv4Address): void {
    this.record('deletePeerSas');
    this.deleted.push({ peer, protocol: 'esp', spis: [] });
  }

  deleteSas(peer: Ipv4Address, protocol: IpsecProtocol, spis: number[]): void {
    this.record('deleteSas');
    this.deleted.push({ peer, protocol, spis: [...spis] });
  }

  private record(call: PortCall): void {
    this.calls.push(call);
    this.onCall(call);
  }
}
