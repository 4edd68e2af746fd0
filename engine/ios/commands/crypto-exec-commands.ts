import { parseIpv4 } from '../../wire/ipv4-address.ts';
import type { Args } from '../cli/command-types.ts';
import { renderShowCryptoIsakmpSa } from '../debug/isakmp-show.ts';
import {
  renderShowCryptoEngineConnectionsActive, renderShowCryptoIpsecSa, renderShowCryptoIpsecSaAddress,
  renderShowCryptoIpsecTransformSet,
} from '../debug/ipsec-show.ts';
import { renderShowCryptoDynamicMap } from '../render/show-crypto-dynamic-map.ts';
import type { CommandContext, CommandSpec } from './command-context.ts';

/** The crypto exec commands: IKE and IPsec state, and clearing it. */

const HELP = {
  show: 'Show running system information',
  clear: 'Reset functions',
  crypto: 'Encryption module',
  isakmp: 'Show ISAKMP',
  sa: 'Show ISAKMP Security Associations',
  ipsec: 'Show IPSEC policy',
  peer: 'Show all SAs for a specific peer',
  $peer: 'Peer address',
  address: 'Show all SAs sorted by destination address',
  'transform-set': 'Crypto transform sets',
  engine: 'Show crypto engine info',
  connections: 'Show current connection information',
  active: 'Show all currently used connections',
  $connId: 'connection id',
  'dynamic-map': 'Crypto map templates',
  tag: 'Show a crypto dynamic map set',
  $tag: 'Crypto dynamic map template tag',
};

function showIpsecSa(ctx: CommandContext, args: Args): void {
  const snapshots = ctx.services.crypto().ipsecSas();
  if (args.has('address')) return ctx.print(...renderShowCryptoIpsecSaAddress(snapshots));
  const peer = args.get('peer');
  ctx.print(...renderShowCryptoIpsecSa(snapshots, peer === undefined ? undefined : parseIpv4(peer)));
}

function clearSa(ctx: CommandContext, args: Args): void {
  const peer = args.get('peer');
  ctx.services.crypto().clearIpsecSas(peer === undefined ? undefined : parseIpv4(peer));
}

const COMMANDS: CommandSpec[] = [
  { syntax: 'show crypto isakmp sa', run: (ctx) => ctx.print(...renderShowCryptoIsakmpSa(ctx.services.crypto().isakmpSas())) },
  { syntax: 'show crypto ipsec sa [(peer A.B.C.D$peer|address$address)]', run: showIpsecSa },
  {
    syntax: 'show crypto ipsec transform-set',
    run: (ctx) => ctx.print(...renderShowCryptoIpsecTransformSet(ctx.config.crypto.transformSets)),
  },
  {
    syntax: 'show crypto engine connections active',
    run: (ctx) => ctx.print(...renderShowCryptoEngineConnectionsActive(ctx.services.crypto().engineConnections())),
  },
  {
    syntax: 'show crypto dynamic-map [tag WORD$tag]',
    run: (ctx, args) => ctx.print(...renderShowCryptoDynamicMap(ctx.config, args.get('tag'))),
  },
  { syntax: 'clear crypto sa [peer A.B.C.D$peer]', run: clearSa },
  { syntax: 'clear crypto isakmp [<1-32766>$connId]', run: (ctx, args) => ctx.services.crypto().clearIsakmp(args.number('connId')) },
];

export const CRYPTO_EXEC_COMMANDS: CommandSpec[] = COMMANDS.map((command) => ({ help: HELP, ...command }));
