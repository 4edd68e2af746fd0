import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IosDevice } from './ios-device.ts';
import { bootedDevice } from '../testing/configured-device.ts';
import { parseIpv4 } from '../../wire/ipv4-address.ts';

const CONFIG = `hostname R1
interface FastEthernet0/0
 ip address 10.0.0.1 255.255.255.0
interface FastEthernet0/1
 ip address 10.0.1.1 255.255.255.0
end`;

function router(): ReturnType<typeof bootedDevice> {
  return bootedDevice(CONFIG);
}

/** Types the lines and returns the console as it showed them: prompt, answer, output. */
function dialog(device: IosDevice, lines: string[]): string {
  return lines.map((line) => {
    const prompt = device.prompt();
    const output = device.type(line);
    return `${prompt}${line}\n${output === '' ? '' : `${output}\n`}`;
  }).join('') + device.prompt();
}

test('copy running-config startup-config asks for the destination, Return keeps startup-config', () => {
  const { device } = router();
  device.type('conf t');
  device.type('hostname R9');
  device.type('end');
  assert.equal(dialog(device, ['copy running-config startup-config', '']), [
    'R9#copy running-config startup-config',
    'Destination filename [startup-config]? ',
    'Building configuration...',
    '[OK]',
    'R9#',
  ].join('\n'));
  assert.match(device.type('show startup-config'), /^hostname R9$/m);
});

test('copy with another file name saves nothing and says that tedlab has no such file', () => {
  const { device } = router();
  device.type('copy running-config startup-config');
  assert.match(device.type('backup-config'), /^% tedlab does not model NVRAM files other than startup-config \("backup-config"\)/);
  assert.equal(device.prompt(), 'R1#');
  assert.equal(device.type('copy run start'), '');
  assert.equal(device.type('startup-config'), 'Building configuration...\n[OK]');
});

test('write memory saves without a question', () => {
  const { device } = router();
  assert.equal(device.type('write memory'), 'Building configuration...\n[OK]');
  assert.equal(device.question, undefined);
});

test('reload of a saved configuration only asks for the confirmation; Return reloads', () => {
  const { device, services } = router();
  assert.equal(device.type('reload'), '');
  assert.deepEqual(device.question, { prompt: 'Proceed with reload? [confirm]', defaultAnswer: '' });
  assert.equal(device.type(''), '');
  assert.equal(services.reloads, 1);
});

test('reload of a modified configuration asks to save first and insists on yes or no', () => {
  const { device, services } = router();
  device.type('conf t');
  device.type('hostname R2');
  device.type('end');
  assert.equal(dialog(device, ['reload', '', 'maybe', 'yes', 'n']), [
    'R2#reload',
    '',
    'System configuration has been modified. Save? [yes/no]: ',
    "% Please answer 'yes' or 'no'.",
    '',
    'System configuration has been modified. Save? [yes/no]: maybe',
    "% Please answer 'yes' or 'no'.",
    '',
    'System configuration has been modified. Save? [yes/no]: yes',
    'Building configuration...',
    '[OK]',
    'Proceed with reload? [confirm]n',
    'R2#',
  ].join('\n'));
  assert.equal(services.reloads, 0, 'any key but Return or y stops the reload');
  assert.match(device.type('show startup-config'), /^hostname R2$/m);
  device.type('reload');
  assert.equal(device.prompt(), 'Proceed with reload? [confirm]', 'saved: no question about saving');
  device.type('?');
  assert.equal(device.prompt(), 'Proceed with reload? [confirm]');
  device.type('y');
  assert.equal(services.reloads, 1);
});

test('answering no to saving reloads with the configuration unsaved', () => {
  const { device, services } = router();
  device.type('conf t');
  device.type('hostname R3');
  device.type('end');
  device.type('reload');
  assert.equal(device.type('no'), '');
  device.type('');
  assert.equal(services.reloads, 1);
  assert.match(device.type('show startup-config'), /^hostname R1$/m);
});

test('the extended ping asks every question; Return keeps the defaults', () => {
  const { device, services } = router();
  const transcript = dialog(device, ['ping', '', '10.0.0.2', '', '', '', '', '']);
  assert.equal(transcript, [
    'R1#ping',
    'Protocol [ip]: ',
    'Target IP address: 10.0.0.2',
    'Repeat count [5]: ',
    'Datagram size [100]: ',
    'Timeout in seconds [2]: ',
    'Extended commands [n]: ',
    'Sweep range of sizes [n]: ',
    'Type escape sequence to abort.',
    'Sending 5, 100-byte ICMP Echos to 10.0.0.2, timeout is 2 seconds:',
    '!!!!!',
    'Success rate is 100 percent (5/5), round-trip min/avg/max = 1/2/4 ms',
    'R1#',
  ].join('\n'));
  assert.deepEqual(services.pings, [{ destination: parseIpv4('10.0.0.2'), count: 5, size: 100, timeoutMs: 2000 }]);
});

test('the extended commands set the source and the DF bit; a bad source is asked again', () => {
  const { device, services } = router();
  const answers = ['ping ip', '10.0.1.9', '2', '1500', '1', 'y', '9.9.9.9', 'fa0/1', '', 'yes', '', '', '', ''];
  const transcript = dialog(device, answers);
  assert.match(transcript, /^Source address or interface: 9\.9\.9\.9\n% Invalid source\nSource address or interface: fa0\/1$/m);
  assert.match(transcript, /^Set DF bit in IP header\? \[no\]: yes$/m);
  assert.match(transcript, /^Validate reply data\? \[no\]: $/m);
  assert.match(transcript, /^Data pattern \[0xABCD\]: $/m);
  assert.match(transcript, /^Loose, Strict, Record, Timestamp, Verbose\[none\]: $/m);
  assert.match(transcript, /^Packet sent with a source address of 10\.0\.1\.1$/m);
  assert.doesNotMatch(transcript, /Protocol \[ip\]/, 'ping ip names the protocol');
  assert.deepEqual(services.pings, [
    { destination: parseIpv4('10.0.1.9'), count: 2, size: 1500, timeoutMs: 1000, source: parseIpv4('10.0.1.1'), dontFragment: true },
  ]);
});

test('numbers out of range are refused with their range and asked again', () => {
  const { device } = router();
  const transcript = dialog(device, ['ping', '', '10.0.0.2', '0', '3', '20', '40', '']);
  assert.match(transcript, /^Repeat count \[5\]: 0\n% A decimal number between 1 and 2147483647\.\nRepeat count \[5\]: 3$/m);
  assert.match(transcript, /^Datagram size \[100\]: 20\n% A decimal number between 36 and 18024\.\nDatagram size \[100\]: 40$/m);
});

test('a target that is no address, or a protocol other than ip, ends the dialog', () => {
  const { device, services } = router();
  assert.equal(dialog(device, ['ping', '', 'nowhere']), 'R1#ping\nProtocol [ip]: \nTarget IP address: nowhere\n% Bad IP address or host name\nR1#');
  assert.equal(dialog(device, ['ping', 'appletalk']), 'R1#ping\nProtocol [ip]: appletalk\n% Unknown protocol - "appletalk", type "ping ?" for help\nR1#');
  assert.deepEqual(services.pings, []);
});

test('a sweep pings every size from min to max, repeat times, and says so in its header', () => {
  const { device, services } = router();
  services.pingMarks = ['!', '!', '.', '!', '!', '.'];
  const transcript = dialog(device, ['ping', '', '10.0.0.2', '2', '', '', '', 'y', '100', '102', '']);
  assert.match(transcript, /^Sweep min size \[36\]: 100\nSweep max size \[18024\]: 102\nSweep interval \[1\]: $/m);
  assert.match(transcript, /^Sending 6, \[100\.\.102\]-byte ICMP Echos to 10\.0\.0\.2, timeout is 2 seconds:\n!!\.!!\.\nSuccess rate is 66 percent \(4\/6\)/m);
  assert.deepEqual(services.pings.map((ping) => ping.size), [100, 101, 102, 100, 101, 102]);
});

test('a sweep whose maximum is not above its minimum ends the ping', () => {
  const { device, services } = router();
  const transcript = dialog(device, ['ping', '', '10.0.0.2', '', '', '', '', 'y', '500', '400']);
  assert.match(transcript, /^Sweep max size \[18024\]: 400\n% Bad maximum size\nR1#$/m);
  assert.deepEqual(services.pings, []);
});

test('options the lab cannot put in an echo are checked and reported as not modelled', () => {
  const { device } = router();
  const transcript = dialog(device, ['ping', '', '10.0.0.2', '', '', '', 'y', '', '16', '', '', '0x1234', 'xyz', 'record', '', '']);
  assert.match(transcript, /^Type of service \[0\]: 16\n% tedlab does not model a type of service other than 0; it is ignored$/m);
  assert.match(transcript, /^Data pattern \[0xABCD\]: 0x1234\n% tedlab does not model a data pattern other than 0xABCD; it is ignored$/m);
  assert.match(transcript, /^Loose, Strict, Record, Timestamp, Verbose\[none\]: xyz\n% No such option - "xyz"$/m);
  assert.match(transcript, /^Loose, Strict, Record, Timestamp, Verbose\[none\]: record\n% tedlab does not model the ping option record; it is ignored$/m);
});

test('a dialog started with do keeps the configuration mode', () => {
  const { device } = router();
  device.type('conf t');
  device.type('do copy running-config startup-config');
  assert.equal(device.prompt(), 'Destination filename [startup-config]? ');
  assert.equal(device.type(''), 'Building configuration...\n[OK]');
  assert.equal(device.prompt(), 'R1(config)#');
});
