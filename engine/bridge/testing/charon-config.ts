/**
 * The two files a private charon reads: strongswan.conf (daemon settings) and swanctl.conf
 * (connections and secrets), written from typed descriptions so a test never edits text.
 */

/** Which kernel interface installs the negotiated CHILD_SAs. */
export type CharonKernel = 'netlink' | 'libipsec';

export interface ChildSpec {
  /** the CHILD_SA config name, the one `initiate()` takes */
  name: string;
  /** subnets in CIDR form, as charon proposes them in the quick mode ID payloads */
  localTs: string;
  remoteTs: string;
  /** strongSwan spelling: `des-md5`, `3des-sha1`, `aes128-sha1`; add `-modp1536` for PFS */
  espProposal: string;
  /** hard lifetime in seconds; charon proposes exactly this in quick mode (default 3600) */
  lifetimeS?: number;
}

export interface ConnectionSpec {
  /** the IKE config name; letters, digits, `-` and `_` only */
  name: string;
  localAddress: string;
  remoteAddress: string;
  /** ID_IPV4_ADDR identities; default to the addresses, as IOS's `crypto isakmp identity address` */
  localId?: string;
  remoteId?: string;
  psk: string;
  /** strongSwan spelling: `des-md5-modp768`, `3des-sha1-modp1024`, `aes128-sha1-modp1536` */
  ikeProposal: string;
  aggressive?: boolean;
  /** the phase 1 lifetime charon proposes, in seconds (default 86400, the IOS default) */
  ikeLifetimeS?: number;
  /** pretend a NAT is present, so IKE floats to 4500 and ESP goes in UDP (needed by libipsec) */
  encap?: boolean;
  /** send the FRAGMENTATION vendor ID and accept fragments (default true, charon's default) */
  fragmentation?: boolean;
  children: ChildSpec[];
}

export interface StrongswanConfOptions {
  dir: string;
  viciSocket: string;
  logFile: string;
  kernel: CharonKernel;
  /** extra lines inside `charon { }`, e.g. `retransmit_tries = 2` */
  charonSettings?: string[];
}

const NAME = /^[A-Za-z0-9_-]+$/;

/** Plugins for IKEv1 with PSK: openssl brings DES, 3DES, AES, MD5, SHA-1/2 and the MODP groups. */
const CHARON_PLUGINS = 'random nonce openssl hmac pem pkcs1 pkcs8 x509 pubkey kernel-netlink socket-default vici updown';

/** swanctl parses no keys or certificates here; this short list keeps it from warning about absent plugins. */
const SWANCTL_PLUGINS = 'random openssl pem pkcs1 pkcs8 x509 pubkey';

export function strongswanConf(options: StrongswanConfOptions): string {
  // libipsec provides the kernel_ipsec interface; netlink is still needed for addresses and routes.
  const plugins = options.kernel === 'libipsec' ? `kernel-libipsec ${CHARON_PLUGINS}` : CHARON_PLUGINS;
  return [
    '# Written by tedlab charon-lab for one test. Nothing from /etc/strongswan.d is included.',
    'charon {',
    '  load_modular = no',
    `  load = ${plugins}`,
    // The namespace is ours, but routes and virtual IPs are never what a test asks about.
    '  install_routes = no',
    '  install_virtual_ip = no',
    // IOS peers use aggressive mode with PSK; charon refuses it as responder without this.
    '  i_dont_care_about_security_and_use_aggressive_mode_psk = yes',
    ...(options.charonSettings ?? []).map((line) => `  ${line}`),
    '  plugins {',
    `    vici { socket = unix://${options.viciSocket} }`,
    '  }',
    '  filelog {',
    '    tedlab {',
    `      path = ${options.logFile}`,
    '      time_format = %H:%M:%S',
    '      time_add_ms = yes',
    // <name|id> on every line: how the log parser tells concurrent IKE_SAs apart.
    '      ike_name = yes',
    '      append = no',
    '      flush_line = yes',
    '      default = 1',
    '      ike = 4',
    '      chd = 4',
    '      cfg = 2',
    '      knl = 2',
    '      net = 2',
    '    }',
    '  }',
    '}',
    'swanctl {',
    `  load = ${SWANCTL_PLUGINS}`,
    '}',
    '',
  ].join('\n');
}

export function swanctlConf(connections: ConnectionSpec[]): string {
  connections.forEach(checkNames);
  return [
    'connections {',
    ...connections.flatMap(connectionLines),
    '}',
    'secrets {',
    ...connections.flatMap(secretLines),
    '}',
    '',
  ].join('\n');
}

function checkNames(spec: ConnectionSpec): void {
  for (const name of [spec.name, ...spec.children.map((child) => child.name)]) {
    if (!NAME.test(name)) throw new Error(`charon-lab: "${name}" is not a usable swanctl section name`);
  }
}

function connectionLines(spec: ConnectionSpec): string[] {
  // IKEv1 proposes rekey_time + over_time as the phase 1 lifetime: split it so the sum is exact.
  const lifetime = spec.ikeLifetimeS ?? 86_400;
  const over = Math.max(1, Math.floor(lifetime / 10));
  return [
    `  ${spec.name} {`,
    '    version = 1',
    `    aggressive = ${yesNo(spec.aggressive ?? false)}`,
    `    local_addrs = ${spec.localAddress}`,
    `    remote_addrs = ${spec.remoteAddress}`,
    `    proposals = ${spec.ikeProposal}`,
    `    rekey_time = ${lifetime - over}s`,
    `    over_time = ${over}s`,
    '    reauth_time = 0',
    `    encap = ${yesNo(spec.encap ?? false)}`,
    `    fragmentation = ${yesNo(spec.fragmentation ?? true)}`,
    '    dpd_delay = 0',
    '    keyingtries = 1',
    '    send_certreq = no',
    ...authLines('local', spec.localId ?? spec.localAddress),
    ...authLines('remote', spec.remoteId ?? spec.remoteAddress),
    '    children {',
    ...spec.children.flatMap(childLines),
    '    }',
    '  }',
  ];
}

function authLines(side: 'local' | 'remote', id: string): string[] {
  return [`    ${side} {`, '      auth = psk', `      id = ${id}`, '    }'];
}

function childLines(child: ChildSpec): string[] {
  // IKEv1 proposes life_time; rekey_time must stay below it or charon rejects the config.
  const life = child.lifetimeS ?? 3600;
  return [
    `      ${child.name} {`,
    `        local_ts = ${child.localTs}`,
    `        remote_ts = ${child.remoteTs}`,
    `        esp_proposals = ${child.espProposal}`,
    '        mode = tunnel',
    '        start_action = none',
    '        dpd_action = none',
    '        close_action = none',
    `        life_time = ${life}s`,
    `        rekey_time = ${Math.max(1, Math.floor(life * 0.9))}s`,
    '      }',
  ];
}

function secretLines(spec: ConnectionSpec): string[] {
  // Hex, so no key ever needs quoting or escaping.
  return [
    `  ike-${spec.name} {`,
    `    id-local = ${spec.localId ?? spec.localAddress}`,
    `    id-remote = ${spec.remoteId ?? spec.remoteAddress}`,
    `    secret = 0x${Buffer.from(spec.psk, 'utf8').toString('hex')}`,
    '  }',
  ];
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}
