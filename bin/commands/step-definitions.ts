import { packageFile, RUNS_COMPILED } from '../../engine/package-files.ts';

/**
 * Where tedlab's step definitions are, as absolute paths: a run in any folder imports them from
 * tedlab's installation, never from the user's project. An installed tedlab runs the compiled
 * JavaScript in dist/; in tedlab's own repository the TypeScript source runs through tsx.
 */

export function stepDefinitionImports(): string[] {
  // The build bundles the step definitions with the engine into one module (bin/bundle-steps.mjs).
  if (RUNS_COMPILED) return [packageFile('dist/steps/steps.bundle.js')];
  // Step definitions written in TypeScript need tsx's loader registered first.
  return [packageFile('steps/support/register-tsx.mjs'), packageFile('steps/**/!(*.test).ts')];
}

/** The snippet syntax that answers an undefined step with "did you mean" (steps/support/suggestion-snippets.ts). */
export function suggestionSnippetSyntax(): string {
  return RUNS_COMPILED ? packageFile('dist/steps/support/suggestion-snippets.js') : packageFile('steps/support/suggestion-snippets.ts');
}
