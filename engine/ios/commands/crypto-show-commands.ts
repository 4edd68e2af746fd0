import { renderShowCryptoMap } from '../render/show-crypto-map.ts';
import { renderShowCryptoIsakmpKey, renderShowSaLifetime } from '../render/show-crypto-settings.ts';
import type { CommandSpec } from './command-context.ts';
import { IFNAME, interfaceNameOf } from './shared-grammar.ts';

/** The narrower crypto shows: one crypto map by tag or interface, the keys, the global SA lifetime. */

const HELP = {
  show: 'Show running system information',
  crypto: 'Encryption module',
  map: 'Crypto maps',
  tag: 'Crypto maps with a given tag',
  $tag: 'crypto map tag',
  interface: 'Crypto maps for an interface',
  isakmp: 'Show ISAKMP',
  key: 'Show ISAKMP preshared keys',
  ipsec: 'Show IPSEC policy',
  'security-association': 'Show parameters for IPSec security associations',
  lifetime: 'security association lifetime',
};

const COMMANDS: CommandSpec[] = [
  {
    syntax: 'show crypto map tag WORD$tag',
    run: (ctx, args) => ctx.print(...renderShowCryptoMap(ctx.config, ctx.services.cryptoMapInstances(), { tag: args.get('tag')! })),
  },
  {
    syntax: `show crypto map interface ${IFNAME}`,
    run: (ctx, args) => {
      const filter = { interfaceName: interfaceNameOf(args)! };
      ctx.print(...renderShowCryptoMap(ctx.config, ctx.services.cryptoMapInstances(), filter));
    },
  },
  { syntax: 'show crypto isakmp key', run: (ctx) => ctx.print(...renderShowCryptoIsakmpKey(ctx.config)) },
  { syntax: 'show crypto ipsec security-association lifetime', run: (ctx) => ctx.print(...renderShowSaLifetime(ctx.config)) },
];

export const CRYPTO_SHOW_COMMANDS: CommandSpec[] = COMMANDS.map((command) => ({ help: HELP, ...command }));
