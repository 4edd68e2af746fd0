import type { NatService } from '../net/nat-types.ts';
import type { PingRequest, PingResult } from '../net/ping-types.ts';
import type { Route } from '../net/route-types.ts';
import type { ArpService } from '../net/arp-cache.ts';
import type { InterfaceStatistics } from '../net/interface-activity.ts';
import type { TracerouteRequest, TracerouteResult } from '../net/traceroute-types.ts';
import type { MacAddress } from '../wire/mac-address.ts';
import type { DebugFlags } from './debug-flags.ts';
import type { CryptoServices } from './crypto-services.ts';
import type { DynamicMapInstance } from './render/show-crypto-map.ts';
import type { SyslogLog } from './session/syslog-log.ts';

/**
 * The port through which the CLI reaches the rest of the router: what exec commands need
 * to know about the running box, and the hooks through which configuration reaches it.
 * The router implements it; tests use a fake.
 */
export interface RouterServices {
  /** Virtual milliseconds since the router booted (`show version` uptime). */
  uptimeMs(): number;
  /** The router's calendar clock in milliseconds since 1970 UTC; IOS boots at 1993-03-01 00:00. */
  clockMs(): number;
  /** Whether the interface's line protocol is up (cable, peer). Asked only for interfaces not shut down. */
  interfaceLineUp(interfaceName: string): boolean;
  /** Whether the interface itself is up (`Serial0/0 is up`) whatever its line protocol; default: as the line protocol. */
  interfaceStatusUp?(interfaceName: string): boolean;
  /** The installed routes, as `show ip route` lists them. */
  routes(): Route[];
  /** Runs a ping to completion in virtual time. */
  ping(request: PingRequest): PingResult;
  /** The configuration the router applies changed (called once per accepted line or loaded file). */
  onConfigChanged(): void;
  /** The router's IKE and IPsec, for the crypto show and clear commands. */
  crypto(): CryptoServices;
  /** Crypto map entries created from dynamic map templates for the peers that are up. */
  cryptoMapInstances(): DynamicMapInstance[];
  /** The router's `debug` switches, which the CLI turns on and off. */
  debugFlags(): DebugFlags;
  /** A syslog message for the console log (`%SYS-5-CONFIG_I: ...`), without timestamp. */
  syslog(message: string): void;
  /** The router's NAT table and counters; without it the NAT tables show empty. */
  nat(): NatService;
  /** The router's ARP table (`show arp`, `clear arp-cache`); without it the table shows only its heading. */
  arp?(): ArpService;
  /** An interface's MAC and traffic (`show interfaces`); without it the counters show zero. */
  interfaceActivity?(interfaceName: string): InterfaceActivityReport | undefined;
  /** `clear counters [IF]` confirmed: the statistics of one interface, or of all, start again from zero. */
  clearCounters?(interfaceName?: string): void;
  /** Runs a traceroute to completion in virtual time; without it `traceroute` says it is not modelled. */
  traceroute?(request: TracerouteRequest): TracerouteResult;
  /** The logging process's counters and buffer (`show logging`). */
  logging(): SyslogLog;
  /** `reload` confirmed: the router goes down now and boots from its startup configuration. */
  reload(): void;
}

/** What a port counted, read at `nowMs` (virtual time, the clock its statistics are stamped with). */
export interface InterfaceActivityReport {
  mac: MacAddress;
  statistics: InterfaceStatistics;
  nowMs: number;
}
