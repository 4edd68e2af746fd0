import { When, Then } from '@cucumber/cucumber';
import { describeError } from '../engine/lab/index.ts';
import { expectBlock } from './support/expect.ts';
import { OutcomeAssertionError } from './support/failures.ts';
import { echoLine, rejectionOf } from './support/rejected-command.ts';
import type { LabWorld } from './support/world.ts';

When('I run {string} on {string}', function (this: LabWorld, command: string, router: string) {
  this.output = this.lab.run(router, command);
  this.outputCommand = command;
  const transcript = this.lab.consoleTranscript(router);
  this.rejectedCommand = rejectionOf(router, command, this.output, transcript);
  this.outputEcho = echoLine(command, transcript);
});

When('I configure {string} with:', function (this: LabWorld, router: string, lines: string) {
  this.output = this.lab.configure(router, lines.split('\n'));
  this.outputCommand = 'configure terminal';
});

When('I type on {string}:', function (this: LabWorld, router: string, lines: string) {
  this.output = this.lab.type(router, lines.split('\n'));
  this.outputCommand = '';
});

When('I try to configure {string} with:', function (this: LabWorld, router: string, lines: string) {
  this.lastError = undefined;
  try {
    this.output = this.lab.configure(router, lines.split('\n'));
  } catch (error) {
    this.lastError = describeError(error);
  }
});

Then('the configuration fails with:', function (this: LabWorld, expected: string) {
  if (this.lastError === undefined) throw new OutcomeAssertionError('the configuration was accepted');
  expectBlock(this.lastError, expected, 'the configuration error');
});
