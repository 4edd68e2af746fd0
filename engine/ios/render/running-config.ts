import { isAclEntry, type AccessList } from '../../net/acl-types.ts';
import { NAT_TIMEOUT_NAMES } from '../../net/nat-types.ts';
import type { StaticRouteConfig } from '../../net/route-types.ts';
import { formatIpv4 } from '../../wire/ipv4-address.ts';
import { aclEntryConfigText } from '../config/acl-text.ts';
import type { ConfigSlot, IosConfig, ServiceName, TimestampFormat } from '../config/config-model.ts';
import { compareForRunningConfig, type InterfaceConfig } from '../config/interfaces.ts';
import { encodeType7, type7Seed } from '../config/passwords.ts';
import { IosText } from '../messages.ts';
import { blockLines, dhcpPoolLines, qosAndKeyChainLines, routeMapLines, routerSectionLines } from './kept-sections.ts';
import {
  cryptoMapSettingLines, isakmpKeyLine, isakmpPeerLines, isakmpPolicyLines, transformSetLines,
} from './crypto-config-lines.ts';

/**
 * `show running-config` in IOS 12.2's order, `!` separators included where IOS puts them.
 * The body (from the first `!` to `end`) is also what `write memory` saves.
 */

/** `service` lines other than timestamps: rendered when on, or (for `pad`) when off. */
const SERVICE_LINES: ReadonlyArray<{ name: ServiceName; when: boolean; text: string }> = [
  { name: 'pad', when: false, text: 'no service pad' },
  { name: 'tcp-keepalives-in', when: true, text: 'service tcp-keepalives-in' },
  { name: 'tcp-keepalives-out', when: true, text: 'service tcp-keepalives-out' },
];

const LATE_SERVICES: readonly ServiceName[] = [
  'tcp-small-servers',
  'udp-small-servers',
  'finger',
  'config',
  'nagle',
  'sequence-numbers',
];

function timestampLine(which: 'debug' | 'log', format: TimestampFormat | undefined): string[] {
  if (!format) return [];
  if (format.kind === 'uptime') return [`service timestamps ${which} uptime`];
  const options = [
    format.msec ? ' msec' : '',
    format.localtime ? ' localtime' : '',
    format.showTimezone ? ' show-timezone' : '',
    format.year ? ' year' : '',
  ].join('');
  return [`service timestamps ${which} datetime${options}`];
}

function serviceLines(config: IosConfig): string[] {
  const early = SERVICE_LINES.filter((s) => config.services[s.name] === s.when).map((s) => s.text);
  const encryption = config.services['password-encryption'] ? 'service password-encryption' : 'no service password-encryption';
  const late = LATE_SERVICES.filter((name) => config.services[name]).map((name) => `service ${name}`);
  return [
    ...early,
    ...timestampLine('debug', config.timestamps.debug),
    ...timestampLine('log', config.timestamps.log),
    encryption,
    ...late,
    ...kept(config, 'services'),
  ];
}

function hidePassword(clear: string, encrypt: boolean): string {
  return encrypt ? `7 ${encodeType7(clear, type7Seed(clear))}` : clear;
}

function enableLines(config: IosConfig): string[] {
  const { secret, password, passwordType7 } = config.enable;
  const lines: string[] = [];
  if (secret) lines.push(`enable secret 5 ${secret}`);
  if (passwordType7) lines.push(`enable password 7 ${passwordType7}`);
  else if (password !== undefined) {
    lines.push(`enable password ${hidePassword(password, config.services['password-encryption'])}`);
  }
  return lines;
}

function kept(config: IosConfig, slot: ConfigSlot): string[] {
  return config.kept.filter((line) => line.slot === slot).map((line) => line.text);
}

/** IOS writes `ip nat` after the ICMP and proxy-ARP switches and before the switching-path ones. */
const BEFORE_IP_NAT = /^(no )?ip (redirects|unreachables|proxy-arp)$/;

function keptWithNat(iface: InterfaceConfig): string[] {
  if (iface.nat === undefined) return iface.kept;
  const before = iface.kept.filter((text) => BEFORE_IP_NAT.test(text));
  return [...before, `ip nat ${iface.nat}`, ...iface.kept.filter((text) => !BEFORE_IP_NAT.test(text))];
}

/** IOS writes `bandwidth` before the address, and a Serial's encapsulation after the IP lines. */
const BANDWIDTH = /^bandwidth /;

function interfaceSection(iface: InterfaceConfig): string[] {
  const lines = [`interface ${iface.name}`];
  if (iface.description !== undefined) lines.push(` description ${iface.description}`);
  lines.push(...iface.kept.filter((text) => BANDWIDTH.test(text)).map((text) => ` ${text}`));
  if (iface.dot1q !== undefined) lines.push(` encapsulation dot1Q ${iface.dot1q}`);
  lines.push(iface.address ? ` ip address ${formatIpv4(iface.address.address)} ${formatIpv4(iface.address.mask)}` : ' no ip address');
  if (iface.accessGroupIn) lines.push(` ip access-group ${iface.accessGroupIn} in`);
  if (iface.accessGroupOut) lines.push(` ip access-group ${iface.accessGroupOut} out`);
  lines.push(...keptWithNat(iface).filter((text) => !BANDWIDTH.test(text)).map((text) => ` ${text}`));
  if (iface.encapsulation) lines.push(` encapsulation ${iface.encapsulation}`);
  if (iface.shutdown) lines.push(' shutdown');
  if (iface.duplex) lines.push(` duplex ${iface.duplex}`);
  if (iface.speed) lines.push(` speed ${iface.speed}`);
  // 12.2 writes the clock as one word, whichever way it was typed.
  if (iface.clockRate !== undefined) lines.push(` clockrate ${iface.clockRate}`);
  if (iface.cryptoMap) lines.push(` crypto map ${iface.cryptoMap}`);
  return lines;
}

function interfaceLines(iface: InterfaceConfig): string[] {
  return [...interfaceSection(iface), '!'];
}

export function staticRouteLine(route: StaticRouteConfig): string {
  const target = [route.interfaceName, route.nextHop === undefined ? undefined : formatIpv4(route.nextHop)]
    .filter((part) => part !== undefined)
    .join(' ');
  const distance = route.distance === 1 ? '' : ` ${route.distance}`;
  return `ip route ${formatIpv4(route.prefix)} ${formatIpv4(route.mask)} ${target}${distance}`;
}

function aclLineText(line: AccessList['lines'][number], list: AccessList): string {
  return isAclEntry(line) ? aclEntryConfigText(line, list.kind) : `remark ${line.remark}`;
}

function namedAccessListLines(config: IosConfig): string[] {
  return config.accessLists
    .filter((list) => list.named)
    .flatMap((list) => [`ip access-list ${list.kind} ${list.name}`, ...list.lines.map((l) => ` ${aclLineText(l, list)}`), '!']);
}

function numberedAccessListLines(config: IosConfig): string[] {
  return config.accessLists
    .filter((list) => !list.named)
    .sort((a, b) => Number(a.name) - Number(b.name))
    .flatMap((list) => list.lines.map((line) => `access-list ${list.name} ${aclLineText(line, list)}`));
}

/**
 * Policies, keys and the global ISAKMP switches, then each `crypto isakmp peer` block closed
 * by a `!`, then one more `!` (IOS 12.2(8)T's layout; without peers that is the `!` `!` pair).
 */
function isakmpLines(config: IosConfig): string[] {
  const { crypto } = config;
  const policies = [...crypto.isakmpPolicies].sort((a, b) => a.priority - b.priority).flatMap(isakmpPolicyLines);
  const globals = [
    ...crypto.isakmpKeys.map((key) => `${isakmpKeyLine(key)}${key.noXauth ? ' no-xauth' : ''}`),
    ...(crypto.aggressiveModeDisabled ? ['crypto isakmp aggressive-mode disable'] : []),
    ...kept(config, 'isakmp-globals'),
  ];
  const peers = crypto.isakmpPeers.flatMap((peer) => [...isakmpPeerLines(peer), '!']);
  return policies.length + globals.length + peers.length > 0 ? [...policies, ...globals, '!', ...peers, '!'] : [];
}

function descriptionLine(entry: { description?: string }): string[] {
  return entry.description === undefined ? [] : [` description ${entry.description}`];
}

function cryptoLines(config: IosConfig): string[] {
  const { crypto } = config;
  const isakmp = isakmpLines(config);
  const lifetimes = (['seconds', 'kilobytes'] as const).flatMap((unit) =>
    crypto.saLifetime[unit] === undefined ? [] : [`crypto ipsec security-association lifetime ${unit} ${crypto.saLifetime[unit]}`],
  );
  const sets = crypto.transformSets.flatMap((set) => [...transformSetLines(set), '!']);
  const dynamic = crypto.dynamicMaps.flatMap((entry) => [
    `crypto dynamic-map ${entry.name} ${entry.seq}`,
    ...descriptionLine(entry),
    ...cryptoMapSettingLines(entry),
    '!',
  ]);
  const maps = crypto.cryptoMaps.flatMap((entry, index) => {
    // IOS writes a map's local address just before its first entry.
    const localAddress = crypto.mapLocalAddresses[entry.map];
    const firstOfMap = crypto.cryptoMaps.findIndex((other) => other.map === entry.map) === index;
    const local = firstOfMap && localAddress !== undefined ? [`crypto map ${entry.map} local-address ${localAddress}`] : [];
    const head = `crypto map ${entry.map} ${entry.seq} ipsec-isakmp`;
    if (entry.dynamicMap) return [...local, `${head} dynamic ${entry.dynamicMap}${entry.discover ? ' discover' : ''}`, '!'];
    return [...local, head, ...descriptionLine(entry), ...cryptoMapSettingLines(entry), '!'];
  });
  return [
    ...isakmp,
    ...lifetimes,
    ...sets,
    ...(dynamic.length ? [...dynamic, '!'] : []),
    ...(maps.length ? [...maps, '!'] : []),
  ];
}

/** The order IOS writes line sub-commands in, whatever order they were typed. */
const LINE_SETTING_ORDER = ['session-timeout', 'access-class', 'exec-timeout', 'privilege', 'password', 'logging', 'login', 'history', 'transport'];

function lineSettingRank(text: string): number {
  const rank = LINE_SETTING_ORDER.indexOf(text.split(' ')[0]!);
  return rank < 0 ? LINE_SETTING_ORDER.length : rank;
}

function lineSectionLines(config: IosConfig): string[] {
  const encrypt = config.services['password-encryption'];
  return config.lineSections.flatMap((section) => [
    `line ${section.name}`,
    ...[...section.lines].sort((a, b) => lineSettingRank(a) - lineSettingRank(b)).map((text) => {
      const password = /^password (?!7 )(.*)$/.exec(text);
      return password ? ` password ${hidePassword(password[1]!, encrypt)}` : ` ${text}`;
    }),
  ]);
}

/** IOS 12.2 writes these between the interfaces and `ip classless`: timeouts, then mappings. */
function natLines(config: IosConfig): string[] {
  const { nat } = config;
  return [
    ...NAT_TIMEOUT_NAMES.flatMap((name) => (nat.timeouts[name] === undefined ? [] : [`ip nat translation ${name} ${nat.timeouts[name]}`])),
    ...nat.insideSourceLists.map(
      (list) => `ip nat inside source list ${list.accessList} interface ${list.interfaceName}${list.overload ? ' overload' : ''}`,
    ),
    ...nat.insideSourceStatics.map((entry) => `ip nat inside source static ${formatIpv4(entry.local)} ${formatIpv4(entry.global)}`),
  ];
}

function ipLines(config: IosConfig): { early: string[]; late: string[] } {
  const { ip } = config;
  return {
    early: [
      ip.subnetZero ? 'ip subnet-zero' : 'no ip subnet-zero',
      ...kept(config, 'after-subnet-zero'),
      '!', '!',
      ...(ip.domainLookup ? [] : ['no ip domain-lookup']),
    ],
    late: [
      ip.classless ? 'ip classless' : 'no ip classless',
      ...[...config.staticRoutes].sort((a, b) => a.prefix - b.prefix || a.mask - b.mask).map(staticRouteLine),
      ip.httpServer ? 'ip http server' : 'no ip http server',
    ],
  };
}

/** The configuration text from the first `!` to `end`, one array entry per line. */
export function runningConfigBody(config: IosConfig): string[] {
  const section = (lines: string[]) => (lines.length > 0 ? [...lines, '!'] : []);
  const ip = ipLines(config);
  const interfaces = [...config.interfaces].sort((a, b) => compareForRunningConfig(a.name, b.name));
  return [
    '!',
    'version 12.2',
    ...serviceLines(config),
    '!',
    `hostname ${config.hostname}`,
    '!',
    ...section([...config.bootSystem.map((image) => `boot system ${image}`), ...kept(config, 'after-boot')]),
    ...section([...enableLines(config), ...kept(config, 'after-enable')]),
    ...(config.iomemPercent === undefined ? [] : [`memory-size iomem ${config.iomemPercent}`]),
    ...kept(config, 'before-subnet-zero'),
    ...ip.early,
    ...kept(config, 'ip-global'),
    ...dhcpPoolLines(config),
    '!', '!', '!', '!', '!', '!',
    ...qosAndKeyChainLines(config),
    ...cryptoLines(config),
    ...blockLines(config, 'controller'),
    ...interfaces.flatMap(interfaceLines),
    ...routerSectionLines(config),
    ...natLines(config),
    ...ip.late,
    '!',
    ...namedAccessListLines(config),
    '!',
    '!',
    ...kept(config, 'before-access-lists'),
    ...numberedAccessListLines(config),
    ...kept(config, 'after-numbered-acls'),
    '!',
    ...routeMapLines(config),
    ...blockLines(config, 'time-range'),
    ...section(kept(config, 'after-access-lists')),
    ...kept(config, 'before-lines'),
    ...blockLines(config, 'voice-port'),
    ...blockLines(config, 'dial-peer'),
    '!',
    ...lineSectionLines(config),
    '!',
    ...section(kept(config, 'after-lines')),
    'end',
  ];
}

/** The byte count IOS reports: the body with a newline after every line. */
export function configByteCount(body: readonly string[]): number {
  return body.reduce((total, line) => total + Buffer.byteLength(line, 'utf8') + 1, 0);
}

function withHeader(body: string[]): string[] {
  return [IosText.buildingConfiguration, '', IosText.currentConfiguration(configByteCount(body)), ...body];
}

/** The whole `show running-config` output. */
export function renderRunningConfig(config: IosConfig): string[] {
  return withHeader(runningConfigBody(config));
}

/** `show running-config interface NAME`: one interface section, counted like the whole file. */
export function renderRunningConfigInterface(iface: InterfaceConfig): string[] {
  return withHeader(['!', ...interfaceSection(iface), 'end']);
}
