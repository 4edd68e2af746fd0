import assert from 'node:assert/strict';
import test from 'node:test';
import { IosDevice } from '../session/ios-device.ts';
import { FakeRouterServices } from '../testing/fake-router-services.ts';

/** A c2600 with a WIC-2T, in configuration mode; the outputs are IOS's answers, line by line. */
function wicRouter(lines: string[]): { device: IosDevice; outputs: string[] } {
  const hardware = ['FastEthernet0/0', 'FastEthernet0/1', 'Serial0/0', 'Serial0/1'];
  const device = new IosDevice({ hostname: 'R1', services: new FakeRouterServices(), hardware });
  device.type('enable');
  device.type('configure terminal');
  const outputs = lines.map((line) => device.type(line));
  device.type('end');
  return { device, outputs };
}

const serial = (device: IosDevice, name: string) => device.config.interfaces.find((iface) => iface.name === name)!;

test('encapsulation ppp and clock rate (or clockrate) are kept; hdlc and the no forms return to the defaults', () => {
  const { device, outputs } = wicRouter(['interface s0/0', 'encapsulation ppp', 'clock rate 64000', 'interface s0/1', 'clockrate 56000', 'encapsulation ppp', 'encapsulation hdlc']);
  assert.deepEqual(outputs, ['', '', '', '', '', '', '']);
  assert.deepEqual([serial(device, 'Serial0/0').encapsulation, serial(device, 'Serial0/0').clockRate], ['ppp', 64000]);
  assert.deepEqual([serial(device, 'Serial0/1').encapsulation, serial(device, 'Serial0/1').clockRate], [undefined, 56000]);
  device.type('configure terminal');
  for (const line of ['interface Serial0/0', 'no encapsulation', 'no clock rate']) device.type(line);
  assert.deepEqual([serial(device, 'Serial0/0').encapsulation, serial(device, 'Serial0/0').clockRate], [undefined, undefined]);
});

test('a Serial section in show running-config (layout unconfirmed for 12.2: TEXT-SOURCES.md)', () => {
  const { device } = wicRouter(['interface Serial0/0', 'ip address 10.0.0.1 255.255.255.252', 'bandwidth 64', 'encapsulation ppp', 'clock rate 64000', 'no shutdown']);
  const text = device.type('show running-config');
  assert.match(text, /\ninterface Serial0\/0\n bandwidth 64\n ip address 10\.0\.0\.1 255\.255\.255\.252\n encapsulation ppp\n clockrate 64000\n!\n/);
  assert.match(text, /\ninterface Serial0\/1\n no ip address\n shutdown\n!\n/, 'an unconfigured Serial: no duplex, no speed');
});

test('Serial commands are refused on a FastEthernet, Ethernet ones on a Serial, a missing port at its name', () => {
  const { outputs } = wicRouter(['interface fa0/0', 'encapsulation ppp', 'clock rate 64000', 'interface Serial0/0', 'speed 100', 'exit', 'interface Serial0/2']);
  for (const index of [1, 2, 4, 6]) assert.match(outputs[index]!, /% Invalid input detected at '\^' marker\./, `line ${index}`);
  // The caret counts the prompt `R1(config)#` and `interface `.
  assert.match(outputs[6]!, /^ {21}\^/m, 'the caret under the interface name');
});

test('encapsulation ? lists the two a serial port speaks (and, tedlab\'s grammar being one for all interfaces, dot1Q)', () => {
  const { outputs } = wicRouter(['interface Serial0/0', 'encapsulation ?']);
  assert.match(outputs[1]!, /^ {2}hdlc +Serial HDLC synchronous$/m);
  assert.match(outputs[1]!, /^ {2}ppp +Point-to-Point protocol$/m);
});

test('show version counts the WIC serial ports after the FastEthernets (layout unconfirmed for 12.2)', () => {
  const { device } = wicRouter([]);
  assert.match(device.type('show version'), /\n2 FastEthernet\/IEEE 802\.3 interface\(s\)\n2 Serial network interface\(s\)\n32K bytes/);
});

test('encapsulation dot1Q on a subinterface only; no encapsulation dot1Q takes the address with it', () => {
  const { device, outputs } = wicRouter([
    'interface FastEthernet0/0', 'encapsulation dot1Q 10',
    'interface FastEthernet0/0.10', 'encapsulation dot1Q 10', 'ip address 10.0.10.1 255.255.255.0', 'no encapsulation dot1Q',
    'interface FastEthernet0/0.20', 'encapsulation dot1Q 4095',
  ]);
  assert.match(outputs[1]!, /% Invalid input detected/, 'the port itself');
  assert.deepEqual(outputs.slice(2, 6), ['', '', '', '']);
  assert.match(outputs[7]!, /% Invalid input detected/, 'VLAN IDs stop at 4094');
  const sub = serial(device, 'FastEthernet0/0.10');
  assert.deepEqual([sub.dot1q, sub.address], [undefined, undefined]);
});

test('an encapsulation the lab does not model is refused with tedlab\'s notice, not a caret', () => {
  const { outputs } = wicRouter(['interface Serial0/0', 'encapsulation frame-relay ietf']);
  assert.equal(outputs[1], '% tedlab: "encapsulation frame-relay ietf" is not modelled, so tedlab refuses it (the lab\'s serial lines speak Cisco HDLC or PPP, its Ethernet links ARPA with 802.1Q VLANs)');
});
