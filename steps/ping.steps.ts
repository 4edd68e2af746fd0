import { When, Then } from '@cucumber/cucumber';
import { requireAtLeast } from './support/arguments.ts';
import { expectOutcome } from './support/expect.ts';
import type { LabWorld } from './support/world.ts';

When('host {string} pings {string}', function (this: LabWorld, from: string, to: string) {
  this.lastPing = this.lab.ping(from, to);
  this.output = this.lastPing.output;
});

When('host {string} pings {string} {int} times', function (this: LabWorld, from: string, to: string, count: number) {
  requireAtLeast(count, 1, 'a ping sends', 'echo');
  this.lastPing = this.lab.ping(from, to, { count });
  this.output = this.lastPing.output;
});

When('host {string} traces the route to {string}', function (this: LabWorld, from: string, to: string) {
  this.output = this.lab.traceroute(from, to).output;
});

Then('the ping success rate is {int} percent', function (this: LabWorld, percent: number) {
  expectOutcome(this.ping.successRate, percent, 'the ping success rate', this.ping.output);
});

Then('the ping shows {string}', function (this: LabWorld, marks: string) {
  expectOutcome(this.ping.marks, marks, 'the ping marks', this.ping.output);
});
