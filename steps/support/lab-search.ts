import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ScenarioUsageError } from './failures.ts';

/**
 * Where a scenario's labs and reference files are: beside its feature file, then in ./labs and
 * ./scenarios of the working folder, then in the folders `tedlab run --labs DIR` named. A name
 * not found in any of them is an error that lists where tedlab looked.
 */

export function searchFolders(featureFile: string | undefined, cwd = process.cwd()): string[] {
  const extra = [process.env.TEDLAB_LABS, process.env.TEDLAB_SCENARIOS]
    .flatMap((list) => (list === undefined || list === '' ? [] : list.split(path.delimiter)));
  const folders = [
    ...(featureFile === undefined ? [] : [path.dirname(featureFile)]),
    path.join(cwd, 'labs'),
    path.join(cwd, 'scenarios'),
    ...extra.map((dir) => path.resolve(cwd, dir)),
  ];
  return [...new Set(folders)];
}

/** A lab by name (its folder's topology.yaml) or by the path of its topology file. */
export function findLab(name: string, folders: readonly string[]): string {
  const relative = /\.ya?ml$/.test(name) ? name : path.join(name, 'topology.yaml');
  return findFile(relative, folders, `lab "${name}"`);
}

/** A reference file by its path below a lab folder, e.g. `ted-doc/reference/daphne.debug.txt`. */
export function findReference(relative: string, folders: readonly string[]): string {
  return findFile(relative, folders, `reference "${relative}"`);
}

/**
 * Where a reference that does not exist yet goes (`--update-references`): into the first of the
 * folders that has the reference's first folder (`site/isakmp-sa.txt` goes beside the lab
 * `site`, wherever that was found), else beside the feature.
 */
export function newReferencePath(relative: string, folders: readonly string[]): string {
  if (path.isAbsolute(relative)) return relative;
  const [first] = relative.split(/[\\/]/);
  const home = folders.find((folder) => first !== undefined && first !== relative && isFolder(path.resolve(folder, first)));
  return path.resolve(home ?? folders[0] ?? process.cwd(), relative);
}

function isFolder(candidate: string): boolean {
  return existsSync(candidate) && statSync(candidate).isDirectory();
}

function findFile(relative: string, folders: readonly string[], what: string): string {
  if (path.isAbsolute(relative)) {
    if (existsSync(relative)) return relative;
    throw new ScenarioUsageError(`${what} not found: there is no ${relative}`);
  }
  for (const folder of folders) {
    const candidate = path.resolve(folder, relative);
    if (existsSync(candidate)) return candidate;
  }
  const looked = folders.map((folder) => `  ${displayPath(path.resolve(folder, relative))}`).join('\n');
  throw new ScenarioUsageError(
    `${what} not found; tedlab looked for it at\n${looked}\n` +
    'Put it beside the feature file, in ./labs or ./scenarios, or name its folder with tedlab run --labs DIR.',
  );
}

/** A path as the user thinks of it: relative to the working folder when it is inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
