import type { Args } from '../cli/command-types.ts';
import type { CommandContext, CommandSpec } from './command-context.ts';
import { IFNAME, interfaceNameOf, withHelp } from './shared-grammar.ts';

/**
 * `crypto map MAP local-address INTERFACE` (12.2 Security Command Reference, "crypto map
 * local-address"): the map's SAs use that interface's address (a Loopback, typically) as their
 * local end, whatever interface the map is applied to. IKE speaks from that address and ESP
 * leaves and arrives with it.
 */

const HELP = {
  crypto: 'Encryption module',
  map: 'Enter a crypto map',
  $map: 'Crypto map tag',
  'local-address': 'Interface to use for local address for this crypto map',
};

function setLocalAddress(ctx: CommandContext, args: Args): void {
  // The interface need not exist yet: IOS writes this line above the interfaces in its configuration.
  ctx.config.crypto.mapLocalAddresses[args.get('map')!] = interfaceNameOf(args)!;
}

function removeLocalAddress(ctx: CommandContext, args: Args): void {
  delete ctx.config.crypto.mapLocalAddresses[args.get('map')!];
}

export const CRYPTO_LOCAL_ADDRESS_COMMANDS: CommandSpec[] = withHelp(HELP, [
  { syntax: `crypto map WORD$map local-address ${IFNAME}`, run: setLocalAddress },
  { syntax: `no crypto map WORD$map local-address [${IFNAME}]`, run: removeLocalAddress },
]);
