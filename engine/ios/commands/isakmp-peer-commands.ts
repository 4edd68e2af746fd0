import { parseIpv4 } from '../../wire/ipv4-address.ts';
import type { Args } from '../cli/command-types.ts';
import type { ClientEndpoint, IsakmpPeer } from '../config/config-model.ts';
import { targetOf, type CommandContext, type CommandSpec } from './command-context.ts';
import { withHelp } from './shared-grammar.ts';

/**
 * IKE: Initiate Aggressive Mode (IOS 12.2(8)T): `crypto isakmp peer address A` enters
 * `(config-isakmp-peer)#`, whose `set aggressive-mode ...` lines make the router start
 * aggressive mode with that peer; `crypto isakmp aggressive-mode disable` blocks it.
 */

const GLOBAL_HELP = {
  crypto: 'Encryption module',
  isakmp: 'Configure ISAKMP policy',
  peer: 'Set Peer Policy',
  address: 'IP address of the peer',
  $peerAddress: 'Peer IP address',
  'aggressive-mode': 'Disable Aggressive Mode',
  disable: 'Disable Aggressive Mode',
};

function enterPeer(ctx: CommandContext, args: Args): void {
  const address = parseIpv4(args.get('peerAddress')!)!;
  const peers = ctx.config.crypto.isakmpPeers;
  let peer = peers.find((candidate) => candidate.address === address);
  if (!peer) {
    peer = { address };
    peers.push(peer);
  }
  ctx.enterMode({ id: 'config-isakmp-peer', target: peer });
}

function removePeer(ctx: CommandContext, args: Args): void {
  const address = parseIpv4(args.get('peerAddress')!)!;
  const crypto = ctx.config.crypto;
  crypto.isakmpPeers = crypto.isakmpPeers.filter((peer) => peer.address !== address);
}

export const ISAKMP_PEER_GLOBAL_COMMANDS: CommandSpec[] = withHelp(GLOBAL_HELP, [
  { syntax: 'crypto isakmp peer address A.B.C.D$peerAddress', run: enterPeer },
  { syntax: 'no crypto isakmp peer address A.B.C.D$peerAddress', run: removePeer },
  {
    syntax: '[no] crypto isakmp aggressive-mode disable',
    run: (ctx, args) => {
      ctx.config.crypto.aggressiveModeDisabled = !args.has('no');
    },
  },
]);

const PEER_HELP = {
  set: 'Set values for peer policy',
  'aggressive-mode': 'Set aggressive mode attributes',
  password: 'Set the aggressive mode password',
  $password: 'Password (the pre-shared key of the aggressive mode)',
  'client-endpoint': 'Set the aggressive mode client endpoint',
  'ipv4-address': 'IPv4 address',
  $endpointAddress: 'Client endpoint IPv4 address',
  fqdn: 'Fully qualified domain name',
  $fqdn: 'Fully qualified domain name of the client endpoint',
  'user-fqdn': 'Fully qualified domain name of a user',
  $userFqdn: 'User fully qualified domain name of the client endpoint',
};

const ENDPOINT = '(ipv4-address A.B.C.D$endpointAddress|fqdn WORD$fqdn|user-fqdn WORD$userFqdn)';

const peerTarget = (ctx: CommandContext): IsakmpPeer => targetOf(ctx, 'config-isakmp-peer');

function endpointOf(args: Args): ClientEndpoint {
  const address = args.get('endpointAddress');
  if (address !== undefined) return { kind: 'ipv4-address', address: parseIpv4(address)! };
  const fqdn = args.get('fqdn');
  return fqdn !== undefined ? { kind: 'fqdn', name: fqdn } : { kind: 'user-fqdn', name: args.get('userFqdn')! };
}

export const ISAKMP_PEER_COMMANDS: CommandSpec[] = withHelp(PEER_HELP, [
  {
    syntax: 'set aggressive-mode password WORD$password',
    run: (ctx, args) => {
      peerTarget(ctx).aggressiveModePassword = args.get('password')!;
    },
  },
  {
    syntax: 'no set aggressive-mode password [WORD$password]',
    run: (ctx) => {
      delete peerTarget(ctx).aggressiveModePassword;
    },
  },
  {
    syntax: `set aggressive-mode client-endpoint ${ENDPOINT}`,
    run: (ctx, args) => {
      peerTarget(ctx).aggressiveModeClientEndpoint = endpointOf(args);
    },
  },
  {
    syntax: `no set aggressive-mode client-endpoint [${ENDPOINT}]`,
    run: (ctx) => {
      delete peerTarget(ctx).aggressiveModeClientEndpoint;
    },
  },
]);
