import { Lab } from '../../lab/lab.ts';
import type { LiveLab } from '../../lab/live-lab.ts';
import { classify } from '../../lab/testing/link-traffic.ts';
import type { CharonLab } from './charon-lab.ts';
import { CHARON_LAN, PSK, ROUTER_LAN, topology, type Suite } from './interop-case.ts';

/**
 * One interop run, the same whether it runs live against charon or replays charon's recorded
 * datagrams: who starts, and the echo that goes out the moment the router's quick mode installs
 * its SAs (ESP before charon, which cannot install them, deletes them).
 */

export type Starter = 'router' | 'charon';

export function interopLab(suite: Suite, routerAddress: string, charonAddress: string): Lab {
  const lab = Lab.fromYaml(topology(suite, routerAddress, charonAddress));
  lab.run('R1', 'debug crypto isakmp');
  lab.run('R1', 'debug crypto ipsec');
  return lab;
}

export function loadCharon(charon: CharonLab, suite: Suite): Promise<string> {
  return charon.load({
    name: 'r1', localAddress: charon.address, remoteAddress: charon.peerAddress, psk: PSK, ikeProposal: suite.ike,
    children: [{ name: 'net', localTs: `${CHARON_LAN}.0/24`, remoteTs: `${ROUTER_LAN}.0/24`, espProposal: suite.esp }],
  });
}

/**
 * Right after the router sends QM3 and installs its SAs, one echo goes out: ESP, before charon's
 * DELETE can end them. Returns whether the router has put ESP on the wire yet.
 */
export function echoOnceInstalled(lab: Lab): () => boolean {
  let sent = false;
  let espSeen = false;
  lab.watch('wan', (packet) => {
    const kind = classify(packet.bytes);
    if (packet.from === 'R1' && kind.kind === 'esp') espSeen = true;
    if (sent || packet.from !== 'R1' || kind.exchangeType !== 32) return;
    lab.sim.schedule(0, () => {
      if (sent || lab.ipsecSpis('R1').outbound.length === 0) return;
      sent = true;
      lab.startPing('pc1', `${CHARON_LAN}.10`, { count: 1 });
    });
  });
  return () => espSeen;
}

/** The router's part: a host behind it pings a host behind charon, the first echo starting IKE. */
export function routerPing(live: LiveLab): Promise<string> {
  return live.ping('pc1', `${CHARON_LAN}.10`, { count: 1 }).then((outcome) => outcome.marks);
}
