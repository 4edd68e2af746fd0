import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileCommands, type SyntaxSpec } from './command-types.ts';
import { help } from './help.ts';
import { matchLine, type MatchResult } from './matcher.ts';

interface Spec extends SyntaxSpec {
  id: string;
}

const TABLE = compileCommands<Spec>(
  [
    { id: 'show-run', syntax: 'show running-config' },
    { id: 'show-route', syntax: 'show ip route [(A.B.C.D$address|static)]' },
    { id: 'show-brief', syntax: 'show ip interface brief' },
    { id: 'show-clock', syntax: 'show clock' },
    { id: 'show-crypto', syntax: 'show crypto isakmp sa' },
    { id: 'configure', syntax: 'configure terminal' },
    { id: 'connect', syntax: 'connect WORD$host' },
    { id: 'ip', syntax: 'ip' },
    { id: 'ipx', syntax: 'ipx' },
    { id: 'desc', syntax: 'description LINE$text' },
    { id: 'iface', syntax: 'interface (%FastEthernet$type <0-0>/<0-1>$port|%Loopback$type <0-2147483647>$port)' },
    { id: 'ping', syntax: 'ping WORD$target {repeat <1-2147483647>$repeat|size <36-18024>$size}' },
    { id: 'list', syntax: 'access-list (<1-99>$n|<100-199>$n) (permit$action|deny$action) any' },
  ],
  {
    show: 'Show running system information',
    'running-config': 'Current operating configuration',
    ip: 'IP information',
    route: 'IP routing table',
    $address: 'Network to display information about or hostname',
    static: 'Static routes',
    interface: 'IP interface status and configuration',
    brief: 'Brief summary of IP status and configuration',
    clock: 'Display the system clock',
    crypto: 'Encryption module',
  },
);

function matched(line: string): { id: string; get: (name: string) => string | undefined } {
  const result = matchLine(TABLE, line);
  assert.equal(result.kind, 'match', `"${line}" should match, got ${JSON.stringify(result)}`);
  const match = result as Extract<MatchResult<Spec>, { kind: 'match' }>;
  return { id: match.command.id, get: (name) => match.args.get(name) };
}

test('unique prefixes of every keyword select the command', () => {
  assert.equal(matched('sh run').id, 'show-run');
  assert.equal(matched('sh ip int br').id, 'show-brief');
  assert.equal(matched('conf t').id, 'configure');
  assert.equal(matched('SH IP ROUTE').id, 'show-route');
  assert.equal(matched('  show   clock  ').id, 'show-clock');
});

test('an exact keyword wins over the longer keywords it prefixes', () => {
  assert.equal(matched('ip').id, 'ip');
  assert.equal(matched('ipx').id, 'ipx');
});

test('a prefix shared by two keywords is ambiguous, reported up to the end of that word', () => {
  assert.deepEqual(matchLine(TABLE, 'sh c'), { kind: 'ambiguous', position: 3, end: 4 });
  assert.deepEqual(matchLine(TABLE, 'con x'), { kind: 'ambiguous', position: 0, end: 3 });
});

test('a refused word fails at its first character no keyword accepts, as IOS puts its caret', () => {
  assert.deepEqual(matchLine(TABLE, 'shw run'), { kind: 'invalid', position: 2, wordIndex: 0 });
  assert.deepEqual(matchLine(TABLE, 'xyz'), { kind: 'invalid', position: 0, wordIndex: 0 });
  assert.deepEqual(matchLine(TABLE, 'show  ip rout 1.2.3'), { kind: 'invalid', position: 14, wordIndex: 3 });
  assert.deepEqual(matchLine(TABLE, 'show clock now'), { kind: 'invalid', position: 11, wordIndex: 2 });
});

test('a line that stops before its command ends is incomplete', () => {
  assert.deepEqual(matchLine(TABLE, 'show ip'), { kind: 'incomplete' });
  assert.deepEqual(matchLine(TABLE, 'access-list 5 permit'), { kind: 'incomplete' });
  assert.deepEqual(matchLine(TABLE, '   '), { kind: 'empty' });
});

test('arguments are checked: numbers by range, addresses by form', () => {
  assert.equal(matched('show ip route 10.1.1.0').get('address'), '10.1.1.0');
  assert.equal(matchLine(TABLE, 'show ip route 10.1.1.300').kind, 'invalid');
  assert.equal(matched('access-list 150 deny any').get('n'), '150');
  assert.equal(matched('access-list 150 deny any').get('action'), 'deny');
  assert.deepEqual(matchLine(TABLE, 'access-list 200 deny any'), { kind: 'invalid', position: 12, wordIndex: 1 });
});

test('LINE takes the rest of the line as typed', () => {
  assert.equal(matched('description  link to  fred ').get('text'), 'link to  fred');
});

test('interface types take their number glued on or apart', () => {
  for (const line of ['interface fa0/1', 'int f0/1', 'interface FastEthernet 0/1', 'int FastEthernet0/1']) {
    const m = matched(line);
    assert.equal(`${m.get('type')}${m.get('port')}`, 'FastEthernet0/1', line);
  }
  assert.equal(matched('int lo12').get('port'), '12');
  assert.deepEqual(matchLine(TABLE, 'int fa0/2'), { kind: 'invalid', position: 6, wordIndex: 2 });
});

test('an any-order group takes its options in any order', () => {
  const m = matched('ping 1.1.1.1 size 500 repeat 10');
  assert.equal(m.get('size'), '500');
  assert.equal(m.get('repeat'), '10');
  assert.equal(matched('ping host1').get('target'), 'host1');
  assert.equal(matchLine(TABLE, 'ping 1.1.1.1 size 20').kind, 'invalid');
});

test('help after a blank lists the next tokens in two columns, <cr> last', () => {
  assert.deepEqual(help(TABLE, 'show ip route '), {
    kind: 'lines',
    lines: [
      '  A.B.C.D  Network to display information about or hostname',
      '  static   Static routes',
      '  <cr>',
      '',
    ],
  });
});

test('help glued to a word lists the keywords it can abbreviate', () => {
  assert.deepEqual(help(TABLE, 'sh'), { kind: 'lines', lines: ['show', ''] });
  assert.deepEqual(help(TABLE, 'show c'), { kind: 'lines', lines: ['clock  crypto', ''] });
  assert.deepEqual(help(TABLE, 'shx'), { kind: 'unrecognized' });
  assert.deepEqual(help(TABLE, 'show xyz '), { kind: 'invalid', position: 5, wordIndex: 1 });
});

test('a line matched before in one table is matched afresh in another', () => {
  const other = compileCommands<Spec>([{ id: 'shutdown', syntax: 'shutdown' }, { id: 'show-version', syntax: 'show version' }], {});
  const inTable = matchLine(TABLE, 'sh clock');
  assert.equal(inTable.kind === 'match' && inTable.command.id, 'show-clock');
  // `sh` is ambiguous in the second table (shutdown, show), whatever the first table said.
  assert.equal(matchLine(other, 'sh clock').kind, 'ambiguous');
  assert.equal(matchLine(TABLE, 'sh clock'), inTable, 'the same table and line give the result already made');
});
