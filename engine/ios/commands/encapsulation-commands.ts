import type { Args } from '../cli/command-types.ts';
import { interfaceType, isSubinterface, type InterfaceConfig } from '../config/interfaces.ts';
import { targetOf, type CommandContext, type CommandSpec } from './command-context.ts';
import { refuseKnownLine, type NotModelledTopic } from './not-modelled.ts';
import { withHelp } from './shared-grammar.ts';

/**
 * `(config-if)#` commands of the link layer beyond Ethernet: a WIC serial port's encapsulation
 * (Cisco HDLC by default, or PPP) and the clock a DCE end gives the line, and a FastEthernet
 * subinterface's `encapsulation dot1Q N`, which puts it on VLAN N of its port's link (prompt
 * `(config-subif)#`). An interface of another kind refuses them at the first word, as IOS does
 * for a sub-command its type lacks.
 */

const HELP = {
  encapsulation: 'Set encapsulation type for an interface',
  hdlc: 'Serial HDLC synchronous',
  ppp: 'Point-to-Point protocol',
  dot1Q: 'IEEE 802.1Q Virtual LAN',
  $vlan: 'IEEE 802.1Q VLAN ID',
  clock: 'Configure serial interface clock',
  rate: 'Configure serial interface clock speed',
  clockrate: 'Configure serial interface clock speed',
  $rate: 'Choose clockrate from list above',
  'atm-dxi': 'ATM-DXI encapsulation',
  'frame-relay': 'Frame Relay networks',
  lapb: 'LAPB (X.25 Level 2)',
  smds: 'Switched Megabit Data Service (SMDS)',
  x25: 'X.25',
  isl: 'Inter Switch Link - Virtual LAN encapsulation',
  sde: 'IEEE 802.10 Virtual LAN - Secure Data Exchange',
  $options: 'The encapsulation\'s options',
};

/** Encapsulations of the 12.2 vocabulary the lab does not model: refused with tedlab's notice. */
const OTHER_ENCAPSULATIONS: NotModelledTopic = {
  name: 'encapsulation',
  reason: 'the lab\'s serial lines speak Cisco HDLC or PPP, its Ethernet links ARPA with 802.1Q VLANs',
  impact: 'behaviour',
};

function serialOnly(ctx: CommandContext, apply: (iface: InterfaceConfig) => void): void {
  const iface = targetOf(ctx, 'config-if');
  if (interfaceType(iface.name)?.name !== 'Serial') return ctx.rejectAt(ctx.line.search(/\S/));
  apply(iface);
}

function setEncapsulation(ctx: CommandContext, args: Args): void {
  serialOnly(ctx, (iface) => {
    // `no encapsulation` and `encapsulation hdlc` both return to the default, which IOS does not write.
    if (!args.has('no') && args.has('ppp')) iface.encapsulation = 'ppp';
    else delete iface.encapsulation;
  });
}

function setClockRate(ctx: CommandContext, args: Args): void {
  serialOnly(ctx, (iface) => {
    if (args.has('no')) delete iface.clockRate;
    else iface.clockRate = args.number('rate');
  });
}

/** A subinterface's VLAN; taking it away takes the address with it (IOS allows none without a VLAN). */
function setDot1q(ctx: CommandContext, args: Args): void {
  const iface = targetOf(ctx, 'config-if');
  if (!isSubinterface(iface.name)) return ctx.rejectAt(ctx.line.search(/\S/));
  if (args.has('no')) {
    delete iface.dot1q;
    delete iface.address;
    return;
  }
  iface.dot1q = args.number('vlan');
}

export const ENCAPSULATION_COMMANDS: CommandSpec[] = withHelp(HELP, [
  { syntax: 'encapsulation (hdlc|ppp)', run: setEncapsulation },
  { syntax: 'no encapsulation [(hdlc|ppp)]', run: setEncapsulation },
  { syntax: 'encapsulation dot1Q <1-4094>$vlan', run: setDot1q },
  { syntax: 'no encapsulation dot1Q [<1-4094>$vlan]', run: setDot1q },
  {
    syntax: 'encapsulation (atm-dxi|frame-relay|lapb|smds|x25|isl|sde) [LINE$options]',
    run: (ctx, args) => refuseKnownLine(ctx, OTHER_ENCAPSULATIONS, args.canonical()),
  },
  { syntax: 'clock rate <300-8000000>$rate', run: setClockRate },
  { syntax: 'clockrate <300-8000000>$rate', run: setClockRate },
  { syntax: 'no clock rate [<300-8000000>$rate]', run: setClockRate },
  { syntax: 'no clockrate [<300-8000000>$rate]', run: setClockRate },
]);
