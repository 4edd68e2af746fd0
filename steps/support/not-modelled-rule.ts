import { unmodelledCommandsIn } from '../../engine/ios/commands/not-modelled.ts';
import type { Lab } from '../../engine/lab/index.ts';
import { asNotModelled, type ScenarioFailure } from './failures.ts';

/**
 * When a failing scenario is "Not modelled by tedlab" rather than a failure of the
 * configuration (engine/ios/COMMANDS.md states the rule for users):
 * - a check of an output that is tedlab's notice for a command it knows only by name
 *   (`show processes`): the real 2600 would have printed something else;
 * - any failing check (a text or an outcome) after the lab was given something whose missing
 *   model changes what a real 2600 would do (impact `behaviour`: a routing protocol, a DPD
 *   keepalive, `clock set`, a `debug` or `clear` tedlab lacks), from the topology or a step.
 * Not: management lines (logging, SNMP, NTP, AAA, banners, terminal lines, CDP), which nothing a
 * scenario observes depends on but `show running-config`, which shows them as typed; a `show`
 * command whose notice nobody checked; setup, scenario and engine failures, which are what they say.
 */

export function classifyForLab(failure: ScenarioFailure, lab: Lab | undefined): ScenarioFailure {
  if (lab === undefined) return failure;
  return asNotModelled(failure, lab.notModelled().filter((item) => item.impact === 'behaviour'));
}

/** A failed check of an output: not modelled when the output is a known-only command's notice. */
export function classifyOutputCheck(failure: ScenarioFailure, output: string, lab: Lab | undefined): ScenarioFailure {
  const commands = unmodelledCommandsIn(output);
  if (commands.length === 0) return failure;
  const reported = lab?.notModelled() ?? [];
  const notes = commands.map((line) => reported.find((item) => item.kind === 'exec' && line.startsWith(item.topic)) ?? { router: '?', line, topic: line });
  return asNotModelled(failure, notes);
}
