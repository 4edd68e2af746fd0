import { parseIpv4 } from '../../wire/ipv4-address.ts';
import type { Args } from '../cli/command-types.ts';
import {
  defaultIsakmpPolicy,
  type DhGroup,
  type IsakmpAuthentication,
  type IsakmpHash,
  type IsakmpPolicy,
  type PfsGroup,
} from '../config/config-model.ts';
import { IosText } from '../messages.ts';
import { targetOf, type CommandContext, type CommandSpec } from './command-context.ts';
import { withHelp } from './shared-grammar.ts';

/** The sub-modes of crypto: `(config-isakmp)#`, `(cfg-crypto-trans)#` and `(config-crypto-map)#`. */

const ISAKMP_HELP = {
  encryption: 'Set encryption algorithm for protection suite',
  des: 'Data Encryption Standard (56 bit keys).',
  '3des': 'Three key triple DES.',
  aes: 'AES - Advanced Encryption Standard.',
  128: '128 bit keys.',
  192: '192 bit keys.',
  256: '256 bit keys.',
  hash: 'Set hash algorithm for protection suite',
  sha: 'Secure Hash Standard',
  md5: 'Message Digest 5',
  authentication: 'Set authentication method for protection suite',
  'pre-share': 'Pre-Shared Key',
  'rsa-encr': 'Rivest-Shamir-Adleman Encryption',
  'rsa-sig': 'Rivest-Shamir-Adleman Signature',
  group: 'Set the Diffie-Hellman group',
  1: 'Diffie-Hellman group 1',
  2: 'Diffie-Hellman group 2',
  5: 'Diffie-Hellman group 5',
  lifetime: 'Set lifetime for ISAKMP security association',
  $seconds: 'lifetime in seconds',
};

type PolicySetting = 'encryption' | 'hash' | 'authentication' | 'group' | 'lifetime';

function resetPolicy(policy: IsakmpPolicy, setting: PolicySetting): void {
  const defaults = defaultIsakmpPolicy(policy.priority);
  if (setting === 'encryption') {
    policy.encryption = defaults.encryption;
    delete policy.keyBits;
  } else if (setting === 'lifetime') policy.lifetimeSeconds = defaults.lifetimeSeconds;
  else (policy as unknown as Record<string, unknown>)[setting] = defaults[setting];
}

function setPolicy(ctx: CommandContext, args: Args): void {
  const policy = targetOf(ctx, 'config-isakmp');
  if (args.has('encryption')) {
    policy.encryption = args.get('cipher') as IsakmpPolicy['encryption'];
    const bits = args.number('bits') as IsakmpPolicy['keyBits'];
    if (bits) policy.keyBits = bits;
    else delete policy.keyBits;
  }
  if (args.has('hash')) policy.hash = args.get('digest') as IsakmpHash;
  if (args.has('authentication')) policy.authentication = args.get('method') as IsakmpAuthentication;
  if (args.has('group')) policy.group = args.number('dh') as DhGroup;
  if (args.has('lifetime')) policy.lifetimeSeconds = args.number('seconds')!;
}

export const ISAKMP_COMMANDS: CommandSpec[] = withHelp(ISAKMP_HELP, [
  { syntax: 'encryption (des$cipher|3des$cipher|aes$cipher [(128$bits|192$bits|256$bits)])', run: setPolicy },
  { syntax: 'hash (sha$digest|md5$digest)', run: setPolicy },
  { syntax: 'authentication (pre-share$method|rsa-sig$method|rsa-encr$method)', run: setPolicy },
  { syntax: 'group (1$dh|2$dh|5$dh)', run: setPolicy },
  { syntax: 'lifetime <60-86400>$seconds', run: setPolicy },
  {
    syntax: 'no (encryption$setting|hash$setting|authentication$setting|group$setting|lifetime$setting)',
    run: (ctx, args) => resetPolicy(targetOf(ctx, 'config-isakmp'), args.get('setting') as PolicySetting),
  },
]);

const TRANSFORM_MODE_HELP = {
  mode: 'encapsulation mode (transport/tunnel)',
  tunnel: 'tunnel (datagram encapsulation) mode',
  transport: 'transport (payload encapsulation) mode',
};

export const TRANSFORM_SET_COMMANDS: CommandSpec[] = [
  {
    syntax: 'mode (tunnel$mode|transport$mode)',
    help: TRANSFORM_MODE_HELP,
    run: (ctx, args) => {
      targetOf(ctx, 'cfg-crypto-trans').mode = args.get('mode') as 'tunnel' | 'transport';
    },
  },
  {
    syntax: 'no mode [(tunnel$mode|transport$mode)]',
    help: TRANSFORM_MODE_HELP,
    run: (ctx) => {
      targetOf(ctx, 'cfg-crypto-trans').mode = 'tunnel';
    },
  },
];

const MAP_HELP = {
  set: 'Set values for encryption/decryption',
  peer: 'Allowed Encryption/Decryption peer',
  $peer: 'IP address of peer',
  'transform-set': 'Specify list of transform sets in priority order',
  $ts: 'Proposal tag',
  $names: 'Proposal tags',
  match: 'Match values.',
  address: 'Match address of packets to encrypt.',
  '<100-199>': 'IP access-list number',
  '<2000-2699>': 'IP access-list number (expanded range)',
  WORD: 'Access-list name',
  pfs: 'Specify pfs settings',
  group1: 'D-H Group1',
  group2: 'D-H Group2',
  group5: 'D-H Group5',
  'security-association': 'Security association parameters',
  lifetime: 'security association lifetime',
  seconds: 'Time-based key duration in seconds',
  kilobytes: 'Volume-based key duration',
  $seconds: 'Security association duration',
  $kilobytes: 'Security association duration',
};

const mapTarget = (ctx: CommandContext) => targetOf(ctx, 'config-crypto-map');

function setPeer(ctx: CommandContext, args: Args): void {
  const entry = mapTarget(ctx);
  const peer = parseIpv4(args.get('peer')!)!;
  entry.peers = entry.peers.filter((existing) => existing !== peer);
  if (!args.has('no')) entry.peers.push(peer);
}

function setTransformSets(ctx: CommandContext, args: Args): void {
  const names = args.all('ts');
  const missing = names.find((name) => !ctx.config.crypto.transformSets.some((set) => set.name === name));
  if (missing !== undefined) return ctx.reject(IosText.transformSetNotFound(missing));
  mapTarget(ctx).transformSets = names;
}

function setLifetime(ctx: CommandContext, args: Args): void {
  const entry = mapTarget(ctx);
  const negate = args.has('no');
  if (args.get('kind') === 'seconds') {
    if (negate) delete entry.lifetimeSeconds;
    else entry.lifetimeSeconds = args.number('seconds')!;
  } else if (negate) delete entry.lifetimeKilobytes;
  else entry.lifetimeKilobytes = args.number('kilobytes')!;
}

const TS = 'WORD$ts';

export const CRYPTO_MAP_COMMANDS: CommandSpec[] = withHelp(MAP_HELP, [
  { syntax: '[no] set peer A.B.C.D$peer', run: setPeer },
  { syntax: `set transform-set ${TS} [${TS} [${TS} [${TS} [${TS} [${TS}]]]]]`, run: setTransformSets },
  {
    syntax: 'no set transform-set [LINE$names]',
    run: (ctx) => {
      mapTarget(ctx).transformSets = [];
    },
  },
  {
    syntax: 'match address (<100-199>$acl|<2000-2699>$acl|WORD$acl)',
    run: (ctx, args) => {
      mapTarget(ctx).matchAddress = args.get('acl')!;
    },
  },
  {
    syntax: 'no match address [(<100-199>$acl|<2000-2699>$acl|WORD$acl)]',
    run: (ctx) => {
      delete mapTarget(ctx).matchAddress;
    },
  },
  {
    syntax: 'set pfs [(group1$group|group2$group|group5$group)]',
    run: (ctx, args) => {
      mapTarget(ctx).pfs = (args.get('group') ?? 'group1') as PfsGroup;
    },
  },
  {
    syntax: 'no set pfs [(group1$group|group2$group|group5$group)]',
    run: (ctx) => {
      delete mapTarget(ctx).pfs;
    },
  },
  {
    syntax: 'set security-association lifetime (seconds$kind <120-86400>$seconds|kilobytes$kind <2560-536870912>$kilobytes)',
    run: setLifetime,
  },
  { syntax: 'no set security-association lifetime (seconds$kind|kilobytes$kind)', run: setLifetime },
]);
