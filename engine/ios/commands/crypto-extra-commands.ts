import { parseIpv4 } from '../../wire/ipv4-address.ts';
import type { Args, HelpTable } from '../cli/command-types.ts';
import type { CommandContext, CommandSpec } from './command-context.ts';

/**
 * Crypto lines of 12.2T and 12.3 configurations that change nothing the lab does:
 * `crypto isakmp key ... no-xauth` (the lab never runs XAUTH, so the key works as without it)
 * and a crypto map entry's `description`. Both are kept and shown where IOS shows them.
 */

const KEY_HELP: HelpTable = {
  crypto: 'Encryption module',
  isakmp: 'Configure ISAKMP policy',
  key: 'Set pre-shared key for remote peer',
  $key: 'pre-shared key',
  address: 'define shared key with IP address',
  $address: 'Peer IP address',
  $mask: 'Peer IP subnet mask',
  'no-xauth': 'Bypasses XAuth for this peer',
};

function setKeyWithoutXauth(ctx: CommandContext, args: Args): void {
  const address = parseIpv4(args.get('address')!)!;
  const maskText = args.get('mask');
  const mask = maskText === undefined ? undefined : parseIpv4(maskText)!;
  const keys = ctx.config.crypto.isakmpKeys.filter((key) => key.address !== address || key.mask !== mask);
  keys.push({ key: args.get('key')!, address, ...(mask === undefined ? {} : { mask }), noXauth: true });
  ctx.config.crypto.isakmpKeys = keys;
}

export const CRYPTO_EXTRA_GLOBAL_COMMANDS: CommandSpec[] = [
  { syntax: 'crypto isakmp key WORD$key address A.B.C.D$address [A.B.C.D$mask] no-xauth', help: KEY_HELP, run: setKeyWithoutXauth },
];

export const CRYPTO_MAP_EXTRA_COMMANDS: CommandSpec[] = [
  {
    syntax: 'description LINE$text',
    help: { description: 'Description of the crypto map statement policy', $text: 'Up to 80 characters describing this crypto map' },
    run: (ctx, args) => {
      if ('target' in ctx.mode && 'peers' in ctx.mode.target) ctx.mode.target.description = args.get('text')!;
    },
  },
  {
    syntax: 'no description [LINE$rest]',
    help: { description: 'Description of the crypto map statement policy', $rest: 'Ignored' },
    run: (ctx) => {
      if ('target' in ctx.mode && 'peers' in ctx.mode.target) delete ctx.mode.target.description;
    },
  },
];
