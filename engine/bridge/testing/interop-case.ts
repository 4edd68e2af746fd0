/**
 * The interop cases shared by the live tests against charon and the recordings replayed
 * offline: the suites, and the router's side of each (topology and configuration).
 */

export const PSK = 's3cret';
export const ROUTER_LAN = '10.1.1';
export const CHARON_LAN = '10.2.2';

export interface Suite {
  name: string;
  ike: string;
  esp: string;
  ios: { encryption: string; hash: string; group: number; transforms: string; pfs?: string };
  tshark: { encryption: string; integrity: string };
}

export const SUITES: Suite[] = [
  {
    name: 'DES/MD5/group 1', ike: 'des-md5-modp768', esp: 'des-md5',
    ios: { encryption: 'des', hash: 'md5', group: 1, transforms: 'esp-des esp-md5-hmac' },
    tshark: { encryption: 'DES-CBC [RFC2405]', integrity: 'HMAC-MD5-96 [RFC2403]' },
  },
  {
    name: '3DES/SHA/group 2', ike: '3des-sha1-modp1024', esp: '3des-sha1',
    ios: { encryption: '3des', hash: 'sha', group: 2, transforms: 'esp-3des esp-sha-hmac' },
    tshark: { encryption: 'TripleDES-CBC [RFC2451]', integrity: 'HMAC-SHA-1-96 [RFC2404]' },
  },
  {
    name: 'AES-128/SHA/group 5 with PFS', ike: 'aes128-sha1-modp1536', esp: 'aes128-sha1-modp1536',
    ios: { encryption: 'aes', hash: 'sha', group: 5, transforms: 'esp-aes esp-sha-hmac', pfs: 'set pfs group5' },
    tshark: { encryption: 'AES-CBC [RFC3602]', integrity: 'HMAC-SHA-1-96 [RFC2404]' },
  },
];

export function topology(suite: Suite, router: string, charon: string): string {
  const config = [
    'hostname R1',
    'crypto isakmp policy 10',
    ` encryption ${suite.ios.encryption}`,
    ` hash ${suite.ios.hash}`,
    ' authentication pre-share',
    ` group ${suite.ios.group}`,
    `crypto isakmp key ${PSK} address ${charon}`,
    `crypto ipsec transform-set ts ${suite.ios.transforms}`,
    'crypto map vpn 10 ipsec-isakmp',
    ` set peer ${charon}`,
    ' set transform-set ts',
    ...(suite.ios.pfs === undefined ? [] : [` ${suite.ios.pfs}`]),
    ' match address 110',
    'interface FastEthernet0/0',
    ` ip address ${router} 255.255.255.0`,
    ' crypto map vpn',
    'interface FastEthernet0/1',
    ` ip address ${ROUTER_LAN}.1 255.255.255.0`,
    `ip route ${CHARON_LAN}.0 255.255.255.0 ${charon}`,
    `access-list 110 permit ip ${ROUTER_LAN}.0 0.0.0.255 ${CHARON_LAN}.0 0.0.0.255`,
  ];
  return [
    'routers:',
    '  R1:',
    '    model: c2600',
    '    config: |',
    ...config.map((line) => `      ${line}`),
    'hosts:',
    `  pc1: { address: ${ROUTER_LAN}.10/24, gateway: ${ROUTER_LAN}.1 }`,
    'peers:',
    `  charon: { address: ${charon}, bind: ${router} }`,
    'links:',
    '  wan: [R1 Fa0/0, charon]',
    '  lan: [R1 Fa0/1, pc1]',
  ].join('\n');
}
