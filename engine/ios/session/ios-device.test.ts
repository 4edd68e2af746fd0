import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IosDevice } from './ios-device.ts';
import { FakeRouterServices } from '../testing/fake-router-services.ts';
import { parseIpv4 } from '../../wire/ipv4-address.ts';
import { isAclEntry } from '../../net/acl-types.ts';

const DAPHNE = `!
version 12.2
hostname Daphne
enable password cisco
no ip domain-lookup
interface FastEthernet0/0
 ip address 11.11.11.1 255.255.255.0
interface FastEthernet0/1
 ip address 13.13.13.13 255.255.255.0
ip route 0.0.0.0 0.0.0.0 11.11.11.2
access-list 101 permit ip 13.13.13.0 0.0.0.255 12.12.12.0 0.0.0.255
end`;

function daphne(): { device: IosDevice; services: FakeRouterServices } {
  const services = new FakeRouterServices();
  const device = new IosDevice({ services });
  assert.deepEqual(device.loadStartupConfig(DAPHNE).rejected, []);
  return { device, services };
}

function privileged(): { device: IosDevice; services: FakeRouterServices } {
  const setup = daphne();
  setup.device.type('enable');
  setup.device.type('cisco');
  assert.equal(setup.device.prompt(), 'Daphne#');
  return setup;
}

function typeAll(device: IosDevice, lines: string[]): string[] {
  return lines.map((line) => device.type(line));
}

test('prompts follow the modes', () => {
  const { device } = privileged();
  const prompts: string[] = [];
  for (const line of [
    'configure terminal',
    'interface FastEthernet0/0',
    'crypto isakmp policy 10',
    'crypto ipsec transform-set ts esp-des esp-md5-hmac',
    'crypto map cm 10 ipsec-isakmp',
    'ip access-list extended web',
    'ip access-list standard mgmt',
    'line vty 0 4',
    'end',
  ]) {
    device.type(line);
    prompts.push(device.prompt());
  }
  assert.deepEqual(prompts, [
    'Daphne(config)#',
    'Daphne(config-if)#',
    'Daphne(config-isakmp)#',
    'Daphne(cfg-crypto-trans)#',
    'Daphne(config-crypto-map)#',
    'Daphne(config-ext-nacl)#',
    'Daphne(config-std-nacl)#',
    'Daphne(config-line)#',
    'Daphne#',
  ]);
  device.type('disable');
  assert.equal(device.prompt(), 'Daphne>');
});

test('enable asks for the password and gives up after three bad ones', () => {
  const { device } = daphne();
  assert.equal(device.type('enable'), '');
  assert.equal(device.prompt(), 'Password: ');
  assert.ok(device.awaitingPassword);
  assert.equal(device.type('wrong'), '');
  assert.equal(device.type('bad'), '');
  assert.deepEqual(device.enter('worse'), { output: '% Bad passwords', accepted: false });
  assert.equal(device.prompt(), 'Daphne>');
  device.type('en');
  device.type('cisco');
  assert.equal(device.prompt(), 'Daphne#');
});

test('an enable secret takes precedence over the enable password', () => {
  const { device } = privileged();
  typeAll(device, ['conf t', 'enable secret s3cret', 'end', 'disable', 'enable']);
  device.type('cisco');
  assert.equal(device.prompt(), 'Password: ');
  device.type('s3cret');
  assert.equal(device.prompt(), 'Daphne#');
  assert.match(device.type('show running-config'), /^enable secret 5 \$1\$[^$]{4}\$[./0-9A-Za-z]{22}$/m);
});

test('without any enable password the console goes straight to privileged mode', () => {
  const device = new IosDevice({ hostname: 'R1', services: new FakeRouterServices() });
  assert.equal(device.prompt(), 'R1>');
  device.type('enable');
  assert.equal(device.prompt(), 'R1#');
});

test('configure terminal announces itself and end logs the configuration', () => {
  const { device, services } = privileged();
  assert.equal(device.type('conf t'), 'Enter configuration commands, one per line.  End with CNTL/Z.');
  assert.equal(device.type('end'), '');
  assert.deepEqual(services.logs, ['%SYS-5-CONFIG_I: Configured from console by console']);
});

test('the caret sits under the first character no keyword accepts, counting the prompt', () => {
  const { device } = privileged();
  assert.equal(device.type('shw run'), "         ^\n% Invalid input detected at '^' marker.\n");
  assert.equal(device.type('show ip rout 1.1.1'), "                    ^\n% Invalid input detected at '^' marker.\n");
  device.type('conf t');
  assert.equal(device.type('hostnme x'), "                    ^\n% Invalid input detected at '^' marker.\n");
  device.type('int fa0/0');
  assert.equal(device.type('ip adress 1.1.1.1 255.0.0.0'), "                       ^\n% Invalid input detected at '^' marker.\n");
  assert.equal(device.type('do shw'), "                       ^\n% Invalid input detected at '^' marker.\n");
});

test('incomplete and ambiguous lines get IOS texts', () => {
  const { device } = privileged();
  assert.equal(device.type('show ip'), '% Incomplete command.\n');
  assert.equal(device.type('sh c'), '% Ambiguous command:  "sh c"');
  device.type('conf t');
  assert.equal(device.type('ip route 10.0.0.0'), '% Incomplete command.\n');
  assert.deepEqual(device.enter('ip domain'), { output: '% Ambiguous command:  "ip domain"', accepted: false });
  assert.deepEqual(device.enter('crypto isakmp key abc'), { output: '% Incomplete command.\n', accepted: false });
});

test('an unknown single word in exec mode is tried as a host name', () => {
  const { device } = privileged();
  const unknown = '% Unknown command or computer name, or unable to find computer address';
  assert.equal(device.type('fred'), `Translating "fred"\n${unknown}`);
  typeAll(device, ['conf t', 'ip domain-lookup', 'end']);
  assert.equal(device.type('fred'), `Translating "fred"...domain server (255.255.255.255)\n${unknown}`);
});

test('a line the sub-mode does not know runs in global configuration and leaves the sub-mode', () => {
  const { device } = privileged();
  typeAll(device, ['conf t', 'interface fa0/1']);
  device.type('hostname Daphne2');
  assert.equal(device.prompt(), 'Daphne2(config)#');
  device.type('crypto isakmp policy 5');
  device.type('interface f0/0');
  assert.equal(device.prompt(), 'Daphne2(config-if)#');
});

test('do runs an exec command without leaving the configuration mode', () => {
  const { device } = privileged();
  typeAll(device, ['conf t', 'int fa0/1']);
  const output = device.type('do sh ip int br');
  assert.match(output, /^FastEthernet0\/1 +13\.13\.13\.13 +YES NVRAM/m);
  assert.equal(device.prompt(), 'Daphne(config-if)#');
});

test('no forms undo what the positive forms did', () => {
  const { device } = privileged();
  typeAll(device, ['conf t', 'int fa0/1', 'shutdown', 'no ip address', 'exit', 'no ip route 0.0.0.0 0.0.0.0', 'no access-list 101']);
  typeAll(device, ['ip domain-lookup', 'interface Loopback0', 'exit', 'no interface Loopback0']);
  const iface = device.config.interfaces.find((i) => i.name === 'FastEthernet0/1')!;
  assert.equal(iface.shutdown, true);
  assert.equal(iface.address, undefined);
  assert.deepEqual(device.config.staticRoutes, []);
  assert.deepEqual(device.config.accessLists, []);
  assert.equal(device.config.ip.domainLookup, true);
  assert.ok(!device.config.interfaces.some((i) => i.name === 'Loopback0'));
  device.type('int fa0/1');
  device.type('no shut');
  assert.equal(iface.shutdown, false);
  assert.equal(device.type('no ip route 9.0.0.0 255.0.0.0'), '%No matching route to delete');
});

test('question marks list completions and next words', () => {
  const { device } = privileged();
  assert.equal(device.type('sh?'), 'show\n');
  assert.equal(device.bufferedInput, 'sh');
  const show = device.type('show ?');
  assert.match(show, /^ {2}access-lists +List access lists$/m);
  assert.match(show, /^ {2}running-config +Current operating configuration$/m);
  const route = device.type('show ip route ?').split('\n');
  for (const [label, text] of [['A.B.C.D', 'Network to display information about or hostname'], ['connected', 'Connected'], ['static', 'Static routes']]) {
    assert.ok(route.some((line) => new RegExp(`^ {2}${label!.replace(/\./g, '\\.')} +${text}$`).test(line)), label);
  }
  assert.deepEqual(route.slice(-3).map((line) => line.replace(/ +/g, ' ')), [' | Output modifiers', ' <cr>', '']);
  assert.equal(device.type('shx?'), '% Unrecognized command');
  device.type('conf t');
  assert.match(device.type('do show ip ?'), /^ {2}route +IP routing table$/m);
});

test('show ip interface brief reports how each address was set and the line state', () => {
  const { device, services } = privileged();
  services.links.set('FastEthernet0/0', true);
  typeAll(device, ['conf t', 'interface Loopback0', 'ip address 1.1.1.1 255.255.255.255', 'int fa0/1', 'shutdown', 'end']);
  assert.equal(device.type('show ip interface brief'), [
    'Interface                  IP-Address      OK? Method Status                Protocol',
    'FastEthernet0/0            11.11.11.1      YES NVRAM  up                    up      ',
    'FastEthernet0/1            13.13.13.13     YES NVRAM  administratively down down    ',
    'Loopback0                  1.1.1.1         YES manual up                    up      ',
  ].join('\n'));
});

test('hardware interfaces missing from the startup config stay shut down', () => {
  const device = new IosDevice({ services: new FakeRouterServices() });
  device.loadStartupConfig('hostname R\ninterface FastEthernet0/0\n ip address 10.0.0.1 255.255.255.0\nend');
  const [fa0, fa1] = device.config.interfaces;
  assert.deepEqual([fa0!.shutdown, fa1!.shutdown], [false, true]);
  assert.deepEqual([fa0!.addressMethod, fa1!.addressMethod], ['NVRAM', 'unset']);
});

test('show access-lists shows the counters the network keeps, and clear resets them', () => {
  const { device } = privileged();
  const entry = device.config.accessLists[0]!.lines.find(isAclEntry)!;
  entry.matches = 9;
  const shown = 'Extended IP access list 101\n    permit ip 13.13.13.0 0.0.0.255 12.12.12.0 0.0.0.255';
  assert.equal(device.type('show access-lists'), `${shown} (9 matches)`);
  assert.equal(device.type('show access-lists 101'), `${shown} (9 matches)`);
  assert.equal(device.type('show access-lists 102'), '');
  device.type('clear access-list counters');
  assert.equal(entry.matches, 0);
  assert.equal(device.type('sh access-l'), shown);
});

test('ping prints IOS lines and passes the extended options on', () => {
  const { device, services } = privileged();
  services.pingMarks.push('.!!!!');
  assert.equal(device.type('ping 12.12.12.13'), [
    'Type escape sequence to abort.',
    'Sending 5, 100-byte ICMP Echos to 12.12.12.13, timeout is 2 seconds:',
    '.!!!!',
    'Success rate is 80 percent (4/5), round-trip min/avg/max = 1/2/4 ms',
  ].join('\n'));
  services.pingMarks.push('!!!');
  const extended = device.type('ping ip 12.12.12.13 source fa0/1 repeat 3 size 500 timeout 1');
  assert.equal(extended.split('\n')[2], 'Packet sent with a source address of 13.13.13.13');
  assert.deepEqual(services.pings[1], {
    destination: parseIpv4('12.12.12.13'),
    count: 3,
    size: 500,
    timeoutMs: 1000,
    source: parseIpv4('13.13.13.13'),
  });
  assert.equal(device.type('ping nowhere'), 'Translating "nowhere"\n% Unrecognized host or address, or protocol not running.');
  assert.equal(device.type('ping 1.1.1.1 source 9.9.9.9'), '% Invalid source address- IP address not on any of our up interfaces');
  assert.equal(services.pings.length, 2);
});

test('write memory saves the running config that show startup-config then shows', () => {
  const { device } = privileged();
  assert.ok(device.type('show startup-config').startsWith('Using '));
  assert.match(device.type('show startup-config'), /^hostname Daphne$/m);
  typeAll(device, ['conf t', 'hostname Daphne3', 'end']);
  assert.equal(device.type('write memory'), 'Building configuration...\n[OK]');
  const saved = device.type('show startup-config').split('\n');
  assert.ok(saved.includes('hostname Daphne3'));
  assert.ok(saved.includes('version 12.2'));
  assert.equal(saved.at(-1), 'end');
  assert.equal(device.type('copy running-config startup-config'), '');
  assert.equal(device.prompt(), 'Destination filename [startup-config]? ');
  assert.equal(device.type(''), 'Building configuration...\n[OK]');
  assert.equal(device.prompt(), 'Daphne3#');
});

test('an empty NVRAM has no startup config to show', () => {
  const device = new IosDevice({ services: new FakeRouterServices() });
  device.type('enable');
  assert.equal(device.type('show startup-config'), '%% Non-volatile configuration memory has not been set up or has bad checksum');
});

test('a banner may span lines up to its delimiter', () => {
  const { device } = privileged();
  device.type('conf t');
  assert.equal(device.type('banner motd #'), "Enter TEXT message.  End with the character '#'.");
  device.type('Authorized access only');
  device.type('#');
  assert.equal(device.prompt(), 'Daphne(config)#');
  device.type('end');
  assert.match(device.type('show running-config'), /^banner motd \^C\nAuthorized access only\n\^C$/m);
});

test('configuration changes reach the router once per accepted line', () => {
  const { device, services } = privileged();
  const before = services.configChanges;
  typeAll(device, ['conf t', 'ip route 10.0.0.0 255.0.0.0 11.11.11.9', 'ip route 10.0.0.1 255.0.0.0 11.11.11.9', 'do show clock', 'end']);
  assert.equal(services.configChanges - before, 1);
  assert.equal(device.type('show clock'), '*00:00:00.000 UTC Mon Mar 1 1993');
});

test('show version reports the image, the uptime and the I/O memory split', () => {
  const { device, services } = privileged();
  services.uptime = (2 * 3600 + 7 * 60 + 18) * 1000;
  const lines = device.type('show version').split('\n');
  assert.equal(lines[1], 'IOS (tm) C2600 Software (C2600-JK9S-M), Version 12.2(27), RELEASE SOFTWARE (fc1)');
  assert.ok(lines.includes('Daphne uptime is 2 hours, 7 minutes'));
  assert.ok(lines.includes('System image file is "flash:c2600-jk9s-mz.122-27.bin"'));
  assert.ok(lines.includes('cisco 2621 (MPC860) processor (revision 0x102) with 49152K/16384K bytes of memory.'));
});

test('show history lists the exec commands of the session, not the password', () => {
  const { device } = privileged();
  typeAll(device, ['sh clock', 'show ver']);
  assert.equal(device.type('show history'), '  enable\n  sh clock\n  show ver\n  show history');
});

test('a router can add commands to the grammar, with help and abbreviations', () => {
  const services = new FakeRouterServices();
  const device = new IosDevice({
    services,
    extraCommands: {
      exec: [
        {
          syntax: 'show crypto isakmp extension-demo',
          help: { 'extension-demo': 'A command the router adds' },
          userLevel: true,
          run: (ctx) => ctx.print('added by the router'),
        },
      ],
    },
  });
  assert.equal(device.type('sh cry isa ext'), 'added by the router');
  device.type('enable');
  assert.match(device.type('show crypto isakmp ?'), /^ {2}extension-demo +A command the router adds$/m);
  assert.match(device.type('show crypto isakmp ?'), /^ {2}policy +Show ISAKMP protection suite policy$/m);
  const plain = new IosDevice({ services });
  plain.type('enable');
  assert.equal(plain.type('sh cry isa ext'), "                  ^\n% Invalid input detected at '^' marker.\n");
});

test('show running-config interface shows one section with its own byte count', () => {
  const { device } = privileged();
  typeAll(device, ['conf t', 'int fa0/1', 'description LAN of Daphne', 'end']);
  assert.equal(
    device.type('sh run int fa0/1'),
    [
      'Building configuration...',
      '',
      'Current configuration : 122 bytes',
      '!',
      'interface FastEthernet0/1',
      ' description LAN of Daphne',
      ' ip address 13.13.13.13 255.255.255.0',
      ' duplex auto',
      ' speed auto',
      'end',
    ].join('\n'),
  );
  assert.match(device.type('show running-config interface Loopback7'), /^ {37}\^\n% Invalid input detected/);
});

test('debug switches turn on and off with IOS notes, and show debugging lists them in IOS order', () => {
  const { device, services } = privileged();
  assert.equal(device.type('show debugging'), '');
  assert.equal(device.type('debug crypto ipsec'), 'Crypto IPSEC debugging is on');
  assert.equal(device.type('deb cry isa'), 'Crypto ISAKMP debugging is on');
  assert.equal(device.type('debug crypto engine'), 'Crypto Engine debugging is on');
  assert.deepEqual(services.debug, { isakmp: true, engine: true, ipsec: true, arp: false });
  assert.equal(
    device.type('sh debug'),
    'Cryptographic Subsystem:\n  Crypto ISAKMP debugging is on\n  Crypto Engine debugging is on\n  Crypto IPSEC debugging is on',
  );
  assert.equal(device.type('no debug crypto engine'), 'Crypto Engine debugging is off');
  assert.equal(device.type('undebug all'), 'All possible debugging has been turned off');
  assert.deepEqual(services.debug, { isakmp: false, engine: false, ipsec: false, arp: false });
});

test('global IPsec SA lifetimes are stored and rendered before the transform sets', () => {
  const { device } = privileged();
  typeAll(device, ['conf t', 'crypto ipsec security-association lifetime seconds 1800', 'crypto ipsec transform-set ts esp-des esp-md5-hmac', 'end']);
  assert.deepEqual(device.config.crypto.saLifetime, { seconds: 1800 });
  const run = device.type('show running-config');
  assert.ok(run.indexOf('crypto ipsec security-association lifetime seconds 1800') < run.indexOf('crypto ipsec transform-set ts'));
  typeAll(device, ['conf t', 'no crypto ipsec security-association lifetime seconds 1800', 'end']);
  assert.deepEqual(device.config.crypto.saLifetime, {});
});
