// The library API: what `import { Lab } from 'tedlab'` gives.
export * from './lab/index.ts';
