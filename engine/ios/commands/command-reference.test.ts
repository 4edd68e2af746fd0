import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { COMMANDS_DOC_PATH, displaySyntax, renderCommandReference } from './command-reference.ts';
import { MODE_IDS } from './mode-table.ts';
import { IFNAME } from './shared-grammar.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

test('the committed command reference is the one the grammar gives (else: npm run commands-doc)', () => {
  const committed = readFileSync(`${ROOT}${COMMANDS_DOC_PATH}`, 'utf8');
  assert.ok(
    committed === renderCommandReference(),
    `${COMMANDS_DOC_PATH} is out of date with the grammar: run \`npm run commands-doc\` and commit the result`,
  );
});

test('the reference has every mode, every status, and syntaxes as an engineer reads them', () => {
  const doc = renderCommandReference();
  assert.equal(doc.match(/^## /gm)?.length, MODE_IDS.length);
  assert.match(doc, /^\| `show running-config` \| modelled \|$/m);
  assert.match(doc, /^\| `router \(ospf <1-65535>\\\|eigrp <1-65535>\\\|igrp <1-65535>\\\|rip\\\|bgp <1-65535>\)` \| kept \|$/m);
  assert.match(doc, /^\| `show processes \[LINE\]` \| known only \|$/m);
  assert.equal(displaySyntax(`interface ${IFNAME}`), 'interface INTERFACE');
  assert.equal(displaySyntax('crypto isakmp key WORD$key address A.B.C.D$address'), 'crypto isakmp key WORD address A.B.C.D');
});
