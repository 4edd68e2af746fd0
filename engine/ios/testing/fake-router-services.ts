import type { PingRequest, PingResult } from '../../net/ping-types.ts';
import type { Route } from '../../net/route-types.ts';
import { IOS_BOOT_CLOCK_MS } from '../render/clock-format.ts';
import type { RouterServices } from '../router-services.ts';
import { createDebugFlags, type DebugFlags } from '../debug-flags.ts';
import type { CryptoServices } from '../crypto-services.ts';
import type { NatService } from '../../net/nat-types.ts';
import type { DynamicMapInstance } from '../render/show-crypto-map.ts';
import { SyslogLog } from '../session/syslog-log.ts';

/**
 * A scripted stand-in for the router in unit tests: fixed clock and routes, link states by
 * interface, ping results taken from a queue of marks, and a record of every call.
 */
export class FakeRouterServices implements RouterServices {
  uptime = 0;
  links = new Map<string, boolean>();
  installedRoutes: Route[] = [];
  /** Marks of the next pings (`!` answered in `rtt` ms, anything else lost). */
  pingMarks: string[] = [];
  rtt = [1, 2, 4, 1, 2];
  readonly pings: PingRequest[] = [];
  readonly logs: string[] = [];
  configChanges = 0;
  readonly debug: DebugFlags = createDebugFlags();

  instances: DynamicMapInstance[] = [];
  /** What the crypto show commands report, and what the clear commands were asked to clear. */
  readonly cryptoState = {
    isakmp: [] as ReturnType<CryptoServices['isakmpSas']>,
    ipsec: [] as ReturnType<CryptoServices['ipsecSas']>,
    engine: [] as ReturnType<CryptoServices['engineConnections']>,
    cleared: [] as string[],
  };

  /** A router without translations: an empty table and zero counters. */
  nat(): NatService {
    const counters = { hits: 0, misses: 0, expired: 0, failed: 0 };
    return { translations: () => [], counters: () => counters, clearDynamic: () => 0, clearCounters: () => {} };
  }

  crypto(): CryptoServices {
    const state = this.cryptoState;
    return {
      isakmpSas: () => state.isakmp,
      ipsecSas: () => state.ipsec,
      engineConnections: () => state.engine,
      clearIpsecSas: (peer) => void state.cleared.push(`sa ${peer ?? 'all'}`),
      clearIsakmp: (connId) => void state.cleared.push(`isakmp ${connId ?? 'all'}`),
    };
  }

  cryptoMapInstances(): DynamicMapInstance[] {
    return this.instances;
  }

  debugFlags(): DebugFlags {
    return this.debug;
  }

  uptimeMs(): number {
    return this.uptime;
  }

  clockMs(): number {
    return IOS_BOOT_CLOCK_MS + this.uptime;
  }

  interfaceLineUp(interfaceName: string): boolean {
    return this.links.get(interfaceName) ?? false;
  }

  routes(): Route[] {
    return this.installedRoutes;
  }

  ping(request: PingRequest): PingResult {
    this.pings.push(request);
    const count = request.count ?? 5;
    const marks = (this.pingMarks.shift() ?? '!'.repeat(count)).slice(0, count);
    const roundTrips = [...marks].flatMap((mark, i) => (mark === '!' ? [this.rtt[i % this.rtt.length]!] : []));
    return {
      destination: request.destination,
      count,
      size: request.size ?? 100,
      timeoutMs: request.timeoutMs ?? 2000,
      marks,
      roundTrips,
      received: roundTrips.length,
      successRate: Math.floor((100 * roundTrips.length) / count),
    };
  }

  onConfigChanged(): void {
    this.configChanges++;
  }

  syslog(message: string): void {
    this.logs.push(message);
  }

  readonly syslogLog = new SyslogLog();
  reloads = 0;

  logging(): SyslogLog {
    return this.syslogLog;
  }

  reload(): void {
    this.reloads++;
  }
}
