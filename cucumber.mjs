// Used by `tedlab run` (bin/commands/run.ts) and by a plain `npx cucumber-js`.
export default {
  import: ['steps/support/register-tsx.mjs', 'steps/**/*.ts'],
  format: ['progress'],
  formatOptions: { snippetInterface: 'synchronous' },
  strict: true,
};
