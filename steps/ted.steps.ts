import { Then } from '@cucumber/cucumber';
import { OutcomeAssertionError, textEvidence } from './support/failures.ts';
import type { LabWorld } from './support/world.ts';

/** What two routers' SAs say about each other: one's inbound SA is the other's outbound SA, and they ran one quick mode. */

const hex = (spis: readonly number[]): string => (spis.length === 0 ? 'none' : spis.map((spi) => `0x${spi.toString(16).toUpperCase()}`).join(', '));

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  return a.length > 0 && a.length === b.length && a.every((value) => b.includes(value));
}

Then('the inbound SPI of {string} is the outbound SPI of {string}', function (this: LabWorld, receiver: string, sender: string) {
  const inbound = this.lab.ipsecSpis(receiver).inbound;
  const outbound = this.lab.ipsecSpis(sender).outbound;
  if (!sameSet(inbound, outbound)) {
    const message = `${receiver}'s inbound SPIs (${hex(inbound)}) are not ${sender}'s outbound SPIs (${hex(outbound)})`;
    throw new OutcomeAssertionError(message, [textEvidence(`${receiver} inbound`, hex(inbound)), textEvidence(`${sender} outbound`, hex(outbound))]);
  }
});

Then('{string} and {string} used the same quick-mode message ID', function (this: LabWorld, first: string, second: string) {
  const ours = this.lab.quickModeMessageIds(first);
  const theirs = this.lab.quickModeMessageIds(second);
  if (!sameSet(ours, theirs)) {
    const message = `the quick-mode message IDs of ${first} (${ours.join(', ') || 'none'}) and ${second} (${theirs.join(', ') || 'none'}) differ`;
    throw new OutcomeAssertionError(message, [textEvidence(first, ours.join('\n')), textEvidence(second, theirs.join('\n'))]);
  }
});
