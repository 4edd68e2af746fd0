import { IP_PROTOCOL_OF, protocolPart } from './ipsec-port.ts';
import { KEY_ENGINE_FLAGS, type IpsecTraceEvent, type KeyEngineMessage, type SaIdentity, type SaSummary } from './ipsec-trace.ts';
import { outermostOutbound, sasOf, type SaPair, type SecurityAssociation } from './sa-database.ts';

/** The debug events of an SA bundle's life: installed, about to expire, deleted. */

function identity(pair: SaPair): SaIdentity {
  const { install } = pair;
  return { local: install.local, remote: install.remote, localProxy: install.localProxy, remoteProxy: install.remoteProxy };
}

function summary(pair: SaPair, sa: SecurityAssociation): SaSummary {
  return {
    destination: sa.destination,
    protocol: IP_PROTOCOL_OF[sa.protocol],
    spi: sa.crypto.spi,
    transform: protocolPart(pair.install.transform, sa.protocol),
    connId: sa.connId,
  };
}

function initializeMessage(pair: SaPair, sa: SecurityAssociation): KeyEngineMessage {
  const { install } = pair;
  const inbound = sa.direction === 'inbound';
  return {
    direction: inbound ? 'INBOUND' : 'OUTBOUND',
    ...identity(pair),
    protocol: sa.protocol,
    transform: protocolPart(install.transform, sa.protocol),
    lifetimeSeconds: install.lifetimeSeconds,
    lifetimeKilobytes: install.lifetimeKilobytes,
    spi: sa.crypto.spi,
    connId: sa.connId,
    flags: inbound ? KEY_ENGINE_FLAGS.inbound : KEY_ENGINE_FLAGS.outbound,
  };
}

/** IOS: a queue event, initialize_sas for each SA, then create_sa for each. */
export function installTrace(pair: SaPair): IpsecTraceEvent[] {
  const directions = sasOf(pair);
  return [
    { subsystem: 'ipsec', kind: 'key-engine-queue-event' },
    ...directions.map((sa): IpsecTraceEvent => ({ subsystem: 'ipsec', kind: 'initialize-sas', message: initializeMessage(pair, sa) })),
    ...directions.map((sa): IpsecTraceEvent => ({ subsystem: 'ipsec', kind: 'create-sa', sa: summary(pair, sa) })),
  ];
}

/** The soft lifetime of the outbound SA ran out. */
export function expiringTrace(pair: SaPair): IpsecTraceEvent {
  return { subsystem: 'ipsec', kind: 'lifetime-expiring', sa: summary(pair, outermostOutbound(pair)), identity: identity(pair) };
}

/** delete_sa for each SA, and the crypto engine frees their connections. */
export function deleteTrace(pair: SaPair): IpsecTraceEvent[] {
  const directions = sasOf(pair);
  return [
    ...directions.map((sa): IpsecTraceEvent => ({ subsystem: 'ipsec', kind: 'delete-sa', sa: summary(pair, sa), identity: identity(pair) })),
    ...directions.map((sa): IpsecTraceEvent => ({ subsystem: 'engine', kind: 'delete-connection', connId: sa.connId })),
  ];
}
