import type { Args, HelpTable } from '../cli/command-types.ts';
import type { KeptSection, KeptSectionKind } from '../config/config-model.ts';
import { IosText } from '../messages.ts';
import type { CommandContext, CommandSpec, ModeId } from './command-context.ts';
import { negatedSyntax } from './kept-commands.ts';
import { noteKeptLine, type NotModelledTopic } from './not-modelled.ts';

/**
 * Sections the lab keeps without carrying them out (`router ospf 1`, `ip dhcp pool LAN`,
 * `route-map NAME permit 10`): the head enters a sub-mode whose lines are checked by their
 * grammar and kept as IOS stores them, a later line with the same leading words replacing an
 * earlier one. The renderer puts each kind where IOS puts it (render/kept-sections.ts).
 */

export type SectionMode = Extract<ModeId, 'config-router' | 'dhcp-config' | 'config-route-map'>;

/** A sub-command of a kept section. */
export interface SubLineSpec {
  syntax: string;
  /** Leading words that identify the setting; 0 for repeatable lines (`network`), matched whole. */
  keyWords: number;
  /** On unless configured off: IOS shows only its `no` form (`no auto-summary`). */
  defaultOn?: boolean;
  /** The line as IOS stores it, where that differs from the words typed (defaults filled in). */
  canonical?: (args: Args) => string;
  /** Refuses the line for this section (a sub-command of another protocol). */
  refuse?: (section: KeptSection, args: Args) => Refusal;
}

/** Why IOS refuses a line: the typed offset its caret points at, or a command that needs more words. */
export type Refusal = number | 'incomplete' | undefined;

export function sectionOf(ctx: CommandContext): KeptSection {
  if (!('target' in ctx.mode) || !('head' in ctx.mode.target)) throw new Error(`section command ran in ${ctx.mode.id}`);
  return ctx.mode.target;
}

/** The section with this head, made if new; `fresh` gives the lines IOS adds to a new one. */
export function openSection(ctx: CommandContext, kind: KeptSectionKind, head: string, fresh: () => string[] = () => []): KeptSection {
  let section = ctx.config.keptSections.find((candidate) => candidate.kind === kind && candidate.head === head);
  if (section === undefined) {
    section = { kind, head, lines: fresh() };
    ctx.config.keptSections.push(section);
  }
  return section;
}

export function removeSections(ctx: CommandContext, matches: (section: KeptSection) => boolean): void {
  ctx.config.keptSections = ctx.config.keptSections.filter((section) => !matches(section));
}

const withoutNo = (text: string): string => text.replace(/^no /, '');

function keyOf(text: string, keyWords: number): string {
  const words = withoutNo(text).split(' ');
  return keyWords === 0 ? words.join(' ') : words.slice(0, keyWords).join(' ');
}

/** Stores a sub-line, or removes it (`no ...`), replacing the line with the same key. */
export function storeSubLine(section: KeptSection, spec: SubLineSpec, text: string, negate: boolean): void {
  const key = keyOf(text, spec.keyWords);
  section.lines = section.lines.filter((line) => keyOf(line, spec.keyWords) !== key);
  if (negate === !spec.defaultOn) return;
  section.lines.push(spec.defaultOn ? `no ${text}` : text);
}

function subLineRunner(spec: SubLineSpec, topicOf: (section: KeptSection) => NotModelledTopic) {
  return (ctx: CommandContext, args: Args): void => {
    const section = sectionOf(ctx);
    const refusal = spec.refuse?.(section, args);
    if (refusal === 'incomplete') return ctx.reject(`${IosText.incomplete}\n`);
    if (refusal !== undefined) return ctx.rejectAt(refusal);
    const negate = args.has('no');
    const text = spec.canonical?.(args) ?? args.canonical(negate ? 1 : 0);
    storeSubLine(section, spec, text, negate);
    noteKeptLine(ctx, topicOf(section), section.head);
  };
}

/** A sub-command and its `no` form, which takes anything after the words that identify it. */
export function subLineCommands(
  specs: readonly SubLineSpec[],
  help: HelpTable,
  topicOf: (section: KeptSection) => NotModelledTopic,
): CommandSpec[] {
  return specs.flatMap((spec) => {
    const run = subLineRunner(spec, topicOf);
    return [
      { syntax: spec.syntax, help, run, status: 'kept' as const },
      { syntax: negatedSyntax(spec.syntax, spec.keyWords), help, run, status: 'kept' as const },
    ];
  });
}

/** The order IOS writes a section's lines in, by their first word (`no` aside); unknown words last, as typed. */
export function orderLines(lines: readonly string[], order: readonly string[]): string[] {
  const rank = (line: string) => {
    const at = order.indexOf(withoutNo(line).split(' ')[0]!);
    return at < 0 ? order.length : at;
  };
  return [...lines].sort((a, b) => rank(a) - rank(b));
}
