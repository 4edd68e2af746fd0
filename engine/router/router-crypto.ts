import type { Sim } from '../sim/sim.ts';
import type { IpNode } from '../net/ip-node.ts';
import { IkeDaemon, type CpuCosts } from '../ike/index.ts';
import { IpsecEngine } from '../ipsec/index.ts';
import {
  aggressiveModePasswords, aggressiveModePeerAddresses,
  engineConnectionRow, findAccessList, isakmpEngineAlgorithm, renderIkeTrace, renderIpsecDebugMessage,
  type CryptoServices, type DebugSubsystem, type DynamicMapInstance, type IosConfig,
} from '../ios/index.ts';
import { DynamicMapInstances } from './dynamic-map-instances.ts';
import { buildCryptoPolicies } from './crypto-policies.ts';

/** How the router's crypto runs: what each operation costs its CPU. */
export interface RouterCryptoOptions {
  cpuCosts?: Partial<CpuCosts>;
  /** How many times the router booted before this one: each boot draws its cookies and SPIs afresh. */
  boot?: number;
}

/** Where the router's crypto subsystems print: debug messages by switch, syslog always. */
export interface CryptoConsole {
  debug(subsystem: DebugSubsystem, text: string): void;
  syslog(text: string): void;
  /** Whether a debug message of the subsystem would be printed now: its text is made only then. */
  wants(subsystem: DebugSubsystem): boolean;
}

/**
 * A router's IKE daemon and IPsec data plane, wired to each other, to its IP stack and to its
 * console, and kept in line with its configuration.
 */
export class RouterCrypto {
  readonly ipsec: IpsecEngine;
  readonly ike: IkeDaemon;
  /** Every ISAKMP SA's Wireshark row, kept after the SA is gone so old captures still decrypt. */
  private readonly ikeKeyRows: string[] = [];

  private readonly instances = new DynamicMapInstances();

  constructor(sim: Sim, node: IpNode, config: IosConfig, output: CryptoConsole, options: RouterCryptoOptions = {}) {
    // The first boot keeps the stream names every recorded lab was made with.
    const stream = (name: string) => sim.random.fork(options.boot ? `${node.name}/${name}/boot${options.boot}` : `${node.name}/${name}`);
    const print = (subsystem: DebugSubsystem | 'syslog', text: string): void =>
      subsystem === 'syslog' ? output.syslog(text) : output.debug(subsystem, text);
    // Debug text is made only when a switch that prints it is on (a big lab has thousands of events a second).
    const wanted = (subsystem: DebugSubsystem | 'syslog'): boolean => subsystem === 'syslog' || output.wants(subsystem);
    this.ipsec = new IpsecEngine({
      node,
      random: stream('ipsec'),
      trace: (event) => {
        if (wanted(event.subsystem)) print(event.subsystem, renderIpsecDebugMessage(event));
      },
      traceWanted: wanted,
      accessLists: (name) => findAccessList(config, name),
    });
    this.ike = new IkeDaemon({
      sim,
      node,
      random: stream('ike'),
      port: this.ipsec,
      trace: (event) => {
        if (!wanted(event.subsystem)) return;
        const { subsystem, text } = renderIkeTrace(event);
        print(subsystem, text);
      },
      traceWanted: wanted,
      onKeys: (keys) => this.ikeKeyRows.push(keys.wiresharkRow),
      ...(options.cpuCosts === undefined ? {} : { cpuCosts: options.cpuCosts }),
    });
    this.ipsec.connect(this.ike);
    this.configure(config);
  }

  /**
   * Hands the configuration as it now stands to IKE and to the data plane. An aggressive-mode
   * password is the key for its peer; `crypto isakmp aggressive-mode disable` stays a
   * configuration line only, as IKE has no switch to refuse an AM1.
   */
  configure(config: IosConfig): void {
    this.ipsec.setPolicies([...buildCryptoPolicies(config).values()].flat());
    this.ike.configure({
      policies: config.crypto.isakmpPolicies,
      presharedKeys: config.crypto.isakmpKeys,
      aggressiveModePasswords: aggressiveModePasswords(config.crypto),
      aggressiveModePeers: aggressiveModePeerAddresses(config.crypto),
      aggressiveModeDisabled: config.crypto.aggressiveModeDisabled,
    });
  }

  services(): CryptoServices {
    return {
      isakmpSas: () => this.ike.isakmpSaRows(),
      ipsecSas: () => this.ipsec.snapshot(),
      engineConnections: () => [
        ...this.ike.engineConnections().map((connection) => ({
          connId: connection.connId,
          state: 'set',
          algorithm: isakmpEngineAlgorithm(connection),
          encrypt: 0,
          decrypt: 0,
        })),
        ...this.ipsec.engineConnections().map(engineConnectionRow),
      ],
      clearIpsecSas: (peer) => this.ipsec.clearSas(peer === undefined ? {} : { peer }),
      clearIsakmp: (connId) => this.ike.clearIsakmp(connId),
    };
  }

  /** The crypto map entries IOS made from dynamic map templates for the peers whose SAs are up. */
  dynamicMapInstances(config: IosConfig): DynamicMapInstance[] {
    return this.instances.update(config, this.ipsec.dynamicPeers());
  }

  /** The router goes down: IKE lets go of UDP/500 and the data plane of the IP stack, silently. */
  stop(): void {
    this.ike.stop();
    this.ipsec.detach();
  }

  /** The Wireshark UAT rows that decrypt what this router sent and received. */
  wiresharkKeys(): { espSa: string[]; ahSa: string[]; ikeDecryption: string[] } {
    return { espSa: this.ipsec.espSaRows(), ahSa: this.ipsec.ahSaRows(), ikeDecryption: [...this.ikeKeyRows] };
  }
}
