import type { NatCounters, NatEndpoint, NatTranslation } from '../../net/nat-types.ts';
import { formatIpv4 } from '../../wire/ipv4-address.ts';
import type { IosConfig } from '../config/config-model.ts';

/**
 * `show ip nat translations` and `show ip nat statistics` in IOS 12.2's layout. The
 * translation table's columns start at fixed places (0, 23, 42, 61): the protocol and the
 * inside global share the first column, so `icmp` rows are one blank shorter there.
 */

const COLUMN_WIDTHS = [22, 18, 18] as const;

/** A column padded to its width, with at least one blank after it even when the text overflows. */
function columns(texts: readonly string[]): string {
  return texts.map((text, i) => (i < COLUMN_WIDTHS.length ? `${text.padEnd(COLUMN_WIDTHS[i]!)} ` : text)).join('');
}

export const NAT_TRANSLATIONS_HEADER = columns(['Pro Inside global', 'Inside local', 'Outside local', 'Outside global']);

function endpointText(endpoint: NatEndpoint | undefined): string {
  if (endpoint === undefined) return '---';
  return endpoint.port === undefined ? formatIpv4(endpoint.address) : `${formatIpv4(endpoint.address)}:${endpoint.port}`;
}

export function natTranslationLine(t: NatTranslation): string {
  return columns([
    `${t.protocol ?? '---'} ${endpointText(t.insideGlobal)}`,
    endpointText(t.insideLocal),
    endpointText(t.outsideLocal),
    endpointText(t.outsideGlobal),
  ]);
}

/** IOS prints nothing at all, not even the heading, while the table is empty. */
export function renderShowIpNatTranslations(translations: readonly NatTranslation[]): string[] {
  if (translations.length === 0) return [];
  return [NAT_TRANSLATIONS_HEADER, ...translations.map(natTranslationLine)];
}

function interfaceList(config: IosConfig, role: 'inside' | 'outside'): string[] {
  const names = config.interfaces.filter((iface) => iface.nat === role).map((iface) => iface.name);
  return names.length === 0 ? [] : [`  ${names.join(', ')}`];
}

function mappingLines(config: IosConfig, translations: readonly NatTranslation[]): string[] {
  return config.nat.insideSourceLists.map((mapping) => {
    const refcount = translations.filter(
      (t) => t.rule.kind === 'list' && t.rule.accessList === mapping.accessList && t.rule.interfaceName === mapping.interfaceName,
    ).length;
    return `access-list ${mapping.accessList} interface ${mapping.interfaceName} refcount ${refcount}`;
  });
}

export function renderShowIpNatStatistics(
  config: IosConfig, translations: readonly NatTranslation[], counters: NatCounters,
): string[] {
  const statics = translations.filter((t) => t.static).length;
  const extended = translations.filter((t) => t.protocol !== undefined).length;
  const mappings = mappingLines(config, translations);
  return [
    `Total active translations: ${translations.length} (${statics} static, ${translations.length - statics} dynamic; ${extended} extended)`,
    'Outside interfaces:',
    ...interfaceList(config, 'outside'),
    'Inside interfaces:',
    ...interfaceList(config, 'inside'),
    `Hits: ${counters.hits}  Misses: ${counters.misses}`,
    `Expired translations: ${counters.expired}`,
    'Dynamic mappings:',
    ...(mappings.length === 0 ? [] : ['-- Inside Source', ...mappings]),
  ];
}
