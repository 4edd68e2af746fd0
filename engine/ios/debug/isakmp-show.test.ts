import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { twoRouters } from '../../ike/testing/two-routers.ts';
import { compareTranscript } from '../../lab/transcript/index.ts';
import { isakmpEngineAlgorithm, renderShowCryptoIsakmpSa } from './isakmp-show.ts';

const REFERENCES = new URL('../../../scenarios/ted-doc/reference/', import.meta.url);

function negotiated() {
  const lab = twoRouters({ seed: 5 });
  lab.daphne.daemon.reserveConnectionId();
  lab.acquireFromDaphne();
  lab.run(5_000);
  return lab;
}

test('show crypto isakmp sa on the initiator matches Daphne\'s, exactly as laid out', () => {
  const lab = negotiated();
  const output = renderShowCryptoIsakmpSa(lab.daphne.daemon.isakmpSaRows()).join('\n');
  const text = readFileSync(new URL('daphne.show-crypto-isakmp-sa.txt', REFERENCES), 'utf8');
  assert.equal(output, text.split('\n').slice(1).join('\n').trimEnd());
  assert.ok(compareTranscript(output, text, { kind: 'show' }).equal);
});

test('the responder lists the same SA: dst is the responder, src the initiator', () => {
  const lab = negotiated();
  assert.deepEqual(renderShowCryptoIsakmpSa(lab.fred.daemon.isakmpSaRows()), [
    'dst             src             state          conn-id slot',
    '11.11.11.2      11.11.11.1      QM_IDLE              1    0',
  ]);
});

test('an SA still negotiating shows its state; none shows only the header', () => {
  const lab = twoRouters({ seed: 5 });
  assert.deepEqual(renderShowCryptoIsakmpSa(lab.daphne.daemon.isakmpSaRows()), ['dst             src             state          conn-id slot']);
  lab.acquireFromDaphne();
  lab.run(3);
  assert.match(renderShowCryptoIsakmpSa(lab.daphne.daemon.isakmpSaRows())[1]!, /^11\.11\.11\.2 +11\.11\.11\.1 +MM_NO_STATE +1 +0$/);
});

test('engine connection names: the document\'s HMAC_SHA+DES_56_CB and the other suites', () => {
  const lab = negotiated();
  assert.deepEqual(lab.daphne.daemon.engineConnections().map(isakmpEngineAlgorithm), ['HMAC_SHA+DES_56_CB']);
  assert.equal(isakmpEngineAlgorithm({ connId: 3, hash: 'md5', encryption: '3des', keyBits: 192 }), 'HMAC_MD5+3DES_56_C');
  assert.equal(isakmpEngineAlgorithm({ connId: 4, hash: 'sha', encryption: 'aes', keyBits: 256 }), 'HMAC_SHA+AES_256_C');
});
