import { isAclEntry, type AccessList } from '../../net/acl-types.ts';
import { aclEntryShowText, aclHeading } from '../config/acl-text.ts';

/** `show access-lists [N|NAME]`: the entries of each list with their match counters. */

function matchesSuffix(count: number): string {
  if (count === 0) return '';
  return ` (${count} ${count === 1 ? 'match' : 'matches'})`;
}

function listLines(list: AccessList): string[] {
  const entries = list.lines.filter(isAclEntry);
  return [aclHeading(list), ...entries.map((entry) => `    ${aclEntryShowText(entry, list.kind)}${matchesSuffix(entry.matches)}`)];
}

/** Numbered lists in number order, then named lists in the order they were made. */
function showOrder(lists: readonly AccessList[]): AccessList[] {
  const numbered = lists.filter((list) => !list.named).sort((a, b) => Number(a.name) - Number(b.name));
  return [...numbered, ...lists.filter((list) => list.named)];
}

export function renderShowAccessLists(lists: readonly AccessList[], only?: string): string[] {
  const chosen = only === undefined ? showOrder(lists) : lists.filter((list) => list.name === only);
  return chosen.flatMap(listLines);
}
