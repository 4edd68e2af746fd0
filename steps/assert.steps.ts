import { Then } from '@cucumber/cucumber';
import {
  expectContains, expectExactly, expectInOrder, expectMatches, expectNotContains, readReference,
} from './support/expect.ts';
import { updatingReferences } from './support/reference-update.ts';
import type { LabWorld } from './support/world.ts';
import { wholeDebugLog } from './support/debug-log.ts';

function nonBlankLines(docString: string): string[] {
  return docString.split('\n').filter((line) => line.trim() !== '');
}

Then('the output matches the reference {string}', function (this: LabWorld, reference: string) {
  if (updatingReferences()) return void this.updateReference(reference, { actual: this.output, echo: this.outputEcho });
  const expected = readReference(this.referencePath(reference));
  this.checkOutput((output) => expectMatches(output, expected, 'the output'));
});

Then('the output matches:', function (this: LabWorld, expected: string) {
  this.checkOutput((output) => expectMatches(output, expected, 'the output'));
});

Then('the output is exactly:', function (this: LabWorld, expected: string) {
  this.checkOutput((output) => expectExactly(output, expected, 'the output'));
});

Then('the output contains {string}', function (this: LabWorld, text: string) {
  this.checkOutput((output) => expectContains(output, text, 'the output'));
});

Then('the output does not contain {string}', function (this: LabWorld, text: string) {
  this.checkOutput((output) => expectNotContains(output, text, 'the output'));
});

Then('the debug log of {string} matches the reference {string}', function (this: LabWorld, router: string, reference: string) {
  if (updatingReferences()) return void this.updateReference(reference, { actual: wholeDebugLog(this.lab, router), kind: 'debug' });
  expectMatches(wholeDebugLog(this.lab, router), readReference(this.referencePath(reference)), `the debug log of ${router}`, 'debug');
});

Then('the debug log of {string} contains in order:', function (this: LabWorld, router: string, lines: string) {
  expectInOrder(wholeDebugLog(this.lab, router), nonBlankLines(lines), `the debug log of ${router}`);
});

Then('the debug log of {string} contains {string}', function (this: LabWorld, router: string, text: string) {
  expectContains(wholeDebugLog(this.lab, router), text, `the debug log of ${router}`);
});

Then('the debug log of {string} does not contain {string}', function (this: LabWorld, router: string, text: string) {
  expectNotContains(wholeDebugLog(this.lab, router), text, `the debug log of ${router}`);
});
