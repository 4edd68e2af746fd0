import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCharonLog } from './charon-log.ts';
import { parseListSas } from './charon-sas.ts';

/**
 * The log and swanctl parsers on text cut from real charon 5.9.8 runs (the DH secret and
 * HASH_I data shortened), so they are checked on any machine, root or not.
 */

const INITIATOR_LOG = `
08:04:42.076 07[IKE] <lab|1> initiating Main Mode IKE_SA lab[1] to 10.99.11.2
08:04:42.084 13[IKE] <lab|1> shared Diffie Hellman secret => 4 bytes @ 0x7fa820005a00
08:04:42.084 13[IKE] <lab|1>    0: 01 02 03 04                                      ....
08:04:42.084 13[IKE] <lab|1> SKEYID_d => 20 bytes @ 0x7fa820005aa0
08:04:42.084 13[IKE] <lab|1>    0: 8B D0 94 6B 58 E0 F4 41 D0 4B E5 19 13 72 30 20  ...kX..A.K...r0 
08:04:42.084 14[CFG] vici client 2 requests: list-sas
08:04:42.084 13[IKE] <lab|1>   16: DA 21 6F A4                                      .!o.
08:04:42.084 13[IKE] <lab|1> encryption key Ka => 24 bytes @ 0x7fa8200018a0
08:04:42.084 13[IKE] <lab|1>    0: 81 03 BB 8A 6B 5B 90 22 51 4E BA DB 16 B9 92 86  ....k[."QN......
08:04:42.084 13[IKE] <lab|1>   16: A4 19 72 E8 58 74 EC CE                          ..r.Xt..
08:04:42.085 13[IKE] <lab|1> HASH_I data => 28 bytes @ 0x7fa820006410
08:04:42.085 13[IKE] <lab|1>    0: AA AA AA AA BB BB BB BB 51 15 93 68 63 D7 14 6C  ........Q..hc..l
08:04:42.085 13[IKE] <lab|1>   16: A7 C6 C0 B7 0A 48 F5 64 00 00 00 01              .....H.d....
08:04:42.086 05[IKE] <lab|1> IKE_SA lab[1] state change: CONNECTING => ESTABLISHED
08:04:42.089 12[ENC] <lab|1> parsed QUICK_MODE response 3331164847 [ HASH SA No ID ID ]
08:04:42.089 12[CHD] <lab|1> CHILD_SA net{1} state change: CREATED => INSTALLING
08:04:42.089 12[CHD] <lab|1>   using 3DES_CBC for encryption
08:04:42.089 12[CHD] <lab|1>   using HMAC_SHA1_96 for integrity
08:04:42.089 12[CHD] <lab|1> encryption initiator key => 24 bytes @ 0x55ef98dc6780
08:04:42.089 12[CHD] <lab|1>    0: 1D 08 E8 F8 9A 6C 22 A3 E3 33 9A 43 FD 82 D3 C2  .....l"..3.C....
08:04:42.089 12[CHD] <lab|1>   16: 06 41 3E 8C 46 37 B6 B3                          .A>.F7..
08:04:42.089 12[CHD] <lab|1> encryption responder key => 24 bytes @ 0x55ef98dc6b60
08:04:42.089 12[CHD] <lab|1>    0: C1 EC 56 03 0A 54 82 24 E6 E8 29 57 36 AA 3C C5  ..V..T.$..)W6.<.
08:04:42.089 12[CHD] <lab|1>   16: 6A 3D 17 12 A8 E4 CA BB                          j=......
08:04:42.089 12[CHD] <lab|1> integrity initiator key => 20 bytes @ 0x55ef98dc6670
08:04:42.089 12[CHD] <lab|1>    0: 8D 47 33 9D FA 74 1B 3B FB 8D 25 81 E2 CD BD 4A  .G3..t.;..%....J
08:04:42.089 12[CHD] <lab|1>   16: 66 FA F6 1F                                      f...
08:04:42.089 12[CHD] <lab|1> integrity responder key => 20 bytes @ 0x55ef98dc6b80
08:04:42.089 12[CHD] <lab|1>    0: 7A E5 D3 F4 B3 27 9D 60 FC BB 2B A3 63 A0 33 30  z....'.\`..+.c.30
08:04:42.089 12[CHD] <lab|1>   16: CD 69 7B 5A                                      .i{Z
08:04:42.089 12[CHD] <lab|1> adding inbound ESP SA
08:04:42.089 12[CHD] <lab|1>   SPI 0xcbf3653c, src 10.99.11.2 dst 10.99.11.1
08:04:42.089 12[KNL] <lab|1> received netlink error: Function not implemented (38)
08:04:42.089 12[KNL] <lab|1> unable to add SAD entry with SPI cbf3653c (FAILED)
08:04:42.089 12[CHD] <lab|1> adding outbound ESP SA
08:04:42.089 12[CHD] <lab|1>   SPI 0xc1b74351, src 10.99.11.1 dst 10.99.11.2
08:04:42.089 12[KNL] <lab|1> received netlink error: Function not implemented (38)
08:04:42.089 12[KNL] <lab|1> unable to add SAD entry with SPI c1b74351 (FAILED)
08:04:42.089 12[IKE] <lab|1> unable to install inbound and outbound IPsec SA (SAD) in kernel
08:04:42.089 12[CHD] <lab|1> CHILD_SA net{1} state change: INSTALLING => DESTROYING
`;

const RESPONDER_LOG = `
08:04:45.353 07[ENC] <1> parsed ID_PROT request 0 [ SA V V V V V ]
08:04:45.353 07[ENC] <lab|1> parsed QUICK_MODE request 1214701458 [ HASH SA No ID ID ]
08:04:45.355 11[ENC] <lab|1> parsed QUICK_MODE request 1214701458 [ HASH ]
08:04:45.355 11[CHD] <lab|1> CHILD_SA net{1} state change: CREATED => INSTALLING
08:04:45.355 11[CHD] <lab|1> encryption initiator key => 8 bytes @ 0x7f510c000b90
08:04:45.355 11[CHD] <lab|1>    0: 11 11 11 11 11 11 11 11                          ........
08:04:45.355 11[CHD] <lab|1> encryption responder key => 8 bytes @ 0x7f510c0016b0
08:04:45.355 11[CHD] <lab|1>    0: 22 22 22 22 22 22 22 22                          """"""""
08:04:45.356 11[CHD] <lab|1> adding inbound ESP SA
08:04:45.356 11[CHD] <lab|1>   SPI 0x340a878c, src 10.99.151.1 dst 10.99.151.2
08:04:45.356 11[CHD] <lab|1> adding outbound ESP SA
08:04:45.356 11[CHD] <lab|1>   SPI 0x483da15c, src 10.99.151.2 dst 10.99.151.1
08:04:45.356 11[IKE] <lab|1> CHILD_SA net{1} established with SPIs 340a878c_i 483da15c_o and TS 10.2.0.0/24 === 10.1.0.0/24
08:04:45.356 11[CHD] <lab|1> CHILD_SA net{1} state change: INSTALLING => INSTALLED
`;

test('phase 1 keys and the cookies come out of the dumps, across an interleaved line of another thread', () => {
  const [sa] = parseCharonLog(INITIATOR_LOG).ikeSas;
  assert.deepEqual(sa, {
    name: 'lab',
    uniqueId: 1,
    established: true,
    dhSecret: '01020304',
    skeyidD: '8bd0946b58e0f441d04be51913723020da216fa4',
    ka: '8103bb8a6b5b9022514ebadb16b99286a41972e85874ecce',
    initiatorCookie: '5115936863d7146c',
    responderCookie: 'a7c6c0b70a48f564',
  });
});

test('a quick mode initiator: initiator keys go outbound; a refused install still counts as completed', () => {
  const [quickMode] = parseCharonLog(INITIATOR_LOG).quickModes;
  assert.deepEqual(quickMode, {
    ikeName: 'lab',
    ikeId: 1,
    child: 'net',
    childId: 1,
    role: 'initiator',
    messageId: 3331164847,
    encryption: '3DES_CBC',
    integrity: 'HMAC_SHA1_96',
    inbound: { spi: 'cbf3653c', src: '10.99.11.2', dst: '10.99.11.1', encryptionKey: 'c1ec56030a548224e6e8295736aa3cc56a3d1712a8e4cabb', integrityKey: '7ae5d3f4b3279d60fcbb2ba363a03330cd697b5a' },
    outbound: { spi: 'c1b74351', src: '10.99.11.1', dst: '10.99.11.2', encryptionKey: '1d08e8f89a6c22a3e3339a43fd82d3c206413e8c4637b6b3', integrityKey: '8d47339dfa741b3bfb8d2581e2cdbd4a66faf61f' },
    completed: true,
    installed: false,
    failure: 'unable to install inbound and outbound IPsec SA (SAD) in kernel',
  });
});

test('a quick mode responder (role from the third message): initiator keys go inbound', () => {
  const [quickMode] = parseCharonLog(RESPONDER_LOG).quickModes;
  assert.equal(quickMode!.role, 'responder');
  assert.equal(quickMode!.installed, true);
  assert.deepEqual(quickMode!.inbound, { spi: '340a878c', src: '10.99.151.1', dst: '10.99.151.2', encryptionKey: '1111111111111111' });
  assert.deepEqual(quickMode!.outbound, { spi: '483da15c', src: '10.99.151.2', dst: '10.99.151.1', encryptionKey: '2222222222222222' });
  assert.deepEqual(parseCharonLog(RESPONDER_LOG).ikeSas.map((sa) => sa.name), ['lab'], 'the <1> lines belong to lab|1');
});

test('swanctl --list-sas --pretty becomes typed IKE_SAs and CHILD_SAs', () => {
  const pretty = [
    'list-sa event {', '  lab {', '    uniqueid = 1', '    version = 1', '    state = ESTABLISHED',
    '    local-host = 10.99.200.1', '    local-port = 4500', '    local-id = 10.99.200.1',
    '    remote-host = 10.99.200.2', '    remote-port = 4500', '    remote-id = 10.99.200.2',
    '    initiator = yes', '    initiator-spi = 95d9bc7c843159c7', '    responder-spi = 737241e7dcd63c34',
    '    encr-alg = 3DES_CBC', '    integ-alg = HMAC_SHA1_96', '    prf-alg = PRF_HMAC_SHA1', '    dh-group = MODP_1024',
    '    child-sas {', '      net-2 {', '        name = net', '        uniqueid = 2', '        reqid = 1',
    '        state = INSTALLED', '        mode = TUNNEL', '        protocol = ESP', '        encap = yes',
    '        spi-in = f42dff9d', '        spi-out = 73a08eb5', '        encr-alg = 3DES_CBC', '        integ-alg = HMAC_SHA1_96',
    '        local-ts = [', '          10.1.0.0/24', '        ]', '        remote-ts = [', '          10.2.0.0/24', '        ]',
    '      }', '    }', '  }', '}', 'list-sas reply {', '}', '',
  ].join('\n');
  const [sa] = parseListSas(pretty);
  assert.deepEqual([sa!.name, sa!.state, sa!.initiator, sa!.initiatorSpi, sa!.responderSpi, sa!.localPort], ['lab', 'ESTABLISHED', true, '95d9bc7c843159c7', '737241e7dcd63c34', 4500]);
  assert.deepEqual([sa!.encrAlg, sa!.integAlg, sa!.prfAlg, sa!.dhGroup], ['3DES_CBC', 'HMAC_SHA1_96', 'PRF_HMAC_SHA1', 'MODP_1024']);
  const [child] = sa!.children;
  assert.deepEqual([child!.key, child!.name, child!.state, child!.encap, child!.spiIn, child!.spiOut], ['net-2', 'net', 'INSTALLED', true, 'f42dff9d', '73a08eb5']);
  assert.deepEqual([child!.localTs, child!.remoteTs, child!.dhGroup], [['10.1.0.0/24'], ['10.2.0.0/24'], undefined]);
});
