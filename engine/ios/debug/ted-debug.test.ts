import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IkeEvent } from '../../ike/index.ts';
import { maskFromPrefixLength, parseIpv4 } from '../../wire/ipv4-address.ts';
import { renderIkeEvent } from './isakmp-debug.ts';

/** The TED lines of the document's transcripts, rendered from their events. */

const ip = (text: string) => parseIpv4(text)!;
const subnet = (address: string) => ({ address: ip(address), mask: maskFromPrefixLength(24), protocol: 0, port: 0 });
const host = (address: string) => ({ address: ip(address), mask: 0xffffffff, protocol: 0, port: 0 });

const DOCUMENT: Array<[IkeEvent, string]> = [
  [{ kind: 'ted-discovery-request' }, 'ISAKMP: GOT A PEER DISCOVERY MESSAGE FROM THE SA MANAGER!!!'],
  [{ kind: 'ted-request', source: ip('13.13.13.14'), destination: ip('12.12.12.13'), protocolId: 3, transformId: 2, hmac: 1 },
    'src = 13.13.13.14 to 12.12.12.13, protocol 3, transform 2, hmac 1'],
  [{ kind: 'ted-proxy-source', proxy: subnet('13.13.13.0'), ownAddress: ip('11.11.11.1') },
    'proxy source is 13.13.13.0/255.255.255.0 and my address (not used now) is 11.11.11.1'],
  [{ kind: 'ted-no-idb', connId: 1 }, 'ISAKMP (0:1): no idb in request'],
  [{ kind: 'ted-first-id', address: ip('11.11.11.1') }, '1st ID is 11.11.11.1'],
  [{ kind: 'ted-second-id', proxy: subnet('13.13.13.0') }, '2nd ID is 13.13.13.0/255.255.255.0'],
  [{ kind: 'ted-beginning', connId: 1 }, 'ISAKMP (0:1): beginning peer discovery exchange'],
  [{ kind: 'packet-sent', connId: 1, peer: ip('12.12.12.13'), role: 'I', state: 'PEER_DISCOVERY', via: { interfaceName: 'FastEthernet0/0', nextHop: ip('11.11.11.2') } },
    'ISAKMP (0:1): sending packet to 12.12.12.13 (I) PEER_DISCOVERY via FastEthernet0/0:11.11.11.2'],
  [{ kind: 'ted-payload-type', subpayload: 16 }, 'ISAKMP:received payload type 16'],
  [{ kind: 'ted-response-received', connId: 1 }, 'ISAKMP (0:1): received response to my peer discovery probe!'],
  [{ kind: 'ted-negotiated-proxies', connId: 1, local: subnet('13.13.13.0'), remote: subnet('12.12.12.0') },
    'ISAKMP (0:1): ted negotiated proxies: 0 13.13.13.0/255.255.255.0:0, 12.12.12.0/255.255.255.0:0'],
  [{ kind: 'ted-initiating-ike', connId: 1, peer: ip('11.11.11.2') }, 'ISAKMP (0:1): initiating IKE to 11.11.11.2 in response to probe.'],
  [{ kind: 'ted-new-sa', connId: 1, peer: ip('11.11.11.2') }, 'ISAKMP (0:1): created new SA after peer-discovery with 11.11.11.2'],
  [{ kind: 'deleting-sa', connId: 1, reason: 'delete-me', role: 'I', state: 'PEER_DISCOVERY', peer: ip('12.12.12.13') },
    'ISAKMP (0:1): deleting SA reason "delete_me flag/throw" state (I) PEER_DISCOVERY (peer 12.12.12.13) input queue 0'],
  [{ kind: 'ted-proxy-id', connId: 1, proxy: subnet('13.13.13.0'), idType: 4 }, 'ISAKMP (1): ID_IPV4_ADDR_SUBNET src 13.13.13.0/255.255.255.0 prot 0 port 0'],
  [{ kind: 'ted-responding', connId: 1 }, 'ISAKMP (0:1): responding to peer discovery probe!'],
  [{ kind: 'ted-peer-address', address: ip('11.11.11.1') }, 'peer\'s address is 11.11.11.1'],
  [{ kind: 'ted-probe-proxies', him: { idType: 4, address: ip('13.13.13.0'), mask: ip('255.255.255.0') }, me: { idType: 0, address: 0, mask: 0 } },
    'src (him) 4, 13.13.13.0/255.255.255.0 to dst (me) 0, 0.0.0.0/0.0.0.0'],
  [{ kind: 'ted-v3', connId: 1, source: ip('11.11.11.1'), destination: ip('11.11.11.2') },
    'ISAKMP (0:1): peer can handle TED V3: changing source to 11.11.11.1 and dest to 11.11.11.2'],
  [{ kind: 'deleting-node', connId: 1, messageId: 0, error: true, reason: 'delete-me' }, 'ISAKMP (0:1): deleting node 0 error TRUE reason "delete_me flag/throw"'],
];

test('every TED line reads as in the document\'s transcripts', () => {
  for (const [event, text] of DOCUMENT) assert.equal(renderIkeEvent(event), text);
});

test('a host proxy reads as its address alone', () => {
  assert.equal(renderIkeEvent({ kind: 'ted-second-id', proxy: host('13.13.13.14') }), '2nd ID is 13.13.13.14');
  assert.equal(renderIkeEvent({ kind: 'ted-proxy-id', connId: 3, proxy: host('13.13.13.14'), idType: 1 }),
    'ISAKMP (3): ID_IPV4_ADDR src 13.13.13.14 prot 0 port 0');
});
