// Whether dist/ holds a build of the TypeScript sources as they are now (bin/tedlab.mjs).
// Plain JavaScript: it decides whether tsx is needed, so it cannot itself need tsx.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCE_FOLDERS = ['engine', 'bin', 'steps'];
const BUILD_INPUTS = ['package.json', 'tsconfig.json', 'tsconfig.build.json'];

/** The compiled entry point of a repository's build. */
export function builtEntry(root) {
  return path.join(root, 'dist', 'bin', 'tedlab.js');
}

function modifiedMs(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The newest modification time of the TypeScript sources and the build's settings. */
function newestSourceMs(root) {
  let newest = Math.max(...BUILD_INPUTS.map((file) => modifiedMs(path.join(root, file)) ?? 0));
  for (const folder of SOURCE_FOLDERS) {
    const dir = path.join(root, folder);
    if (modifiedMs(dir) === undefined) continue;
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      // Tests are never built (tsconfig.build.json): editing one leaves the build current.
      if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
      // Node 20 names the folder `path`; later versions `parentPath`.
      newest = Math.max(newest, modifiedMs(path.join(entry.parentPath ?? entry.path, entry.name)) ?? 0);
    }
  }
  return newest;
}

/** True when the build exists and no source or setting was changed after it was made. */
export function buildIsCurrent(root) {
  const built = modifiedMs(builtEntry(root));
  return built !== undefined && built >= newestSourceMs(root);
}
