import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sim } from '../sim/sim.ts';
import { Link } from '../net/link.ts';
import { Host } from '../net/host.ts';
import { parseIpv4 } from '../wire/ipv4-address.ts';
import { Router } from './router.ts';
import { LINE_PROTOCOL_DELAY_MS } from './interface-events.ts';

const CONFIG = `hostname R1
service timestamps log datetime msec
interface FastEthernet0/0
 ip address 10.0.0.1 255.255.255.0
interface FastEthernet0/1
 ip address 10.0.1.1 255.255.255.0
 shutdown
access-list 10 deny 10.0.0.66
access-list 10 permit any
end`;

function cabledRouter(): { sim: Sim; router: Router; link: Link; host: Host } {
  const sim = new Sim(1);
  const router = new Router(sim, { name: 'R1', clock: '*Mar  1 02:00:00.000' });
  assert.deepEqual(router.loadStartupConfig(CONFIG), []);
  const host = new Host(sim, 'h', { address: parseIpv4('10.0.0.10')!, mask: parseIpv4('255.255.255.0')!, gateway: parseIpv4('10.0.0.1') });
  const link = new Link(sim, 'lan', [router.node.interface('FastEthernet0/0')!, host.eth0]);
  router.startLoggingInterfaceEvents();
  return { sim, router, link, host };
}

test('the loaded configuration reaches the IP stack', () => {
  const { router } = cabledRouter();
  const fa0 = router.node.interface('FastEthernet0/0')!;
  const fa1 = router.node.interface('FastEthernet0/1')!;
  assert.equal(fa0.address, parseIpv4('10.0.0.1'));
  assert.equal(fa0.lineUp, true);
  assert.equal(fa1.adminUp, false, 'shutdown in the config');
  assert.deepEqual(router.node.routingTable().routes().map((r) => r.source), ['connected']);
});

test('a typed access-group binds the live list, whose counters show in show access-lists', () => {
  const { sim, router, host } = cabledRouter();
  router.configure(['interface FastEthernet0/0', 'ip access-group 10 in']);
  const session = host.ping({ destination: parseIpv4('10.0.0.1')!, count: 2 });
  sim.runUntil(() => session.done, 60_000);
  assert.equal(session.result.marks, '!!');
  assert.match(router.exec('show access-lists 10'), /permit any \(2 matches\)/);
});

test('exec commands leave configuration modes first; the console shows every line with its prompt', () => {
  const { router } = cabledRouter();
  router.typeLines(['configure terminal', 'interface FastEthernet0/1']);
  assert.match(router.exec('show clock'), /^\*02:00:00\.000 UTC Mon Mar 1 1993$/);
  const transcript = router.console.transcript();
  assert.ok(transcript.includes('R1(config-if)#end\n'));
  assert.ok(transcript.includes('R1#show clock\n*02:00:00.000 UTC Mon Mar 1 1993\n'));
  assert.ok(
    transcript.indexOf('R1(config-if)#end') < transcript.indexOf('%SYS-5-CONFIG_I'),
    'the syslog message follows the command that caused it',
  );
});

test('configure() stops at the first refused line and reports it with its prompt', () => {
  const { router } = cabledRouter();
  const result = router.configure(['interface FastEthernet0/1', 'no shutdown', 'ip adress 1.1.1.1 255.0.0.0', 'description never']);
  assert.equal(result.rejected?.index, 2);
  assert.equal(result.rejected?.transcript.split('\n')[0], 'R1(config-if)#ip adress 1.1.1.1 255.0.0.0');
  assert.equal(router.device.config.interfaces.find((i) => i.name === 'FastEthernet0/1')?.description, undefined);
  assert.equal(router.device.mode, 'exec');
});

test('a link going down and up is logged as IOS logs it, the line protocol a second later', () => {
  const { sim, router, link } = cabledRouter();
  sim.advance(5000);
  link.goDown();
  sim.advance(LINE_PROTOCOL_DELAY_MS);
  link.comeUp();
  sim.advance(LINE_PROTOCOL_DELAY_MS);
  assert.equal(
    router.console.log(),
    [
      '*Mar  1 02:00:05.000: %LINK-3-UPDOWN: Interface FastEthernet0/0, changed state to down',
      '*Mar  1 02:00:06.000: %LINEPROTO-5-UPDOWN: Line protocol on Interface FastEthernet0/0, changed state to down',
      '*Mar  1 02:00:06.000: %LINK-3-UPDOWN: Interface FastEthernet0/0, changed state to up',
      '*Mar  1 02:00:07.000: %LINEPROTO-5-UPDOWN: Line protocol on Interface FastEthernet0/0, changed state to up',
      '',
    ].join('\n'),
  );
});

test('shutdown and no shutdown are logged; an unconnected port stays quiet', () => {
  const { sim, router } = cabledRouter();
  router.configure(['interface FastEthernet0/0', 'shutdown']);
  sim.advance(LINE_PROTOCOL_DELAY_MS);
  router.configure(['interface FastEthernet0/1', 'no shutdown']);
  const log = router.console.log();
  assert.match(log, /%LINK-5-CHANGED: Interface FastEthernet0\/0, changed state to administratively down/);
  assert.match(log, /%LINEPROTO-5-UPDOWN: Line protocol on Interface FastEthernet0\/0, changed state to down/);
  assert.doesNotMatch(log, /FastEthernet0\/1/);
});
