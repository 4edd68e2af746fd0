import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ip, runPing } from '../../net/test-fixtures.ts';
import type { InterfaceSnapshot, SaSnapshot } from '../../ipsec/ipsec-snapshot.ts';
import { DAPHNE_INBOUND_SPI, DAPHNE_LAN, DAPHNE_OUTBOUND_SPI, DES_MD5, FRED_LAN, ipsecLab } from '../../ipsec/test-lab.ts';
import {
  engineConnectionRow, renderShowCryptoEngineConnectionsActive, renderShowCryptoIpsecSa, renderShowCryptoIpsecSaAddress,
  renderShowCryptoIpsecTransformSet,
} from './ipsec-show.ts';

const REFERENCE = new URL('../../../scenarios/ted-doc/reference/', import.meta.url);

/** A reference show output without the echo of its command. */
function reference(file: string): string[] {
  const lines = readFileSync(new URL(file, REFERENCE), 'utf8').replace(/\n$/, '').split('\n');
  assert.match(lines[0]!, /^Daphne#show /);
  return lines.slice(1);
}

function sa(spi: number, destination: string, connId: number, flowId: number): SaSnapshot {
  return {
    spi, destination: ip(destination), protocol: 'esp', transform: DES_MD5, connId, flowId, mapName: 'tedtag',
    remainingKilobytes: 4414715, remainingSeconds: 2524, ivSizeBytes: 8, replayDetection: true,
  };
}

/** The document's state: Daphne after two pings, nine packets each way. */
const DOCUMENT_SNAPSHOT: InterfaceSnapshot[] = [{
  interfaceName: 'FastEthernet0/0',
  mapName: 'tedtag',
  localAddress: ip('11.11.11.1'),
  idents: [{
    localProxy: DAPHNE_LAN, remoteProxy: FRED_LAN, currentPeer: ip('11.11.11.2'), flags: [],
    counters: { encaps: 9, encrypt: 9, digest: 9, decaps: 9, decrypt: 9, verify: 9, sendErrors: 0, recvErrors: 0 },
    localEndpoint: ip('11.11.11.1'), remoteEndpoint: ip('11.11.11.2'), pathMtu: 1500, mediaMtu: 1500,
    currentOutboundSpi: DAPHNE_OUTBOUND_SPI,
    inbound: [sa(DAPHNE_INBOUND_SPI, '11.11.11.1', 2000, 1)],
    outbound: [sa(DAPHNE_OUTBOUND_SPI, '11.11.11.2', 2001, 2)],
  }],
}];

test('show crypto ipsec sa reproduces the document from the same data', () => {
  assert.deepEqual(renderShowCryptoIpsecSa(DOCUMENT_SNAPSHOT), reference('daphne.show-crypto-ipsec-sa.txt'));
});

/** The document's run on the engine: IKE answers the first echo's acquire, then two pings. */
function documentRun() {
  const lab = ipsecLab({ daphnePolicy: { dynamicMap: { name: 'ted-map', seq: 10 } } });
  lab.events.daphne.onAcquire = () => lab.sim.schedule(300, () => lab.installPairs());
  assert.equal(runPing(lab.sim, lab.pcDaphne, '12.12.12.13').marks, '.!!!!');
  assert.equal(runPing(lab.sim, lab.pcDaphne, '12.12.12.13').marks, '!!!!!');
  return lab;
}

test('the engine after the document traffic shows the document, lifetimes aside', () => {
  const lab = documentRun();
  const lifetime = /\(\d+\/\d+\)$/;
  const masked = (lines: string[]) => lines.map((line) => line.replace(lifetime, '(k/sec)'));
  const shown = renderShowCryptoIpsecSa(lab.daphneIpsec.snapshot());
  assert.deepEqual(masked(shown), masked(reference('daphne.show-crypto-ipsec-sa.txt')));
  const inbound = lab.daphneIpsec.snapshot()[0]!.idents[0]!.inbound[0]!;
  assert.equal(inbound.remainingKilobytes, 4608000 - 1, '9 echoes of 100 bytes are under one kilobyte');
  assert.ok(inbound.remainingSeconds <= 3600 && inbound.remainingSeconds > 3580);
});

test('show crypto engine connections active: the IKE row and the two IPsec connections', () => {
  const lab = documentRun();
  const ikeRow = { connId: 2, state: 'set', algorithm: 'HMAC_SHA+DES_56_CB', encrypt: 0, decrypt: 0 };
  const rows = [ikeRow, ...lab.daphneIpsec.engineConnections().map(engineConnectionRow)];
  assert.deepEqual(renderShowCryptoEngineConnectionsActive(rows), reference('daphne.show-crypto-engine-connections-active.txt'));
});

test('an interface whose map has no SA yet shows its ACL idents with zero counters', () => {
  const lab = ipsecLab();
  const shown = renderShowCryptoIpsecSa(lab.daphneIpsec.snapshot());
  assert.ok(shown.includes('     PERMIT, flags={origin_is_acl,}'));
  assert.ok(shown.includes('    #pkts encaps: 0, #pkts encrypt: 0, #pkts digest 0'));
  assert.ok(shown.includes('     current outbound spi: 0'));
  assert.ok(shown.includes('   current_peer: 11.11.11.2'));
  const sections = shown.slice(shown.indexOf('     inbound esp sas:'));
  assert.deepEqual(sections, [
    '     inbound esp sas:', '', '     inbound ah sas:', '', '     inbound pcp sas:', '',
    '     outbound esp sas:', '', '     outbound ah sas:', '', '     outbound pcp sas:',
  ]);
});

test('show crypto ipsec sa peer A keeps that peer only; address groups SAs by destination', () => {
  assert.deepEqual(renderShowCryptoIpsecSa(DOCUMENT_SNAPSHOT, ip('11.11.11.9')), []);
  assert.deepEqual(renderShowCryptoIpsecSa(DOCUMENT_SNAPSHOT, ip('11.11.11.2')), renderShowCryptoIpsecSa(DOCUMENT_SNAPSHOT));
  assert.deepEqual(renderShowCryptoIpsecSaAddress(DOCUMENT_SNAPSHOT), [
    'dest address: 11.11.11.1',
    '   protocol: ESP',
    '      spi: 0xD8870500(3632727296)',
    '        transform: esp-des esp-md5-hmac ,',
    '        in use settings ={Tunnel, }',
    '        slot: 0, conn id: 2000, flow_id: 1, crypto map: tedtag',
    '        sa timing: remaining key lifetime (k/sec): (4414715/2524)',
    '        IV size: 8 bytes',
    '        replay detection support: Y',
    '',
    'dest address: 11.11.11.2',
    '   protocol: ESP',
    '      spi: 0xB326CBE6(3005664230)',
    '        transform: esp-des esp-md5-hmac ,',
    '        in use settings ={Tunnel, }',
    '        slot: 0, conn id: 2001, flow_id: 2, crypto map: tedtag',
    '        sa timing: remaining key lifetime (k/sec): (4414715/2524)',
    '        IV size: 8 bytes',
    '        replay detection support: Y',
    '',
  ]);
});

test('show crypto ipsec transform-set', () => {
  const shown = renderShowCryptoIpsecTransformSet([
    { name: 'ted-transforms', transforms: [{ name: 'esp-des' }, { name: 'esp-md5-hmac' }], mode: 'tunnel' },
    { name: 'strong', transforms: [{ name: 'esp-sha-hmac' }, { name: 'esp-aes', keyBits: 256 }], mode: 'transport' },
    { name: 'both', transforms: [{ name: 'ah-sha-hmac' }, { name: 'esp-3des' }, { name: 'esp-sha-hmac' }], mode: 'tunnel' },
  ]);
  assert.deepEqual(shown, [
    'Transform set ted-transforms: { esp-des esp-md5-hmac  }',
    '   will negotiate = { Tunnel,  },',
    '',
    'Transform set strong: { esp-256-aes esp-sha-hmac  }',
    '   will negotiate = { Transport,  },',
    '',
    'Transform set both: { ah-sha-hmac  }',
    '   will negotiate = { Tunnel,  },',
    '   { esp-3des esp-sha-hmac  }',
    '   will negotiate = { Tunnel,  },',
    '',
  ]);
});
