import { Lab, describeError } from '../../engine/lab/index.ts';
import { parseCommand } from './command-line.ts';

export const VALIDATE_USAGE = `usage: tedlab validate FILE...

Loads each topology file and the router configurations it names, and reports every problem as
file:line:col. Exit code 0 when every file is fine, 1 when one is not.

  -h, --help         this text
`;

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
  for (const file of files) {
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
