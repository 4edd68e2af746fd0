import type { InterfaceConfig } from '../config/interfaces.ts';
import { indentCounters, nonEthernetCounters } from './counter-lines.ts';
import type { CounterFigures, InterfaceProfile, PortState, QueueFigures } from './interface-profiles.ts';

/**
 * A Serial port of a c2600's WIC-1T/WIC-2T (the PowerQUICC's SCCs) as `show interfaces` prints it
 * under 12.2: Cisco HDLC or PPP, weighted fair queueing (IOS's default on serial lines of 2 Mbit/s
 * and less), and the synchronous driver's counters with the modem signals. Sources: TEXT-SOURCES.md,
 * "Interfaces".
 */

/** WFQ hands out at most 75% of the bandwidth to reservations (IOS's `max-reserved-bandwidth` default). */
const RESERVABLE_SHARE = 0.75;

function has(config: InterfaceConfig, line: string): boolean {
  return config.kept.includes(line);
}

/** PPP's control protocols: IPCP for IP, CDPCP while CDP runs on the port (IOS's default). */
function pppLines(config: InterfaceConfig, state: PortState): string[] {
  if (!state.protocolUp) return ['  LCP Closed'];
  const open = ['IPCP', ...(has(config, 'no cdp enable') ? [] : ['CDPCP'])];
  return ['  LCP Open', `  Open: ${open.join(', ')}`];
}

function serialEncapsulationLines(config: InterfaceConfig, state: PortState): string[] {
  const ppp = config.encapsulation === 'ppp';
  return [
    `  Encapsulation ${ppp ? 'PPP' : 'HDLC'}, loopback not set`,
    has(config, 'no keepalive') ? '  Keepalive not set' : '  Keepalive set (10 sec)',
    ...(ppp ? pppLines(config, state) : []),
  ];
}

function weightedFairQueueLines(figures: QueueFigures): string[] {
  // "max active" is a high-water mark: one conversation once anything was sent.
  const maxActive = figures.packetsOut > 0 ? 1 : 0;
  return [
    '  Input queue: 0/75/0/0 (size/max/drops/flushes); Total output drops: 0',
    '  Queueing strategy: weighted fair',
    '  Output queue: 0/1000/64/0 (size/max total/threshold/drops)',
    `     Conversations  0/${maxActive}/256 (active/max active/max total)`,
    '     Reserved Conversations 0/0 (allocated/max allocated)',
    `     Available Bandwidth ${Math.floor(figures.bandwidthKbit * RESERVABLE_SHARE)} kilobits/sec`,
  ];
}

/**
 * The modem signals of a back-to-back cable: DTR and RTS are this port's own (dropped when shut),
 * DCD, DSR and CTS the far end's, present while the line's status is up.
 */
function signalLine(state: PortState): string {
  const own = state.shutdown ? 'down' : 'up';
  const far = state.statusUp ? 'up' : 'down';
  return `DCD=${far}  DSR=${far}  DTR=${own}  RTS=${own}  CTS=${far}`;
}

function serialCounters(s: CounterFigures, state: PortState): string[] {
  return indentCounters([...nonEthernetCounters(s), '0 carrier transitions', signalLine(state)]);
}

export const SERIAL_PROFILE: InterfaceProfile = {
  shortName: 'Se',
  hardware: () => 'PowerQUICC Serial',
  mtuBytes: 1500,
  bandwidthKbit: 1544,
  delayUsec: 20000,
  encapsulationLines: serialEncapsulationLines,
  traffic: 'full',
  queueLines: weightedFairQueueLines,
  resetsWhenUp: 1,
  counterLines: serialCounters,
};
