#!/usr/bin/env node
// `tedlab` in tedlab's own repository: the TypeScript source, run through tsx's loader.
// An installed package runs the compiled dist/bin/tedlab.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./tedlab.ts');
