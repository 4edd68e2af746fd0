import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configuredDevice } from '../testing/configured-device.ts';

test('show crypto isakmp key lists every pre-shared key by peer (12.2 layout, unconfirmed)', () => {
  const { device } = configuredDevice(['crypto isakmp key abc123 address 0.0.0.0 0.0.0.0', 'crypto isakmp key s3cret address 10.1.1.2']);
  assert.deepEqual(device.type('show crypto isakmp key').split('\n'), [
    'Hostname/Address        Preshared Key',
    '',
    '0.0.0.0                 abc123',
    '10.1.1.2                s3cret',
  ]);
});

test('show crypto ipsec security-association lifetime shows the global lifetime, IOS defaults first', () => {
  const { device } = configuredDevice([]);
  assert.equal(device.type('show crypto ipsec security-association lifetime'), 'Security association lifetime: 4608000 kilobytes/3600 seconds');
  device.type('configure terminal');
  device.type('crypto ipsec security-association lifetime seconds 1800');
  device.type('end');
  assert.equal(device.type('show crypto ipsec security-association lifetime'), 'Security association lifetime: 4608000 kilobytes/1800 seconds');
});
