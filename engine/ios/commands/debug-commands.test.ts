import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IosDevice } from '../session/ios-device.ts';
import { FakeRouterServices } from '../testing/fake-router-services.ts';

function privileged(): { device: IosDevice; services: FakeRouterServices } {
  const services = new FakeRouterServices();
  const device = new IosDevice({ hostname: 'R1', services });
  device.startPrivileged();
  return { device, services };
}

// `debug arp`'s note and the `Generic IP:` heading follow 12.x captures (unconfirmed for 12.2: TEXT-SOURCES.md).
test('debug arp switches ARP packet debugging, listed under Generic IP: before the crypto switches', () => {
  const { device, services } = privileged();
  assert.equal(device.type('debug arp'), 'ARP packet debugging is on');
  assert.equal(services.debug.arp, true);
  device.type('debug crypto isakmp');
  assert.equal(device.type('show debugging'), 'Generic IP:\n  ARP packet debugging is on\nCryptographic Subsystem:\n  Crypto ISAKMP debugging is on');
  assert.equal(device.type('no debug arp'), 'ARP packet debugging is off');
  assert.equal(device.type('show debugging'), 'Cryptographic Subsystem:\n  Crypto ISAKMP debugging is on');
  device.type('debug arp');
  assert.equal(device.type('undebug all'), 'All possible debugging has been turned off');
  assert.equal(services.debug.arp, false);
  assert.equal(device.type('undebug arp'), 'ARP packet debugging is off');
});

test('a modelled command\'s ? lists its own words only, not the vocabulary\'s unchecked LINE', () => {
  const { device } = privileged();
  assert.doesNotMatch(device.type('show ip arp ?'), /LINE/);
  assert.doesNotMatch(device.type('debug arp ?'), /LINE/);
  assert.match(device.type('show ip arp ?'), /A\.B\.C\.D/);
});
