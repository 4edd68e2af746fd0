/**
 * Texts in a topology are printable. A control character (a NUL, an escape sequence, a bell)
 * is invisible in an editor and in error messages, and IOS reads a configuration from NVRAM as
 * the plain text `show running-config` printed; so every key and every text is checked for
 * them before anything else looks at it.
 */

import { describeControlCharacter, excerpt, findControlCharacter } from './control-characters.ts';
import { messages } from './topology-messages.ts';
import type { TopologyError } from './topology-types.ts';
import type { PathSegment, YamlLocator } from './yaml-locator.ts';

/**
 * Every key and text in `data` that holds a control character, located in the YAML. Values at
 * paths `skip` accepts are left out (router configurations: their lines are checked one by one).
 */
export function controlCharacterErrors(
  data: unknown,
  locator: YamlLocator,
  skip: (path: readonly PathSegment[]) => boolean,
): TopologyError[] {
  const errors: TopologyError[] = [];
  const visit = (value: unknown, path: PathSegment[]): void => {
    if (skip(path)) return;
    if (typeof value === 'string') {
      const found = findControlCharacter(value);
      if (found !== undefined) errors.push(locator.error(path, textMessage(value, found)));
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const found = findControlCharacter(key);
        if (found !== undefined) errors.push(locator.error([...path, key], textMessage(key, found), 'key'));
        visit(item, [...path, key]);
      }
    }
  };
  visit(data, []);
  return errors;
}

function textMessage(text: string, found: { index: number; character: string }): string {
  return messages.controlCharacter(excerpt(text), describeControlCharacter(found.character), found.index + 1);
}
