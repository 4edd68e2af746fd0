import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { COMMANDS_DOC_PATH, renderCommandReference } from './command-reference.ts';

/** `npm run commands-doc`: writes engine/ios/COMMANDS.md from the grammar. */

const root = fileURLToPath(new URL('../../../', import.meta.url));
writeFileSync(`${root}${COMMANDS_DOC_PATH}`, renderCommandReference());
console.log(`wrote ${COMMANDS_DOC_PATH}`);
