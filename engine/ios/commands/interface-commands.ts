import { formatIpv4, inSubnet, networkOf, parseIpv4, prefixLengthOfMask } from '../../wire/ipv4-address.ts';
import type { Args } from '../cli/command-types.ts';
import { interfaceType, isSubinterface, type InterfaceConfig } from '../config/interfaces.ts';
import { IosText } from '../messages.ts';
import { targetOf, type CommandContext, type CommandSpec } from './command-context.ts';
import { NAT_INTERFACE_COMMANDS } from './nat-commands.ts';
import { ENCAPSULATION_COMMANDS } from './encapsulation-commands.ts';
import { withHelp } from './shared-grammar.ts';

/** `(config-if)#` commands. */

const ACL_ID = '(<1-199>$list|<1300-2699>$list|WORD$list)';

const HELP = {
  ip: 'Interface Internet Protocol config commands',
  address: 'Set the IP address of an interface',
  $address: 'IP address',
  $mask: 'IP subnet mask',
  description: 'Interface specific description',
  $text: 'Up to 240 characters describing this interface',
  shutdown: 'Shutdown the selected interface',
  duplex: 'Configure duplex operation.',
  auto: 'Enable AUTO duplex configuration',
  full: 'Force full duplex operation',
  half: 'Force half-duplex operation',
  'auto$speed': 'Enable AUTO speed configuration',
  '10$speed': 'Force 10 Mbps operation',
  '100$speed': 'Force 100 Mbps operation',
  speed: 'Configure speed operation.',
  'access-group': 'Specify access control for packets',
  '<1-199>': 'IP access list (standard or extended)',
  '<1300-2699>': 'IP expanded access list (standard or extended)',
  WORD: 'Access-list name',
  in: 'inbound packets',
  out: 'outbound packets',
  crypto: 'Encryption/Decryption commands',
  map: 'Assign a Crypto Map',
  $map: 'Crypto Map tag',
  redirects: 'Enable sending ICMP Redirect messages',
  unreachables: 'Enable sending ICMP Unreachable messages',
  'proxy-arp': 'Enable proxy ARP',
  'route-cache': 'Enable fast-switching cache for outgoing packets',
  'mroute-cache': 'Enable switching cache for incoming multicast packets',
  keepalive: 'Enable keepalive',
  cdp: 'CDP interface subcommands',
  enable: 'Enable CDP on interface',
  bandwidth: 'Set bandwidth informational parameter',
  $kbps: 'Bandwidth in kilobits',
};

function validAddress(ctx: CommandContext, iface: InterfaceConfig, address: number, mask: number): string | undefined {
  const text = formatIpv4(address);
  const length = prefixLengthOfMask(mask);
  if (length === undefined) return IosText.badMaskHex(mask, text);
  const host = address & ~mask;
  if (length < 31 && (host === 0 || (host | mask) >>> 0 === 0xffffffff)) return IosText.badMaskPrefix(length, text);
  for (const other of ctx.config.interfaces) {
    if (other === iface || !other.address) continue;
    const shorter = Math.min(length, prefixLengthOfMask(other.address.mask) ?? 32);
    const common = shorter === 0 ? 0 : (0xffffffff << (32 - shorter)) >>> 0;
    if (inSubnet(address, other.address.address, common)) return IosText.overlaps(formatIpv4(networkOf(address, mask)), other.name);
  }
  return undefined;
}

function setAddress(ctx: CommandContext, args: Args): void {
  const iface = targetOf(ctx, 'config-if');
  const address = parseIpv4(args.get('address')!)!;
  const mask = parseIpv4(args.get('mask')!)!;
  if (isSubinterface(iface.name) && iface.dot1q === undefined) return ctx.reject(IosText.subinterfaceNeedsVlan);
  const problem = validAddress(ctx, iface, address, mask);
  if (problem) return ctx.reject(problem);
  iface.address = { address, mask };
  iface.addressMethod = ctx.origin === 'startup' ? 'NVRAM' : 'manual';
}

function physicalOnly(ctx: CommandContext, apply: (iface: InterfaceConfig) => void): void {
  const iface = targetOf(ctx, 'config-if');
  // Only an Ethernet port has duplex and speed: elsewhere IOS rejects the first word.
  if (interfaceType(iface.name)?.name !== 'FastEthernet' || isSubinterface(iface.name)) return ctx.rejectAt(ctx.line.search(/\S/));
  apply(iface);
}

function setAccessGroup(ctx: CommandContext, args: Args): void {
  const iface = targetOf(ctx, 'config-if');
  const direction = args.get('direction') === 'in' ? 'accessGroupIn' : 'accessGroupOut';
  if (!args.has('no')) iface[direction] = args.get('list')!;
  else if (!args.has('list') || iface[direction] === args.get('list')) delete iface[direction];
}

/** Lines kept as text: `no ip route-cache` replaces `ip route-cache` and the other way round. */
function keepLine(ctx: CommandContext, args: Args): void {
  const iface = targetOf(ctx, 'config-if');
  const text = args.canonical();
  const key = (line: string) => line.replace(/^no /, '').split(' ').slice(0, 2).join(' ');
  iface.kept = iface.kept.filter((line) => key(line) !== key(text));
  // IOS shows only the non-default form: these features are on by default, bandwidth has a value.
  if (args.has('no') !== args.has('bandwidth')) iface.kept.push(text);
}

export const INTERFACE_COMMANDS: CommandSpec[] = withHelp(HELP, [
  {
    syntax: 'description LINE$text',
    run: (ctx, args) => {
      targetOf(ctx, 'config-if').description = args.get('text')!;
    },
  },
  {
    syntax: 'no description',
    run: (ctx) => {
      delete targetOf(ctx, 'config-if').description;
    },
  },
  { syntax: 'ip address A.B.C.D$address A.B.C.D$mask', run: setAddress },
  {
    syntax: 'no ip address [A.B.C.D$address A.B.C.D$mask]',
    run: (ctx) => {
      const iface = targetOf(ctx, 'config-if');
      delete iface.address;
      iface.addressMethod = ctx.origin === 'startup' ? 'NVRAM' : 'manual';
    },
  },
  {
    syntax: '[no] shutdown',
    run: (ctx, args) => {
      targetOf(ctx, 'config-if').shutdown = !args.has('no');
    },
  },
  {
    syntax: '[no] duplex [(auto$mode|full$mode|half$mode)]',
    run: (ctx, args) =>
      physicalOnly(ctx, (iface) => {
        iface.duplex = args.has('no') ? 'auto' : ((args.get('mode') ?? 'auto') as InterfaceConfig['duplex']);
      }),
  },
  {
    syntax: '[no] speed [(10$speed|100$speed|auto$speed)]',
    run: (ctx, args) =>
      physicalOnly(ctx, (iface) => {
        iface.speed = args.has('no') ? 'auto' : ((args.get('speed') ?? 'auto') as InterfaceConfig['speed']);
      }),
  },
  { syntax: `ip access-group ${ACL_ID} (in$direction|out$direction)`, run: setAccessGroup },
  { syntax: `no ip access-group [${ACL_ID}] (in$direction|out$direction)`, run: setAccessGroup },
  {
    syntax: 'crypto map WORD$map',
    run: (ctx, args) => {
      targetOf(ctx, 'config-if').cryptoMap = args.get('map')!;
    },
  },
  {
    syntax: 'no crypto map [WORD$map]',
    run: (ctx) => {
      delete targetOf(ctx, 'config-if').cryptoMap;
    },
  },
  { syntax: '[no] ip (redirects|unreachables|proxy-arp|route-cache|mroute-cache)', run: keepLine },
  { syntax: '[no] keepalive', run: keepLine },
  { syntax: '[no] cdp enable', run: keepLine },
  { syntax: 'bandwidth <1-10000000>$kbps', run: keepLine },
  { syntax: 'no bandwidth', run: keepLine },
  ...NAT_INTERFACE_COMMANDS,
  ...ENCAPSULATION_COMMANDS,
]);
