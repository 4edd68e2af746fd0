import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Files tedlab ships beside its code (the topology schema, the raw-IP relay, the `init`
 * template, package.json), found from tedlab's package folder. The code runs from its
 * TypeScript source in tedlab's repository and from `dist/` in an installed package, one folder
 * deeper: a path relative to the module would be right in only one of them.
 */

const PACKAGE_NAME = 'tedlab';

function isTedlabPackage(dir: string): boolean {
  const manifest = path.join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (isTedlabPackage(dir)) return dir;
    if (path.dirname(dir) === dir) throw new Error(`tedlab's package.json is not above ${start}`);
  }
}

/** The folder of tedlab's package.json. */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A file of tedlab's package, by its path in the package (`scenarios/topology.schema.json`). */
export function packageFile(relative: string): string {
  return path.join(PACKAGE_ROOT, relative);
}

/** Whether this code is the compiled JavaScript of an installed package (or a build), not the TypeScript source. */
export const RUNS_COMPILED = fileURLToPath(import.meta.url).endsWith('.js');

/** tedlab's version, from its package.json. */
export function tedlabVersion(): string {
  return (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version;
}
