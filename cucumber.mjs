// For a plain `npx cucumber-js` in tedlab's repository. `tedlab run` does not read it: it
// configures Cucumber itself (bin/commands/run.ts), with the Allure and JUnit formatters.
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
