/**
 * A read-only view of an Allure results folder (`*-result.json`, `*-container.json` and the
 * attachment files), for checking what a run wrote.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export interface AllureAttachment {
  name: string;
  source: string;
  type: string;
}

export interface AllureStep {
  name: string;
  status?: string;
  steps: AllureStep[];
  attachments: AllureAttachment[];
}

export interface AllureResult extends AllureStep {
  uuid: string;
  fullName?: string;
  historyId?: string;
  statusDetails?: { message?: string; trace?: string };
  labels: { name: string; value: string }[];
  parameters: { name: string; value: string; excluded?: boolean }[];
}

export interface AllureContainer {
  name?: string;
  children: string[];
  befores: AllureStep[];
  afters: AllureStep[];
}

function readJsonFiles<T>(dir: string, suffix: string): T[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(suffix))
    .map((file) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as T);
}

export class AllureResults {
  readonly results: AllureResult[];
  readonly containers: AllureContainer[];

  constructor(readonly dir: string) {
    this.results = readJsonFiles<AllureResult>(dir, '-result.json');
    this.containers = readJsonFiles<AllureContainer>(dir, '-container.json');
  }

  /** The one result of the scenario with this name; throws if there is not exactly one. */
  scenario(name: string): AllureResult {
    const found = this.results.filter((result) => result.name === name);
    if (found.length !== 1) throw new Error(`${found.length} results are named "${name}"`);
    return found[0]!;
  }

  /** The steps of the scenario's After hooks (what they attached, grouped as they grouped it). */
  teardown(result: AllureResult): AllureStep[] {
    return this.containers
      .filter((container) => container.children.includes(result.uuid))
      .flatMap((container) => container.afters);
  }

  /** An attachment's bytes. */
  content(attachment: AllureAttachment): Buffer {
    return readFileSync(path.join(this.dir, attachment.source));
  }

  text(attachment: AllureAttachment): string {
    return this.content(attachment).toString('utf8');
  }
}

/**
 * A step's attachments, its sub-steps' included (Allure wraps each attachment in a step of its
 * name, written without the empty lists).
 */
export function attachmentsOf(step: AllureStep): AllureAttachment[] {
  return [...(step.attachments ?? []), ...(step.steps ?? []).flatMap(attachmentsOf)];
}

/** The direct step of `parent` whose name starts with `prefix`. */
export function stepNamed(parent: AllureStep, prefix: string): AllureStep {
  const step = parent.steps.find((candidate) => candidate.name.startsWith(prefix));
  if (step === undefined) throw new Error(`no step "${prefix}..." in "${parent.name}"`);
  return step;
}

export function attachmentNamed(step: AllureStep, name: string): AllureAttachment {
  const attachment = attachmentsOf(step).find((candidate) => candidate.name === name);
  if (attachment === undefined) throw new Error(`no attachment "${name}" in "${step.name}"`);
  return attachment;
}

export function labelValues(result: AllureResult, name: string): string[] {
  return result.labels.filter((label) => label.name === name).map((label) => label.value);
}
