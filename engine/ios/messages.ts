/**
 * Every text IOS prints that is not a rendered table: errors, notes, prompts and banners.
 * Renderers and commands take their wording from here so a spelling is fixed in one place.
 */

export const IosText = {
  invalidInput: "% Invalid input detected at '^' marker.",
  incomplete: '% Incomplete command.',
  ambiguous: (typed: string) => `% Ambiguous command:  "${typed}"`,
  unrecognized: '% Unrecognized command',
  unknownHost: '% Unknown command or computer name, or unable to find computer address',
  translating: (word: string) => `Translating "${word}"`,
  translatingWithServer: (word: string) => `Translating "${word}"...domain server (255.255.255.255)`,

  passwordPrompt: 'Password: ',
  badPasswords: '% Bad passwords',

  configureSource: 'Configuring from terminal, memory, or network [terminal]? ',
  enterConfiguration: 'Enter configuration commands, one per line.  End with CNTL/Z.',
  configuredFromConsole: '%SYS-5-CONFIG_I: Configured from console by console',
  debuggingSwitched: (subsystem: string, on: boolean) => `${subsystem} debugging is ${on ? 'on' : 'off'}`,
  allDebuggingOff: 'All possible debugging has been turned off',
  cryptoSubsystemHeading: 'Cryptographic Subsystem:',
  genericIpHeading: 'Generic IP:',
  linkUpDown: (iface: string, state: 'up' | 'down') => `%LINK-3-UPDOWN: Interface ${iface}, changed state to ${state}`,
  linkAdminDown: (iface: string) => `%LINK-5-CHANGED: Interface ${iface}, changed state to administratively down`,
  lineProtocolUpDown: (iface: string, state: 'up' | 'down') =>
    `%LINEPROTO-5-UPDOWN: Line protocol on Interface ${iface}, changed state to ${state}`,
  buildingConfiguration: 'Building configuration...',
  ok: '[OK]',
  currentConfiguration: (bytes: number) => `Current configuration : ${bytes} bytes`,
  usingNvram: (bytes: number, size: number) => `Using ${bytes} out of ${size} bytes`,
  nvramNotSetUp: '%% Non-volatile configuration memory has not been set up or has bad checksum',

  inconsistentMask: '%Inconsistent address and mask',
  nextHopIsThisRouter: "%Invalid next hop address (it's this router)",
  badMaskPrefix: (prefixLength: number, address: string) => `Bad mask /${prefixLength} for address ${address}`,
  badMaskHex: (mask: number, address: string) =>
    `Bad mask 0x${mask.toString(16).toUpperCase()} for address ${address}`,
  overlaps: (network: string, interfaceName: string) => `% ${network} overlaps with ${interfaceName}`,
  /** `ip address` on a LAN subinterface before its `encapsulation dot1Q`. */
  subinterfaceNeedsVlan:
    '% Configuring IP routing on a LAN subinterface is only allowed if that\nsubinterface is already configured as part of an IEEE 802.10, IEEE 802.1Q,\nor ISL vLAN.',
  noStaticRoute: '%No matching route to delete',
  namedListKindClash: (kind: string) => `% A named ${kind} IP access list with this name already exists`,
  cryptoMapNote: [
    '% NOTE: This new crypto map will remain disabled until a peer',
    '        and a valid access list have been configured.',
  ].join('\n'),
  transformConflict: (first: string, second: string) => `% Transform ${second} conflicts with ${first}`,
  transformSetNotFound: (name: string) => `ERROR: transform set with tag "${name}" does not exist.`,
  natDynamicMappingInUse: '%Dynamic mapping in use, cannot remove',
  natDynamicMappingInUseChange: '%Dynamic mapping in use, cannot change',
  natAlreadyMapped: (local: string, global: string) => `% ${local} already mapped (${local} -> ${global})`,
  natSimilarStatic: (local: string, global: string) => `% similar static entry (${local} -> ${global}) already exists`,
  bannerPrompt: (delimiter: string) => `Enter TEXT message.  End with the character '${delimiter}'.`,

  // tedlab's own notices (IOS has nothing like them): what the lab takes but does not carry out.
  tedlabNoticeMark: '% tedlab: ',
  notModelledKept: (line: string, reason: string) => `% tedlab: "${line}" is accepted but not modelled (${reason})`,
  notModelledCommand: (line: string, reason: string) => `% tedlab: "${line}" is not modelled (${reason})`,
  notModelledRefused: (line: string, reason: string) => `% tedlab: "${line}" is not modelled, so tedlab refuses it (${reason})`,

  pingEscape: 'Type escape sequence to abort.',
  pingSending: (count: number, size: number, destination: string, timeoutSeconds: number) =>
    `Sending ${count}, ${size}-byte ICMP Echos to ${destination}, timeout is ${timeoutSeconds} seconds:`,
  pingSourceAddress: (source: string) => `Packet sent with a source address of ${source}`,
  pingSuccess: (percent: number, received: number, count: number) =>
    `Success rate is ${percent} percent (${received}/${count})`,
  pingRoundTrip: (min: number, avg: number, max: number) => `, round-trip min/avg/max = ${min}/${avg}/${max} ms`,
  unrecognizedHost: '% Unrecognized host or address, or protocol not running.',
  invalidSourceAddress: '% Invalid source address- IP address not on any of our up interfaces',
  invalidSourceInterface: (name: string) => `% Invalid source interface - ${name} has no IP address`,

  networkNotInTable: '% Network not in table',
  subnetNotInTable: '% Subnet not in table',

  // Dialogs (helper texts of IOS's os/util.c: confirm, yes_or_no, get_num_in_range).
  answerYesOrNo: "% Please answer 'yes' or 'no'.",
  confirmHelp: 'Press RETURN to continue, anything else to abort',
  decimalBetween: (min: number, max: number) => `% A decimal number between ${min} and ${max}.`,
  copyDestination: (name: string) => `Destination filename [${name}]? `,
  reloadSaveQuestion: '\nSystem configuration has been modified. Save',
  reloadConfirm: 'Proceed with reload? [confirm]',
  reloadRequested: '%SYS-5-RELOAD: Reload requested by console.',
  configuredFromMemory: '%SYS-5-CONFIG_I: Configured from memory by console',
  systemRestarted: '%SYS-5-RESTART: System restarted --',
  pingProtocol: 'Protocol [ip]: ',
  pingUnknownProtocol: (typed: string) => `% Unknown protocol - "${typed}", type "ping ?" for help`,
  pingTarget: 'Target IP address: ',
  pingBadTarget: '% Bad IP address or host name',
  pingExtended: 'Extended commands [n]: ',
  pingSource: 'Source address or interface: ',
  pingInvalidSource: '% Invalid source',
  pingTypeOfService: 'Type of service [0]: ',
  pingDataPattern: (pattern: number) => `Data pattern [0x${pattern.toString(16).toUpperCase()}]: `,
  pingInvalidPattern: 'Invalid pattern, try again.',
  pingOptions: (selected: string) => `Loose, Strict, Record, Timestamp, Verbose[${selected}]: `,
  pingNoSuchOption: (typed: string) => `% No such option - "${typed}"`,
  pingAmbiguousOption: (typed: string) => `% Ambiguous - "${typed}"`,
  pingSweep: 'Sweep range of sizes [n]: ',
  pingSweepBad: (which: 'minimum' | 'maximum' | 'interval') => `% Bad ${which} size`,
  pingSweepSending: (count: number, min: number, max: number, destination: string, timeoutSeconds: number) =>
    `Sending ${count}, [${min}..${max}]-byte ICMP Echos to ${destination}, timeout is ${timeoutSeconds} seconds:`,
  clearCountersConfirm: (scope: 'all' | 'one') =>
    `Clear "show interface" counters on ${scope === 'all' ? 'all interfaces' : 'this interface'} [confirm]`,
  countersCleared: (interfaceName?: string) =>
    `%CLEAR-5-COUNTERS: Clear counter on ${interfaceName === undefined ? 'all interfaces' : `interface ${interfaceName}`} by console`,
  tracerouteTarget: (target: string) => `Tracing the route to ${target}`,
  tracerouteSource: 'Source address: ',
  tracerouteNumeric: 'Numeric display [n]: ',
  tracerouteUnknownProtocol: (typed: string) => `% Unknown protocol - "${typed}", type "trace ?" for help`,
  invalidRegex: '% Invalid regular expression',
  logBuffer: (bytes: number) => `Log Buffer (${bytes} bytes):`,
  tedlabNotModelled: (what: string) => `% tedlab does not model ${what}; it is ignored`,
} as const;

/** `show ip route` legend of IOS 12.2. */
export const ROUTE_CODES_LEGEND = [
  'Codes: C - connected, S - static, I - IGRP, R - RIP, M - mobile, B - BGP',
  '       D - EIGRP, EX - EIGRP external, O - OSPF, IA - OSPF inter area ',
  '       N1 - OSPF NSSA external type 1, N2 - OSPF NSSA external type 2',
  '       E1 - OSPF external type 1, E2 - OSPF external type 2, E - EGP',
  '       i - IS-IS, L1 - IS-IS level-1, L2 - IS-IS level-2, ia - IS-IS inter area',
  '       * - candidate default, U - per-user static route, o - ODR',
  '       P - periodic downloaded static route',
] as const;

/** The facts `show version` prints about the emulated box and its image. */
export const PLATFORM = {
  imageFile: 'c2600-jk9s-mz.122-27.bin',
  imageName: 'C2600-JK9S-M',
  version: '12.2(27)',
  nvramBytes: 29688,
  dramKilobytes: 65536,
  defaultIomemPercent: 25,
} as const;

export const SHOW_VERSION_HEAD = [
  'Cisco Internetwork Operating System Software ',
  `IOS (tm) C2600 Software (${PLATFORM.imageName}), Version ${PLATFORM.version}, RELEASE SOFTWARE (fc1)`,
  'Copyright (c) 1986-2005 by cisco Systems, Inc.',
  'Compiled Thu 17-Feb-05 18:24 by kellmill',
  'Image text-base: 0x8000808C, data-base: 0x81A4C5C8',
  '',
  'ROM: System Bootstrap, Version 12.1(3r)T2, RELEASE SOFTWARE (fc1)',
  '',
] as const;

export const SHOW_VERSION_HARDWARE = [
  'Processor board ID JAD05040AB1 (3482110941)',
  'M860 processor: part number 0, mask 49',
  'Bridging software.',
  'X.25 software, Version 3.0.0.',
  'SuperLAT software (copyright 1990 by Meridian Technology Corp).',
  'TN3270 Emulation software.',
  '2 FastEthernet/IEEE 802.3 interface(s)',
  '32K bytes of non-volatile configuration memory.',
  '16384K bytes of processor board System flash (Read/Write)',
  '',
  'Configuration register is 0x2102',
] as const;
