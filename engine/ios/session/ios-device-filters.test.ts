import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootedDevice } from '../testing/configured-device.ts';

const CONFIG = `hostname R1
interface FastEthernet0/0
 ip address 10.0.0.1 255.255.255.0
interface FastEthernet0/1
 ip address 10.0.1.1 255.255.255.0
 shutdown
ip route 0.0.0.0 0.0.0.0 10.0.0.2
end`;

function router(): ReturnType<typeof bootedDevice> {
  return bootedDevice(CONFIG);
}

test('show ... | include keeps the matching lines of the output', () => {
  const { device } = router();
  assert.equal(device.type('show running-config | include ip address'), ' ip address 10.0.0.1 255.255.255.0\n ip address 10.0.1.1 255.255.255.0');
  assert.equal(device.type('sh run | i ^interface|^ip route'), 'interface FastEthernet0/0\ninterface FastEthernet0/1\nip route 0.0.0.0 0.0.0.0 10.0.0.2');
  assert.equal(device.type('show running-config | include nothing-like-this'), '');
});

test('| begin starts at the first match and | exclude drops the matches', () => {
  const { device } = router();
  const begun = device.type('show running-config | begin FastEthernet0/1').split('\n');
  assert.equal(begun[0], 'interface FastEthernet0/1');
  assert.equal(begun.at(-1), 'end');
  const excluded = device.type('show running-config | exclude ^!|^ [a-z]').split('\n');
  assert.ok(excluded.includes('hostname R1'));
  assert.ok(!excluded.some((line) => line.startsWith(' ') || line.startsWith('!')));
});

test('a modifier works through do in configuration mode', () => {
  const { device } = router();
  device.type('conf t');
  assert.equal(device.type('do show running-config | include hostname'), 'hostname R1');
  assert.equal(device.prompt(), 'R1(config)#');
});

test('a bad modifier gets IOS carets; 12.2 knows no | section', () => {
  const { device } = router();
  assert.equal(device.type('show running-config | section crypto'), "                         ^\n% Invalid input detected at '^' marker.\n");
  assert.equal(device.type('show running-config | include'), '% Incomplete command.\n');
  assert.equal(device.type('show running-config |'), '% Incomplete command.\n');
  assert.equal(device.type('show running-config | include ('), '% Invalid regular expression');
});

test('only show commands take a modifier: elsewhere the | is refused where it stands', () => {
  const { device } = router();
  assert.equal(device.type('write memory | include x'), "                ^\n% Invalid input detected at '^' marker.\n");
  assert.equal(device.type('show running-confog | include x'), device.type('show running-confog'));
});

test('? lists the pipe after a complete show command, and the modifiers after the pipe', () => {
  const { device } = router();
  assert.equal(device.type('show version ?'), '  |  Output modifiers\n  <cr>\n');
  assert.equal(device.type('show running-config | ?'), [
    '  begin    Begin with the line that matches',
    '  exclude  Exclude lines that match',
    '  include  Include lines that match',
    '',
  ].join('\n'));
  assert.equal(device.type('show running-config | include ?'), '  LINE  Regular Expression\n');
  assert.doesNotMatch(device.type('clear access-list counters ?'), /Output modifiers/);
  assert.doesNotMatch(device.type('show ?'), /Output modifiers/);
});

test('terminal length and width are kept for the console; a long output pages at length - 1 lines', () => {
  const { device } = router();
  assert.equal(device.type('terminal length 0'), '');
  assert.equal(device.pagerFor(device.type('show running-config')), undefined, 'length 0: no paging');
  device.type('terminal length 5');
  const pager = device.pagerFor(device.type('show running-config'))!;
  assert.equal(pager.start().text.split('\n').length, 5, 'four lines and --More--');
  device.type('terminal width 132');
  assert.equal(device.type('terminal length 513'), "                   ^\n% Invalid input detected at '^' marker.\n");
  device.type('disable');
  assert.equal(device.type('terminal length 24'), '', 'the user level may set its terminal too');
});
