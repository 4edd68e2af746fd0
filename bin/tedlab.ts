#!/usr/bin/env node
// The `tedlab` command of an installed package (compiled to dist/bin/tedlab.js).
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
