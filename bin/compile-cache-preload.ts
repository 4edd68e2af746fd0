// Loaded with `--import` into each --parallel worker (run.ts puts it in the workers' NODE_OPTIONS):
// a worker loads Cucumber and Allure from the same compile cache as the command.
import { PACKAGE_ROOT } from '../engine/package-files.ts';
import { compileCacheFolder, installCompileCache } from './compile-cache.ts';

installCompileCache(compileCacheFolder(PACKAGE_ROOT));
