/**
 * A TED full mesh of N sites, for the benchmarks: every router on one WAN segment
 * (192.168.0.0/24), each with a LAN 10.N.0.0/24 and a host 10.N.0.10, the same TED template
 * and no peer configured anywhere. Every host pings every other once: each pair's first packet
 * sets off discovery, main mode and quick mode; then every tunnel is up.
 *
 * Run alone (`node --import tsx engine/lab/mesh.bench.ts N`) it prints one JSON record: the
 * wall-clock time to all tunnels up, the tunnels, and the process's peak RSS. bin/bench-main.ts runs
 * it in a fresh process per size so that one mesh's memory does not weigh on the next.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Lab } from './lab.ts';

export const MESH_SIZE_LIMIT = 253;

function routerConfig(site: number, sites: number): string {
  const routes = [];
  for (let other = 1; other <= sites; other++) {
    if (other !== site) routes.push(`ip route 10.${other}.0.0 255.255.255.0 192.168.0.${other}`);
  }
  return [
    `hostname S${site}`,
    'crypto isakmp policy 10',
    ' authentication pre-share',
    'crypto isakmp key abc123 address 0.0.0.0 0.0.0.0',
    'crypto ipsec transform-set ted-transforms esp-des esp-md5-hmac',
    'crypto dynamic-map ted-map 10',
    ' set transform-set ted-transforms',
    ' match address 101',
    'crypto map tedtag 10 ipsec-isakmp dynamic ted-map discover',
    'interface FastEthernet0/0',
    ` ip address 192.168.0.${site} 255.255.255.0`,
    ' crypto map tedtag',
    'interface FastEthernet0/1',
    ` ip address 10.${site}.0.1 255.255.255.0`,
    'ip classless',
    ...routes,
    `access-list 101 permit ip 10.${site}.0.0 0.0.0.255 10.0.0.0 0.255.255.255`,
    'end',
  ].join('\n');
}

/** The topology of an N-site mesh (2 to 253 sites), as YAML. */
export function meshTopology(sites: number): string {
  if (!Number.isInteger(sites) || sites < 2 || sites > MESH_SIZE_LIMIT) throw new RangeError(`a mesh has 2 to ${MESH_SIZE_LIMIT} sites`);
  const indented = (text: string): string => text.split('\n').map((line) => `      ${line}`).join('\n');
  const lines = ['seed: 1', 'routers:'];
  for (let site = 1; site <= sites; site++) lines.push(`  S${site}:`, '    model: c2600', '    config: |', indented(routerConfig(site, sites)));
  lines.push('hosts:');
  for (let site = 1; site <= sites; site++) lines.push(`  h${site}: { address: 10.${site}.0.10/24, gateway: 10.${site}.0.1 }`);
  lines.push('links:');
  const wan = Array.from({ length: sites }, (_, index) => `S${index + 1} FastEthernet0/0`).join(', ');
  lines.push(`  wan: { ends: [${wan}], capture: false }`);
  for (let site = 1; site <= sites; site++) lines.push(`  lan${site}: { ends: [S${site} FastEthernet0/1, h${site}], capture: false }`);
  return `${lines.join('\n')}\n`;
}

/** The circle method: N-1 rounds (N even) in which every site meets one other, every pair once. */
export function roundRobin(sites: number): [number, number][][] {
  const ring = Array.from({ length: sites % 2 === 0 ? sites : sites + 1 }, (_, index) => index + 1);
  const rounds: [number, number][][] = [];
  for (let round = 0; round < ring.length - 1; round++) {
    const pairs: [number, number][] = [];
    for (let index = 0; index < ring.length / 2; index++) {
      const [a, b] = [ring[index]!, ring[ring.length - 1 - index]!];
      if (a <= sites && b <= sites) pairs.push([Math.min(a, b), Math.max(a, b)]);
    }
    rounds.push(pairs);
    ring.splice(1, 0, ring.pop()!);
  }
  return rounds;
}

export interface MeshFigure {
  readonly sites: number;
  readonly tunnels: number;
  readonly loadMs: number;
  /** From the first ping to the last tunnel up. */
  readonly tunnelsUpMs: number;
  /** The CPU time (user + system, all threads) the same stretch took: steadier than the wall clock on a shared machine. */
  readonly tunnelsUpCpuMs: number;
  readonly peakRssMb: number;
}

/** Brings every tunnel of an N-site mesh up; throws if a pair does not get through. */
export function runMesh(sites: number): MeshFigure {
  const loadStart = performance.now();
  const lab = Lab.fromYaml(meshTopology(sites));
  const loadMs = performance.now() - loadStart;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let tunnels = 0;
  // Round by round, every site at once, each host in one pair (a host runs one ping at a time):
  // each pair's first echo goes to discovery, the second finds the tunnel up.
  for (const round of roundRobin(sites)) {
    const pings = round.map(([from, to]) => ({ pair: `h${from} -> h${to}`, ping: lab.startPing(`h${from}`, `h${to}`, { count: 2 }) }));
    const longest = Math.max(...pings.map(({ ping }) => ping.longestMs));
    for (let waited = 0; waited <= longest && !pings.every(({ ping }) => ping.done()); waited += 500) lab.advance(500);
    for (const { pair, ping } of pings) {
      if (!ping.done() || !ping.outcome().marks.endsWith('!')) throw new Error(`${pair}: ${ping.done() ? ping.outcome().marks : 'not done'}`);
    }
    tunnels += pings.length;
  }
  const tunnelsUpMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const tunnelsUpCpuMs = (cpu.user + cpu.system) / 1000;
  return { sites, tunnels, loadMs, tunnelsUpMs, tunnelsUpCpuMs, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(runMesh(Number(process.argv[2] ?? 16))));
}
