import path from 'node:path';
import { Given, When, Then } from '@cucumber/cucumber';
import { Lab, describeError } from '../engine/lab/index.ts';
import { parseHex } from '../engine/wire/bytes.ts';
import { requireAtLeast, requirePort } from './support/arguments.ts';
import { expectContains } from './support/expect.ts';
import { OutcomeAssertionError, ScenarioUsageError } from './support/failures.ts';
import type { LabWorld } from './support/world.ts';

Given('the lab {string}', function (this: LabWorld, name: string) {
  this.lab = Lab.load(this.labPath(name), { seed: this.seedOverride });
});

Given('the lab:', function (this: LabWorld, yaml: string) {
  this.inlineTopology = yaml;
  this.lab = Lab.fromYaml(yaml, { baseDir: this.inlineBaseDir, seed: this.seedOverride });
});

When('I try to load the lab {string}', function (this: LabWorld, name: string) {
  this.lastError = loadError(() => Lab.load(this.labPath(name), { seed: this.seedOverride }));
});

When('I try to load the lab:', function (this: LabWorld, yaml: string) {
  this.lastError = loadError(() => Lab.fromYaml(yaml, { baseDir: this.inlineBaseDir, seed: this.seedOverride }));
});

Then('loading fails with an error containing {string}', function (this: LabWorld, text: string) {
  if (this.lastError === undefined) throw new OutcomeAssertionError('the lab loaded without an error');
  expectContains(this.lastError, text, 'the load error');
});

When('{int} second(s) pass(es)', function (this: LabWorld, seconds: number) {
  requireAtLeast(seconds, 1, 'time passes by', 'second');
  this.lab.advance(seconds * 1000);
});

When('the link {string} goes down', function (this: LabWorld, link: string) {
  this.lab.setLinkUp(link, false);
});

When('the link {string} comes up', function (this: LabWorld, link: string) {
  this.lab.setLinkUp(link, true);
});

When('I save the capture of link {string} to {string}', function (this: LabWorld, link: string, dir: string) {
  this.lab.saveCapture(link, path.resolve(dir));
});

function loadError(load: () => Lab): string | undefined {
  try {
    load();
    return undefined;
  } catch (error) {
    return describeError(error);
  }
}

Then('loading fails with an error containing:', function (this: LabWorld, text: string) {
  if (this.lastError === undefined) throw new OutcomeAssertionError('the lab loaded without an error');
  expectContains(this.lastError, text.trim(), 'the load error');
});

When(
  'host {string} sends the UDP datagram {string} from port {int} to {string} port {int}',
  function (this: LabWorld, from: string, hex: string, sourcePort: number, to: string, destinationPort: number) {
    requirePort(sourcePort, 'the source port');
    requirePort(destinationPort, 'the destination port');
    const payload = parseHex(hex.replace(/\s+/g, ''));
    if (payload === undefined) throw new ScenarioUsageError(`"${hex}" is not hexadecimal bytes`);
    this.lab.sendUdp(from, to, { sourcePort, destinationPort, payload });
  },
);
