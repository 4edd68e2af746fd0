// Used by `tedlab run` (bin/commands/run.ts) and by a plain `npx cucumber-js`.
// `tedlab run` adds the Allure and JUnit formatters (bin/report/cucumber-reporting.ts).
export default {
  // Unit tests of the support code sit beside it and are not step definitions.
  import: ['steps/support/register-tsx.mjs', 'steps/**/!(*.test).ts'],
  format: ['progress'],
  formatOptions: {
    snippetInterface: 'synchronous',
    // Attachments are for the report; on the console they are Allure's runtime messages.
    printAttachments: false,
  },
  strict: true,
};
