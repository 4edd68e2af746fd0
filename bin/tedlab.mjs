#!/usr/bin/env node
// `tedlab` in tedlab's own repository. When dist/ holds a build at least as new as every source
// file (`npm run build`), it runs that compiled JavaScript, as an installed tedlab does: no tsx
// loader in this process or in each --parallel worker (tsx made a parallel run twice as slow as a
// serial one). Otherwise, or with TEDLAB_FROM_SOURCE=1, the TypeScript source runs through tsx.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildIsCurrent, builtEntry } from './build-freshness.mjs';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

if (process.env.TEDLAB_FROM_SOURCE !== '1' && buildIsCurrent(ROOT)) {
  await import(pathToFileURL(builtEntry(ROOT)).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./tedlab.ts');
}
