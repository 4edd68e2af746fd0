import { Lab, describeError } from '../../engine/lab/index.ts';

/** `tedlab validate FILE...`: loads each topology and its router configurations, reports every problem. */
export async function validateTopology(files: string[]): Promise<number> {
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
