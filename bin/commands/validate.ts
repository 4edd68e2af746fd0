import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Lab, describeError } from '../../engine/lab/index.ts';
import { parseCommand } from './command-line.ts';

export const VALIDATE_USAGE = `usage: tedlab validate TOPOLOGY...

Loads each topology (a topology file, or a lab's folder holding topology.yaml) and the router
configurations it names, and reports every problem as file:line:col. Exit code 0 when every
topology is fine, 1 when one is not.

  -h, --help         this text
`;

/** A `.cfg` file, or a file whose first line is one a saved IOS configuration starts with. */
function looksLikeRouterConfig(named: string): boolean {
  if (named.endsWith('.cfg')) return true;
  if (!existsSync(named) || !statSync(named).isFile()) return false;
  const first = readFileSync(named, 'utf8').slice(0, 200).split('\n').find((line) => line.trim() !== '') ?? '';
  return /^(!|version \d|hostname |Building configuration|Current configuration)/.test(first.trim());
}

/** The topology file a name stands for: itself, or a lab folder's topology.yaml; or why there is none. */
function topologyFileOf(named: string): string | { problem: string } {
  if (named.endsWith('.feature')) return { problem: 'this is a feature file: tedlab validate checks topologies (tedlab run --dry-run checks features)' };
  if (looksLikeRouterConfig(named)) {
    return { problem: 'this is a router configuration: validate the topology that loads it (its config lines are checked with it)' };
  }
  if (existsSync(named) && statSync(named).isDirectory()) {
    const inside = path.join(named, 'topology.yaml');
    return existsSync(inside) ? inside : { problem: 'a folder without a topology.yaml' };
  }
  return named;
}

/** `tedlab validate FILE...`: loads each topology and its router configurations, reports every problem. */
export async function validateTopology(args: string[]): Promise<number> {
  const parsed = parseCommand('validate', args, {}, VALIDATE_USAGE);
  if (typeof parsed === 'number') return parsed;
  const files = parsed.positionals;
  if (files.length === 0) {
    process.stderr.write('tedlab validate: name at least one topology file\n');
    return 2;
  }
  let failures = 0;
  for (const named of files) {
    const file = topologyFileOf(named);
    if (typeof file !== 'string') {
      failures++;
      process.stderr.write(`${named}: ${file.problem}\n`);
      continue;
    }
    try {
      const lab = Lab.load(file);
      const { routers, hosts, links } = lab.summary();
      process.stdout.write(`${file}: ok (${routers} routers, ${hosts} hosts, ${links} links)\n`);
    } catch (error) {
      failures++;
      process.stderr.write(`${describeError(error)}\n`);
    }
  }
  return failures === 0 ? 0 : 1;
}
