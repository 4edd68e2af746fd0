/**
 * Benchmarks of the whole engine, in wall-clock time (tests never time anything): how long a lab
 * takes to load, to bring a tunnel up, to carry pings through ESP and to live an hour of virtual
 * time. `npm run bench` (bin/bench-main.ts) prints them with the other figures; compare runs on the
 * same machine.
 */
import { performance } from 'node:perf_hooks';
import { packageFile } from '../package-files.ts';
import { Lab } from './lab.ts';

// From the package's root, not this file: `npm run bench` runs a compiled copy of it elsewhere.
const STATIC_TUNNEL = packageFile('scenarios/examples/static-tunnel/topology.yaml');
const TED_DOC = packageFile('scenarios/ted-doc/topology.yaml');

export interface Result {
  name: string;
  runs: number;
  medianMs: number;
  detail: string;
}

function measure(name: string, runs: number, body: () => string): Result {
  const times: number[] = [];
  let detail = '';
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    detail = body();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, runs, medianMs: times[Math.floor(times.length / 2)]!, detail };
}

/** The engine's own figures, in this process. */
export function measureLab(): Result[] {
  return [
    measure('load the document lab', 20, () => `${Lab.load(TED_DOC).summary().routers} routers`),
    measure('bring a static tunnel up (first ping)', 10, () => Lab.load(STATIC_TUNNEL).ping('pc1', 'pc2').marks),
    measure('1000 pings through ESP', 5, () => {
      const lab = Lab.load(STATIC_TUNNEL);
      lab.ping('pc1', 'pc2');
      const ping = lab.ping('pc1', 'pc2', { count: 1000 });
      return `${ping.received} replies`;
    }),
    measure('an hour of virtual time with a tunnel up (rekey included)', 5, () => {
      const lab = Lab.load(STATIC_TUNNEL);
      lab.ping('pc1', 'pc2');
      lab.advance(3_600_000);
      return lab.ping('pc1', 'pc2').marks;
    }),
  ];
}
