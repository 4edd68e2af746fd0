import type { IsakmpSaRow } from '../ike/index.ts';
import type { InterfaceSnapshot } from '../ipsec/index.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';
import type { EngineConnectionRow } from './debug/ipsec-show.ts';

/** What the crypto `show` and `clear` commands need of the router's IKE and IPsec. */
export interface CryptoServices {
  isakmpSas(): IsakmpSaRow[];
  ipsecSas(): InterfaceSnapshot[];
  /** ISAKMP and IPsec connections of the crypto engine, in any order. */
  engineConnections(): EngineConnectionRow[];
  /** `clear crypto sa [peer A]`. */
  clearIpsecSas(peer?: Ipv4Address): void;
  /** `clear crypto isakmp [CONN-ID]`. */
  clearIsakmp(connId?: number): void;
}
