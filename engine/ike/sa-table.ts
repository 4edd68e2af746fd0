import { bytesEqual, bytesToHex } from '../wire/bytes.ts';
import { KeyedLists } from '../sim/keyed-lists.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';
import type { IsakmpSa } from './isakmp-sa.ts';

const ZERO_COOKIE = new Uint8Array(8);

export function isZeroCookie(cookie: Uint8Array): boolean {
  return bytesEqual(cookie, ZERO_COOKIE);
}

/**
 * The router's ISAKMP SAs and the crypto engine numbers they hold: connection ids (`(0:N)` in
 * debug, `conn-id` in `show crypto isakmp sa`), counted up from 1 and never reused while the
 * router runs, and Diffie-Hellman slots, the lowest free one taken and given back when cleared.
 */
export class SaTable {
  private readonly sas: IsakmpSa[] = [];
  /** The same SAs by peer, each list in table order: a router in a big mesh holds one or more per peer. */
  private readonly byPeer = new KeyedLists<Ipv4Address, IsakmpSa>();
  /** This router's TED probes by initiator cookie (in hex): a reply names no peer the table knows. */
  private readonly probesByCookie = new KeyedLists<string, IsakmpSa>();
  private lastConnId = 0;
  private readonly dhSlotsInUse = new Set<number>();

  allocateConnId(): number {
    return ++this.lastConnId;
  }

  allocateDhSlot(): number {
    let slot = 1;
    while (this.dhSlotsInUse.has(slot)) slot++;
    this.dhSlotsInUse.add(slot);
    return slot;
  }

  releaseDhSlot(slot: number): void {
    this.dhSlotsInUse.delete(slot);
  }

  add(sa: IsakmpSa): void {
    this.sas.push(sa);
    this.byPeer.add(sa.peer, sa);
    if (isOwnProbe(sa)) this.probesByCookie.add(bytesToHex(sa.initiatorCookie), sa);
  }

  remove(sa: IsakmpSa): void {
    const index = this.sas.indexOf(sa);
    if (index < 0) return;
    this.sas.splice(index, 1);
    this.byPeer.remove(sa.peer, sa);
    if (isOwnProbe(sa)) this.probesByCookie.remove(bytesToHex(sa.initiatorCookie), sa);
  }

  private withPeer(peer: Ipv4Address): readonly IsakmpSa[] {
    return this.byPeer.get(peer);
  }

  all(): readonly IsakmpSa[] {
    return this.sas;
  }

  /**
   * The SA a received header belongs to. Until the responder's cookie is known (MM2/AM2 on
   * its way), an initiator's SA is found by its own cookie and the peer alone.
   */
  find(initiatorCookie: Uint8Array, responderCookie: Uint8Array, peer: Ipv4Address): IsakmpSa | undefined {
    return this.withPeer(peer).find((sa) => {
      if (sa.deleted || !bytesEqual(sa.initiatorCookie, initiatorCookie)) return false;
      if (bytesEqual(sa.responderCookie, responderCookie)) return true;
      return sa.role === 'I' && isZeroCookie(sa.responderCookie);
    });
  }

  /** A responder SA started by this initiator cookie: a retransmitted first message finds it. */
  findResponderByInitiatorCookie(initiatorCookie: Uint8Array, peer: Ipv4Address): IsakmpSa | undefined {
    return this.withPeer(peer).find((sa) => !sa.deleted && sa.role === 'R' && bytesEqual(sa.initiatorCookie, initiatorCookie));
  }

  /** The newest established SA with the peer. */
  usableWith(peer: Ipv4Address): IsakmpSa | undefined {
    return this.withPeer(peer).findLast((sa) => sa.usable);
  }

  /** A phase 1 this router started with the peer and that is still under way. */
  negotiatingWith(peer: Ipv4Address): IsakmpSa | undefined {
    return this.withPeer(peer).find((sa) => !sa.deleted && !sa.established && sa.role === 'I' && sa.exchange !== 'peer-discovery');
  }

  /** The probe this router sent with this cookie: its answer comes from a peer the probe did not name. */
  probeByCookie(initiatorCookie: Uint8Array): IsakmpSa | undefined {
    return this.probesByCookie.get(bytesToHex(initiatorCookie)).find((sa) => !sa.deleted);
  }

  byConnId(connId: number): IsakmpSa | undefined {
    return this.sas.find((sa) => sa.connId === connId);
  }
}

function isOwnProbe(sa: IsakmpSa): boolean {
  return sa.role === 'I' && sa.exchange === 'peer-discovery';
}
