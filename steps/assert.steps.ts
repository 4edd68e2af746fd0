import { Then } from '@cucumber/cucumber';
import {
  expectContains, expectExactly, expectInOrder, expectMatches, expectNotContains, readReference,
} from './support/expect.ts';
import type { LabWorld } from './support/world.ts';

function nonBlankLines(docString: string): string[] {
  return docString.split('\n').filter((line) => line.trim() !== '');
}

Then('the output matches the reference {string}', function (this: LabWorld, reference: string) {
  expectMatches(this.output, readReference(this.scenarioPath(reference)), 'the output');
});

Then('the output matches:', function (this: LabWorld, expected: string) {
  expectMatches(this.output, expected, 'the output');
});

Then('the output is exactly:', function (this: LabWorld, expected: string) {
  expectExactly(this.output, expected, 'the output');
});

Then('the output contains {string}', function (this: LabWorld, text: string) {
  expectContains(this.output, text, 'the output');
});

Then('the output does not contain {string}', function (this: LabWorld, text: string) {
  expectNotContains(this.output, text, 'the output');
});

Then('the debug log of {string} matches the reference {string}', function (this: LabWorld, router: string, reference: string) {
  expectMatches(this.lab.debugLog(router), readReference(this.scenarioPath(reference)), `the debug log of ${router}`, 'debug');
});

Then('the debug log of {string} contains in order:', function (this: LabWorld, router: string, lines: string) {
  expectInOrder(this.lab.debugLog(router), nonBlankLines(lines), `the debug log of ${router}`);
});

Then('the debug log of {string} contains {string}', function (this: LabWorld, router: string, text: string) {
  expectContains(this.lab.debugLog(router), text, `the debug log of ${router}`);
});

Then('the debug log of {string} does not contain {string}', function (this: LabWorld, router: string, text: string) {
  expectNotContains(this.lab.debugLog(router), text, `the debug log of ${router}`);
});
