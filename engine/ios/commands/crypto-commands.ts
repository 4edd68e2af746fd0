import { parseIpv4 } from '../../wire/ipv4-address.ts';
import type { Args } from '../cli/command-types.ts';
import {
  defaultIsakmpPolicy,
  type CryptoConfig,
  type CryptoMapEntry,
  type DynamicMapEntry,
  type Transform,
  type TransformName,
} from '../config/config-model.ts';
import { IosText } from '../messages.ts';
import type { CommandContext, CommandSpec } from './command-context.ts';
import { withHelp } from './shared-grammar.ts';

/** Global `crypto ...` commands: ISAKMP policies and keys, transform sets, crypto maps. */

export const TRANSFORM_HELP: Record<TransformName, string> = {
  'ah-md5-hmac': 'AH-HMAC-MD5 transform',
  'ah-sha-hmac': 'AH-HMAC-SHA transform',
  'esp-3des': 'ESP transform using 3DES(EDE) cipher (168 bits)',
  'esp-aes': 'ESP transform using AES cipher',
  'esp-des': 'ESP transform using DES cipher (56 bits)',
  'esp-md5-hmac': 'ESP transform using HMAC-MD5 auth',
  'esp-null': 'ESP transform w/o cipher',
  'esp-sha-hmac': 'ESP transform using HMAC-SHA auth',
};

/** At most one transform of each family in a set. */
const TRANSFORM_FAMILY: Record<TransformName, 'ah' | 'esp-cipher' | 'esp-auth'> = {
  'ah-md5-hmac': 'ah',
  'ah-sha-hmac': 'ah',
  'esp-des': 'esp-cipher',
  'esp-3des': 'esp-cipher',
  'esp-aes': 'esp-cipher',
  'esp-null': 'esp-cipher',
  'esp-md5-hmac': 'esp-auth',
  'esp-sha-hmac': 'esp-auth',
};

const FAMILY_ORDER = ['ah', 'esp-cipher', 'esp-auth'];

const TRANSFORM = `(${Object.keys(TRANSFORM_HELP)
  .map((name) => (name === 'esp-aes' ? `esp-aes$t [(128$bits|192$bits|256$bits)]` : `${name}$t`))
  .join('|')})`;

const HELP = {
  crypto: 'Encryption module',
  isakmp: 'Configure ISAKMP policy',
  policy: 'Set policy for an ISAKMP protection suite',
  $priority: 'Priority of protection suite',
  key: 'Set pre-shared key for remote peer',
  $key: 'pre-shared key',
  address: 'define shared key with IP address',
  $address: 'Peer IP address',
  $mask: 'Peer IP subnet mask',
  ipsec: 'Configure IPSEC policy',
  'transform-set': 'Define transform and settings',
  $name: 'Transform set tag',
  ...TRANSFORM_HELP,
  128: '128 bit keys.',
  192: '192 bit keys.',
  256: '256 bit keys.',
  map: 'Enter a crypto map',
  $map: 'Crypto map tag',
  $seq: 'Sequence to insert into crypto map entry',
  'ipsec-isakmp': 'IPSEC w/ISAKMP',
  dynamic: 'Enable dynamic crypto map support',
  $dynamic: 'Name of dynamic-map template',
  discover: 'Enable peer discovery',
  'dynamic-map': 'Specify a dynamic crypto map template',
  'security-association': 'Security association parameters',
  lifetime: 'security association lifetime',
  seconds: 'Time-based key duration in seconds',
  kilobytes: 'Volume-based key duration',
  $sec: 'Security association duration in seconds',
  $kb: 'Security association duration in kilobytes encrypted',
  $dynName: 'Dynamic crypto map template tag',
  $dynSeq: 'Sequence to insert into dynamic crypto map entry',
};

function enterPolicy(ctx: CommandContext, args: Args): void {
  const priority = args.number('priority')!;
  const policies = ctx.config.crypto.isakmpPolicies;
  let policy = policies.find((candidate) => candidate.priority === priority);
  if (!policy) {
    policy = defaultIsakmpPolicy(priority);
    policies.push(policy);
  }
  ctx.enterMode({ id: 'config-isakmp', target: policy });
}

function setKey(ctx: CommandContext, args: Args): void {
  const address = parseIpv4(args.get('address')!)!;
  const maskText = args.get('mask');
  const mask = maskText === undefined ? undefined : parseIpv4(maskText)!;
  const keys = ctx.config.crypto.isakmpKeys.filter((key) => key.address !== address || key.mask !== mask);
  if (!args.has('no')) keys.push({ key: args.get('key')!, address, ...(mask === undefined ? {} : { mask }) });
  ctx.config.crypto.isakmpKeys = keys;
}

function transformsOf(ctx: CommandContext, args: Args): Transform[] | undefined {
  const names = args.all('t') as TransformName[];
  const bits = args.number('bits') as Transform['keyBits'];
  const seen = new Map<string, TransformName>();
  for (const name of names) {
    const earlier = seen.get(TRANSFORM_FAMILY[name]);
    if (earlier) {
      ctx.reject(IosText.transformConflict(earlier, name));
      return undefined;
    }
    seen.set(TRANSFORM_FAMILY[name], name);
  }
  const ordered = [...names].sort((a, b) => FAMILY_ORDER.indexOf(TRANSFORM_FAMILY[a]) - FAMILY_ORDER.indexOf(TRANSFORM_FAMILY[b]));
  return ordered.map((name) => (name === 'esp-aes' && bits ? { name, keyBits: bits } : { name }));
}

function defineTransformSet(ctx: CommandContext, args: Args): void {
  const transforms = transformsOf(ctx, args);
  if (!transforms) return;
  const name = args.get('name')!;
  const sets = ctx.config.crypto.transformSets;
  let set = sets.find((candidate) => candidate.name === name);
  if (set) set.transforms = transforms;
  else {
    set = { name, transforms, mode: 'tunnel' };
    sets.push(set);
  }
  ctx.enterMode({ id: 'cfg-crypto-trans', target: set });
}

/** Keeps entries grouped by name (first configured first) and sorted by sequence number. */
function insertSorted<T>(list: T[], entry: T, name: (e: T) => string, seq: (e: T) => number): void {
  const names = [...new Set(list.map(name))];
  const rank = (e: T) => {
    const index = names.indexOf(name(e));
    return (index < 0 ? names.length : index) * 1e6 + seq(e);
  };
  list.push(entry);
  list.sort((a, b) => rank(a) - rank(b));
}

function mapEntry(crypto: CryptoConfig, map: string, seq: number): CryptoMapEntry {
  let entry = crypto.cryptoMaps.find((e) => e.map === map && e.seq === seq);
  if (!entry) {
    entry = { map, seq, discover: false, peers: [], transformSets: [] };
    insertSorted(crypto.cryptoMaps, entry, (e) => e.map, (e) => e.seq);
  }
  return entry;
}

function enterCryptoMap(ctx: CommandContext, args: Args): void {
  const map = args.get('map')!;
  const seq = args.number('seq')!;
  const isNew = !ctx.config.crypto.cryptoMaps.some((e) => e.map === map && e.seq === seq);
  const entry = mapEntry(ctx.config.crypto, map, seq);
  delete entry.dynamicMap;
  entry.discover = false;
  if (isNew && ctx.origin === 'console') ctx.print(IosText.cryptoMapNote);
  ctx.enterMode({ id: 'config-crypto-map', target: entry });
}

function bindDynamicMap(ctx: CommandContext, args: Args): void {
  const entry = mapEntry(ctx.config.crypto, args.get('map')!, args.number('seq')!);
  entry.dynamicMap = args.get('dynamic')!;
  entry.discover = args.has('discover');
}

function enterDynamicMap(ctx: CommandContext, args: Args): void {
  const name = args.get('dynName')!;
  const seq = args.number('dynSeq')!;
  const list = ctx.config.crypto.dynamicMaps;
  let entry = list.find((e) => e.name === name && e.seq === seq);
  if (!entry) {
    entry = { name, seq, peers: [], transformSets: [] } satisfies DynamicMapEntry;
    insertSorted(list, entry, (e) => e.name, (e) => e.seq);
  }
  ctx.enterMode({ id: 'config-crypto-map', target: entry });
}

function setGlobalLifetime(ctx: CommandContext, args: Args): void {
  const lifetime = ctx.config.crypto.saLifetime;
  const unit = args.has('seconds') ? 'seconds' : 'kilobytes';
  if (args.has('no')) delete lifetime[unit];
  else lifetime[unit] = args.number(unit === 'seconds' ? 'sec' : 'kb')!;
}

function removeMaps(ctx: CommandContext, args: Args): void {
  const crypto = ctx.config.crypto;
  const seq = args.number('seq') ?? args.number('dynSeq');
  if (args.has('map')) {
    crypto.cryptoMaps = crypto.cryptoMaps.filter((e) => e.map !== args.get('map') || (seq !== undefined && e.seq !== seq));
  } else {
    crypto.dynamicMaps = crypto.dynamicMaps.filter((e) => e.name !== args.get('dynName') || (seq !== undefined && e.seq !== seq));
  }
}

export const CRYPTO_COMMANDS: CommandSpec[] = withHelp(HELP, [
  { syntax: 'crypto isakmp policy <1-10000>$priority', run: enterPolicy },
  {
    syntax: 'no crypto isakmp policy <1-10000>$priority',
    run: (ctx, args) => {
      const crypto = ctx.config.crypto;
      crypto.isakmpPolicies = crypto.isakmpPolicies.filter((policy) => policy.priority !== args.number('priority'));
    },
  },
  { syntax: '[no] crypto isakmp key WORD$key address A.B.C.D$address [A.B.C.D$mask]', run: setKey },
  { syntax: `crypto ipsec transform-set WORD$name ${TRANSFORM} [${TRANSFORM} [${TRANSFORM}]]`, run: defineTransformSet },
  {
    syntax: 'no crypto ipsec transform-set WORD$name',
    run: (ctx, args) => {
      const crypto = ctx.config.crypto;
      crypto.transformSets = crypto.transformSets.filter((set) => set.name !== args.get('name'));
    },
  },
  {
    syntax: '[no] crypto ipsec security-association lifetime (seconds <120-86400>$sec|kilobytes <2560-536870912>$kb)',
    run: setGlobalLifetime,
  },
  { syntax: 'crypto map WORD$map <1-65535>$seq [ipsec-isakmp]', run: enterCryptoMap },
  { syntax: 'crypto map WORD$map <1-65535>$seq ipsec-isakmp dynamic WORD$dynamic [discover]', run: bindDynamicMap },
  { syntax: 'no crypto map WORD$map [<1-65535>$seq]', run: removeMaps },
  { syntax: 'crypto dynamic-map WORD$dynName <1-65535>$dynSeq', run: enterDynamicMap },
  { syntax: 'no crypto dynamic-map WORD$dynName [<1-65535>$dynSeq]', run: removeMaps },
]);
