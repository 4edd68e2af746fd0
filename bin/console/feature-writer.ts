import path from 'node:path';
import type { RecordedStep } from './recorder.ts';

/**
 * Recorded steps as a feature file. An output is asserted in a DocString (`Then the output
 * matches:`), or, with a references folder, in a reference file of its own that the step names
 * (`Then the output matches the reference "..."`), written the way the document's references
 * are: the command's echo first, then what the router printed.
 */

export interface FeatureOptions {
  /** Where the feature goes: lab and reference names are relative to its folder, which `tedlab run` searches first. */
  featureFile: string;
  /** The lab as `Given the lab` names it from the feature's folder. */
  labName: string;
  /** The lab as the user named it, for the titles. */
  labTitle: string;
  /** Write each output into a reference file in this folder instead of a DocString. */
  referencesDir?: string;
}

export interface WrittenFeature {
  feature: string;
  references: { file: string; text: string }[];
}

const STEP_INDENT = '    ';
const DOC_INDENT = '      ';

export function writeFeature(steps: readonly RecordedStep[], options: FeatureOptions): WrittenFeature {
  const references: WrittenFeature['references'] = [];
  const names = new Set<string>();
  const lines = [
    `Feature: Console session on the lab "${options.labTitle}"`,
    '',
    '  Scenario: Recorded with tedlab console',
    `${STEP_INDENT}Given the lab "${options.labName}"`,
  ];
  let previous = 'Given';
  for (const step of steps) {
    const { text, docString } = 'output' in step ? outputStep(step.output, options, names, references) : step;
    lines.push(`${STEP_INDENT}${step.keyword === previous ? 'And' : step.keyword} ${text}`);
    if (docString !== undefined) lines.push(...docStringLines(docString));
    previous = step.keyword;
  }
  return { feature: `${lines.join('\n')}\n`, references };
}

type Output = Extract<RecordedStep, { output: unknown }>['output'];

function outputStep(output: Output, options: FeatureOptions, names: Set<string>, references: WrittenFeature['references']): { text: string; docString?: string } {
  if (options.referencesDir === undefined) return { text: 'the output matches:', docString: output.text };
  const file = path.join(options.referencesDir, uniqueName(`${output.router.toLowerCase()}.${slug(output.name)}`, names));
  references.push({ file, text: `${output.echo}${output.text}\n` });
  const relative = path.relative(path.dirname(options.featureFile), file).split(path.sep).join('/');
  return { text: `the output matches the reference "${relative}"` };
}

/** A file name from a command: `show crypto isakmp sa` gives `show-crypto-isakmp-sa`. */
export function slug(command: string): string {
  const words = command.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return words.slice(0, 60).replace(/-$/, '') || 'output';
}

function uniqueName(base: string, taken: Set<string>): string {
  let name = `${base}.txt`;
  for (let count = 2; taken.has(name); count++) name = `${base}-${count}.txt`;
  taken.add(name);
  return name;
}

/** A DocString; a line holding the delimiter is escaped the way Gherkin reads it back. */
function docStringLines(text: string): string[] {
  const body = text.split('\n').map((line) => (line === '' ? '' : `${DOC_INDENT}${line.replace('"""', '\\"\\"\\"')}`));
  return [`${DOC_INDENT}"""`, ...body, `${DOC_INDENT}"""`];
}

/**
 * The lab as `Given the lab` finds it from the feature's folder: the name as the user gave it
 * when it leads there, else the path from the feature's folder to the lab's folder (or topology).
 */
export function labNameFrom(featureFile: string, given: string, topologyFile: string, resolvesFromFeature: (name: string) => string | undefined): string {
  if (resolvesFromFeature(given) === topologyFile) return given;
  const target = path.basename(topologyFile) === 'topology.yaml' ? path.dirname(topologyFile) : topologyFile;
  return path.relative(path.dirname(featureFile), target).split(path.sep).join('/') || '.';
}
