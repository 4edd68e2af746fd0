// The last step of `npm run build`: tedlab's step definitions and the engine under them, as one
// module. Cucumber imports step definitions in every process of a run (the main one and each
// --parallel worker), and loading the ~280 compiled modules one by one took 300 ms of each;
// the bundle takes 130. It bundles the compiled JavaScript tsc wrote to dist/steps, in the
// order Cucumber would import those files (sorted paths), so hooks register in the same order.
// Packages stay outside: the step definitions must share the running Cucumber's instance.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const STEPS = path.join(ROOT, 'dist', 'steps');
const STEPS_BUNDLE = 'steps.bundle.js';

const modules = readdirSync(STEPS, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.js') && entry.name !== STEPS_BUNDLE)
  .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
  .sort();

await build({
  stdin: {
    contents: modules.map((file) => `import './${path.relative(STEPS, file).split(path.sep).join('/')}';`).join('\n'),
    resolveDir: STEPS,
    sourcefile: 'steps-entry.js',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile: path.join(STEPS, STEPS_BUNDLE),
  logLevel: 'warning',
});
