#!/usr/bin/env node
// The `tedlab` command of an installed package (compiled to dist/bin/tedlab.js).
import { PACKAGE_ROOT, RUNS_COMPILED } from '../engine/package-files.ts';
import { compileCacheFolder, installCompileCache } from './compile-cache.ts';
import { main } from './main.ts';

// From the TypeScript source, tsx compiles the modules; the cache is for the built command.
if (RUNS_COMPILED) installCompileCache(compileCacheFolder(PACKAGE_ROOT));
process.exitCode = await main(process.argv.slice(2));
