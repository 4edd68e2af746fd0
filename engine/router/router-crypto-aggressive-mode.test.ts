import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sim } from '../sim/sim.ts';
import { Link } from '../net/link.ts';
import { Host } from '../net/host.ts';
import { parseIpv4 } from '../wire/ipv4-address.ts';
import { Router } from './router.ts';

/** Two routers with a static crypto map each, as in the static-tunnel example lab. */
function routerConfig(name: string, self: string, peer: string, lan: string, remoteLan: string, key: string): string {
  return `hostname ${name}
crypto isakmp policy 10
 authentication pre-share
crypto isakmp key ${key} address ${peer}
crypto ipsec transform-set ts esp-des esp-md5-hmac
crypto map vpn 10 ipsec-isakmp
 set peer ${peer}
 set transform-set ts
 match address 110
interface FastEthernet0/0
 ip address ${self} 255.255.255.0
 crypto map vpn
interface FastEthernet0/1
 ip address ${lan}.1 255.255.255.0
ip route ${remoteLan}.0 255.255.255.0 ${peer}
access-list 110 permit ip ${lan}.0 0.0.0.255 ${remoteLan}.0 0.0.0.255
end`;
}

const ip = (text: string) => parseIpv4(text)!;
const MASK = ip('255.255.255.0');

function tunnelLab(r1Key: string, r2Key: string) {
  const sim = new Sim(1);
  const r1 = new Router(sim, { name: 'R1' });
  const r2 = new Router(sim, { name: 'R2' });
  assert.deepEqual(r1.loadStartupConfig(routerConfig('R1', '192.168.12.1', '192.168.12.2', '10.1.1', '10.2.2', r1Key)), []);
  assert.deepEqual(r2.loadStartupConfig(routerConfig('R2', '192.168.12.2', '192.168.12.1', '10.2.2', '10.1.1', r2Key)), []);
  const pc1 = new Host(sim, 'pc1', { address: ip('10.1.1.10'), mask: MASK, gateway: ip('10.1.1.1') });
  const pc2 = new Host(sim, 'pc2', { address: ip('10.2.2.10'), mask: MASK, gateway: ip('10.2.2.1') });
  new Link(sim, 'wan', [r1.node.interface('FastEthernet0/0')!, r2.node.interface('FastEthernet0/0')!]);
  new Link(sim, 'lan1', [r1.node.interface('FastEthernet0/1')!, pc1.eth0]);
  new Link(sim, 'lan2', [r2.node.interface('FastEthernet0/1')!, pc2.eth0]);
  for (const router of [r1, r2]) router.exec('debug crypto isakmp');
  const ping = (): string => {
    const session = pc1.ping({ destination: pc2.address });
    assert.ok(sim.runUntil(() => session.done, sim.now() + 60_000));
    return session.result.marks;
  };
  return { r1, r2, ping };
}

test('a peer block with an aggressive-mode password makes the router start aggressive mode with that key', () => {
  const { r1, r2, ping } = tunnelLab('main-key', 'am-key');
  assert.equal(r1.configure(['crypto isakmp peer address 192.168.12.2', 'set aggressive-mode password am-key']).rejected, undefined);
  assert.equal(ping(), '.!!!!');
  assert.match(r1.console.log(), /ISAKMP \(0:1\): beginning Aggressive Mode exchange/);
  assert.match(r2.console.log(), /sending packet to 192\.168\.12\.1 \(R\) AG_INIT_EXCH/);
  assert.doesNotMatch(r1.console.log(), /MM_NO_STATE/);
  assert.match(r1.exec('show crypto isakmp sa'), /192\.168\.12\.2\s+192\.168\.12\.1\s+QM_IDLE/);
});

test('without the peer block the same routers use main mode and the crypto isakmp key', () => {
  const { r1, ping } = tunnelLab('shared', 'shared');
  assert.equal(ping(), '.!!!!');
  assert.match(r1.console.log(), /beginning Main Mode exchange/);
  assert.doesNotMatch(r1.console.log(), /Aggressive/);
});

test('removing the peer block goes back to main mode, with the crypto isakmp key again', () => {
  const { r1, ping } = tunnelLab('shared', 'shared');
  r1.configure(['crypto isakmp peer address 192.168.12.2', 'set aggressive-mode password other', 'exit', 'no crypto isakmp peer address 192.168.12.2']);
  assert.equal(ping(), '.!!!!');
  assert.match(r1.console.log(), /beginning Main Mode exchange/);
});

test('the password is the key: a responder that holds only the crypto isakmp key rejects the exchange', () => {
  const { r1, r2, ping } = tunnelLab('shared', 'shared');
  r1.configure(['crypto isakmp peer address 192.168.12.2', 'set aggressive-mode password not-shared']);
  assert.equal(ping(), '.....');
  assert.match(r1.console.log(), /beginning Aggressive Mode exchange/);
  // HASH_R was made with the responder's key, so the initiator cannot verify it.
  assert.match(r1.console.log(), /%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from 192\.168\.12\.2 failed its sanity check/);
  assert.doesNotMatch(r2.exec('show crypto isakmp sa'), /QM_IDLE/);
});

test('the password is only for the aggressive mode this router starts: as main-mode responder it uses the crypto isakmp key', () => {
  const { r1, r2, ping } = tunnelLab('shared', 'shared');
  r2.configure(['crypto isakmp peer address 192.168.12.1', 'set aggressive-mode password r2-only']);
  assert.equal(ping(), '.!!!!');
  assert.match(r1.console.log(), /beginning Main Mode exchange/);
  assert.match(r2.exec('show crypto isakmp sa'), /QM_IDLE/);
});
