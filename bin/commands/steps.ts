import { STEP_CATALOGUE, type StepDoc } from '../../steps/step-catalogue.ts';
import { parseCommand } from './command-line.ts';

/** `tedlab steps`: every step a scenario can use, by group, with a line of help and an example. */

export const STEPS_USAGE = `usage: tedlab steps [--grep TEXT]

Lists every step tedlab defines, with a line of help and an example.

  --grep TEXT        only the steps whose words or help contain TEXT
  -h, --help         this text
`;

function formatStep(doc: StepDoc): string {
  const example = doc.example.split('\n').map((line) => `      ${line}`).join('\n');
  return `  ${doc.keyword} ${doc.expression}\n      ${doc.help}\n${example}\n`;
}

export function stepsText(filter?: string): string {
  const wanted = filter?.toLowerCase();
  const docs = STEP_CATALOGUE.filter((doc) => wanted === undefined || `${doc.expression} ${doc.help}`.toLowerCase().includes(wanted));
  const groups = [...new Set(docs.map((doc) => doc.group))];
  return groups.map((group) => `${group}\n\n${docs.filter((doc) => doc.group === group).map(formatStep).join('\n')}`).join('\n');
}

export async function stepsCommand(args: string[]): Promise<number> {
  const parsed = parseCommand('steps', args, { grep: { type: 'string' } }, STEPS_USAGE);
  if (typeof parsed === 'number') return parsed;
  const text = stepsText(parsed.values.grep);
  process.stdout.write(text === '' ? `no step mentions "${parsed.values.grep}"\n` : text);
  return 0;
}
