import { Then } from '@cucumber/cucumber';
import { expectExactly } from './support/expect.ts';
import type { LabWorld } from './support/world.ts';

/** What a router was given that tedlab does not model, one `TOPIC (IMPACT)` per line, in the order it came. */
Then('{string} was given what tedlab does not model:', function (this: LabWorld, router: string, expected: string) {
  const topics = this.lab.notModelled().filter((item) => item.router === router).map((item) => `${item.topic} (${item.impact})`);
  expectExactly(topics.join('\n'), expected, `what ${router} was given that tedlab does not model`);
});
