import type { AccessList, AclKind } from '../../net/acl-types.ts';
import { isAclEntry } from '../../net/acl-types.ts';
import type { Args, HelpTable } from '../cli/command-types.ts';
import { sameAclEntry } from '../config/acl-text.ts';
import { findAccessList } from '../config/config-model.ts';
import { IosText } from '../messages.ts';
import { targetOf, type CommandContext, type CommandSpec } from './command-context.ts';
import { entryFromArgs, entrySyntaxes } from './acl-grammar.ts';

/** Numbered `access-list` lines, `ip access-list` named lists and their sub-modes. */

const NUMBER_RANGES: Record<AclKind, string> = {
  standard: '(<1-99>$list|<1300-1999>$list)',
  extended: '(<100-199>$list|<2000-2699>$list)',
};

const NUMBERED_HELP: HelpTable = {
  'access-list': 'Add an access list entry',
  '<1-99>': 'IP standard access list',
  '<100-199>': 'IP extended access list',
  '<1300-1999>': 'IP standard access list (expanded range)',
  '<2000-2699>': 'IP extended access list (expanded range)',
  remark: 'Access list entry comment',
  $remark: 'Comment up to 100 characters',
  $rest: 'Access list entry to remove with its list',
};

function listFor(ctx: CommandContext, name: string, kind: AclKind, named: boolean): AccessList {
  let list = findAccessList(ctx.config, name);
  if (!list) {
    list = { name, kind, named, lines: [] };
    ctx.config.accessLists.push(list);
  }
  return list;
}

function addNumberedEntry(kind: AclKind) {
  return (ctx: CommandContext, args: Args): void => {
    const list = listFor(ctx, args.get('list')!, kind, false);
    if (args.has('remark')) list.lines.push({ remark: args.get('remark')! });
    else list.lines.push(entryFromArgs(args, kind));
  };
}

function numberedCommands(kind: AclKind): CommandSpec[] {
  const prefix = `access-list ${NUMBER_RANGES[kind]}`;
  return [
    ...entrySyntaxes(kind).map(({ syntax, help }) => ({
      syntax: `${prefix} ${syntax}`,
      help: { ...NUMBERED_HELP, ...help },
      run: addNumberedEntry(kind),
    })),
    { syntax: `${prefix} remark LINE$remark`, help: NUMBERED_HELP, run: addNumberedEntry(kind) },
  ];
}

function enterNamedList(ctx: CommandContext, args: Args): void {
  const kind = args.get('kind') as AclKind;
  const name = args.get('name')!;
  const existing = findAccessList(ctx.config, name);
  if (existing && existing.kind !== kind) return ctx.reject(IosText.namedListKindClash(existing.kind));
  const list = existing ?? listFor(ctx, name, kind, true);
  ctx.enterMode({ id: kind === 'standard' ? 'config-std-nacl' : 'config-ext-nacl', target: list });
}

function deleteList(ctx: CommandContext, args: Args): void {
  const name = args.get('list') ?? args.get('name')!;
  ctx.config.accessLists = ctx.config.accessLists.filter((list) => list.name !== name);
}

const NAMED_HELP: HelpTable = {
  ip: 'Global IP configuration subcommands',
  'access-list': 'Named access-list',
  standard: 'Standard Access List',
  extended: 'Extended Access List',
  $name: 'Access-list name',
};

export const ACL_COMMANDS: CommandSpec[] = [
  ...numberedCommands('standard'),
  ...numberedCommands('extended'),
  {
    // IOS 12.2 removes the whole numbered list whatever follows the number.
    syntax: 'no access-list (<1-99>$list|<100-199>$list|<1300-1999>$list|<2000-2699>$list) [LINE$rest]',
    help: NUMBERED_HELP,
    run: deleteList,
  },
  { syntax: 'ip access-list (standard$kind|extended$kind) WORD$name', help: NAMED_HELP, run: enterNamedList },
  { syntax: 'no ip access-list (standard$kind|extended$kind) WORD$name', help: NAMED_HELP, run: deleteList },
];

function namedListCommands(kind: AclKind): CommandSpec[] {
  const mode = kind === 'standard' ? 'config-std-nacl' : 'config-ext-nacl';
  const add = (ctx: CommandContext, args: Args) => targetOf(ctx, mode).lines.push(entryFromArgs(args, kind));
  const remove = (ctx: CommandContext, args: Args) => {
    const list = targetOf(ctx, mode);
    const unwanted = entryFromArgs(args, kind);
    list.lines = list.lines.filter((line) => !isAclEntry(line) || !sameAclEntry(line, unwanted, kind));
  };
  const remarkHelp = { remark: 'Access list entry comment', $remark: 'Comment up to 100 characters' };
  return [
    ...entrySyntaxes(kind).flatMap(({ syntax, help }) => [
      { syntax, help, run: add },
      { syntax: `no ${syntax}`, help, run: remove },
    ]),
    {
      syntax: 'remark LINE$remark',
      help: remarkHelp,
      run: (ctx, args) => targetOf(ctx, mode).lines.push({ remark: args.get('remark')! }),
    },
    {
      syntax: 'no remark LINE$remark',
      help: remarkHelp,
      run: (ctx, args) => {
        const list = targetOf(ctx, mode);
        list.lines = list.lines.filter((line) => isAclEntry(line) || line.remark !== args.get('remark'));
      },
    },
  ];
}

export const STANDARD_NACL_COMMANDS = namedListCommands('standard');
export const EXTENDED_NACL_COMMANDS = namedListCommands('extended');
