/**
 * Keys, cookies, SPIs and quick mode outcomes read from charon's filelog (ike = 4, chd = 4,
 * ike_name = yes). Lines look like
 *
 *   08:04:42.084 13[IKE] <lab|1> encryption key Ka => 24 bytes @ 0x7fa8200018a0
 *   08:04:42.084 13[IKE] <lab|1>    0: 81 03 BB 8A 6B 5B 90 22 51 4E BA DB 16 B9 92 86  ....k[."QN......
 *   08:04:42.084 13[IKE] <lab|1>   16: A4 19 72 E8 58 74 EC CE                          ..r.Xt..
 *
 * The labels parsed (strongSwan 5.9.8, keymat_v1.c and quick_mode.c): `shared Diffie Hellman
 * secret`, `SKEYID`, `SKEYID_d`, `SKEYID_a`, `SKEYID_e`, `encryption key Ka`, `initial IV`,
 * `HASH_I data` (g^xi | g^xr | CKY-I | CKY-R | SAi_b | IDii_b: the cookies), and per quick mode
 * `CHILD_SA net{1} state change: CREATED => INSTALLING`, `using 3DES_CBC for encryption`,
 * `using HMAC_SHA1_96 for integrity`, `encryption initiator key`, `encryption responder key`,
 * `integrity initiator key`, `integrity responder key`, `adding inbound ESP SA` /
 * `adding outbound ESP SA` each followed by `SPI 0xcbf3653c, src 10.99.200.2 dst 10.99.200.1`,
 * then either `CHILD_SA net{1} established with SPIs ..._i ..._o and TS ...` (installed) or, on a
 * kernel without ESP (netlink returns ENOSYS):
 *
 *   [KNL] received netlink error: Function not implemented (38)
 *   [KNL] unable to add SAD entry with SPI cbf3653c (FAILED)
 *   [IKE] unable to install inbound and outbound IPsec SA (SAD) in kernel
 *   [CHD] CHILD_SA net{1} state change: INSTALLING => DESTROYING
 *
 * after which a quick mode initiator sends `INFORMATIONAL_V1 request ... [ HASH N(NO_PROP) ]`
 * instead of the third quick mode message, and a responder (which derives its keys only on the
 * third message) answers that message with the same notify. The keys are logged before the
 * install, so `completed` (keys and both SPIs known) is what "quick mode completed" means here;
 * `installed` is what the kernel made of it.
 */

export interface LogDump {
  ikeName?: string;
  ikeId?: number;
  label: string;
  /** lower-case hex */
  hex: string;
}

export interface IkeSaKeys {
  name: string;
  uniqueId: number;
  /** ISAKMP cookies (lower-case hex), from HASH_I data */
  initiatorCookie?: string;
  responderCookie?: string;
  dhSecret?: string;
  skeyid?: string;
  skeyidD?: string;
  skeyidA?: string;
  skeyidE?: string;
  /** the phase 1 encryption key (Wireshark's ikev1_decryption_table wants this) */
  ka?: string;
  initialIv?: string;
  established: boolean;
}

export interface EspSaKeys {
  /** 8 lower-case hex digits */
  spi: string;
  src: string;
  dst: string;
  encryptionKey?: string;
  integrityKey?: string;
}

export interface QuickModeRecord {
  ikeName: string;
  ikeId: number;
  child: string;
  childId: number;
  /** charon's role in this quick mode */
  role: 'initiator' | 'responder';
  messageId: number;
  encryption?: string;
  integrity?: string;
  inbound?: EspSaKeys;
  outbound?: EspSaKeys;
  /** keys derived and both SPIs known: quick mode negotiated, whatever the kernel said */
  completed: boolean;
  /** the kernel took both SAs and the policies */
  installed: boolean;
  /** the IKE line saying why installation failed */
  failure?: string;
}

export interface CharonKeys {
  ikeSas: IkeSaKeys[];
  quickModes: QuickModeRecord[];
  dumps: LogDump[];
}

interface Entry {
  thread: string;
  ikeName?: string;
  ikeId?: number;
  text: string;
  dump?: LogDump;
}

/** `<name|id>`, or just `<id>` while a responder has not yet picked a config. */
const LINE = /^\S+ (\d+)\[(\w+)\] (?:<(?:([^|>]*)\|)?(\d+)> )?(.*)$/;
const DUMP_HEAD = /^(.*) => (\d+) bytes @ 0x[0-9a-f]+$/;
const DUMP_ROW = /^\s*\d+: (.*)$/;

const IKE_LABELS: Record<string, keyof IkeSaKeys> = {
  'shared Diffie Hellman secret': 'dhSecret',
  SKEYID: 'skeyid',
  SKEYID_d: 'skeyidD',
  SKEYID_a: 'skeyidA',
  SKEYID_e: 'skeyidE',
  'encryption key Ka': 'ka',
  'initial IV': 'initialIv',
};

export function parseCharonLog(text: string): CharonKeys {
  const entries = readEntries(text);
  return {
    ikeSas: ikeSaKeys(entries),
    quickModes: quickModes(entries),
    dumps: entries.flatMap((entry) => (entry.dump ? [entry.dump] : [])),
  };
}

/**
 * Log lines, with each hex dump folded into the line that announced it. charon writes a
 * multi-line message under one lock, but dumps are tracked per thread all the same.
 */
function readEntries(text: string): Entry[] {
  const entries: Entry[] = [];
  const open = new Map<string, { dump: LogDump; remaining: number }>();
  for (const line of text.split('\n')) {
    const match = LINE.exec(line);
    if (!match) continue;
    const thread = match[1]!;
    const dump = open.get(thread);
    const row = dump ? DUMP_ROW.exec(match[5]!) : null;
    if (dump && row) {
      const bytes = row[1]!.trim().split(/\s+/).slice(0, Math.min(16, dump.remaining));
      dump.dump.hex += bytes.join('').toLowerCase();
      dump.remaining -= bytes.length;
      continue;
    }
    open.delete(thread);
    const entry: Entry = { thread, text: match[5]!.trim(), ...ikeOf(match[3], match[4]) };
    const head = DUMP_HEAD.exec(entry.text);
    if (head) {
      entry.dump = { label: head[1]!, hex: '', ...ikeOf(match[3], match[4]) };
      open.set(thread, { dump: entry.dump, remaining: Number(head[2]) });
    }
    entries.push(entry);
  }
  return entries;
}

function ikeOf(name: string | undefined, id: string | undefined): { ikeName?: string; ikeId?: number } {
  return { ...(name !== undefined ? { ikeName: name } : {}), ...(id !== undefined ? { ikeId: Number(id) } : {}) };
}

function ikeSaKeys(entries: Entry[]): IkeSaKeys[] {
  const sas = new Map<number, IkeSaKeys>();
  for (const entry of entries) {
    if (entry.ikeId === undefined) continue;
    let sa = sas.get(entry.ikeId);
    if (!sa) sas.set(entry.ikeId, (sa = { name: '', uniqueId: entry.ikeId, established: false }));
    if (entry.ikeName !== undefined) sa.name = entry.ikeName;
    if (/^IKE_SA \S+ state change: \S+ => ESTABLISHED$/.test(entry.text)) sa.established = true;
    if (!entry.dump) continue;
    const field = IKE_LABELS[entry.dump.label];
    if (field) (sa as unknown as Record<string, string>)[field] = entry.dump.hex;
    if (entry.dump.label === 'HASH_I data' && sa.dhSecret) takeCookies(sa, entry.dump.hex, sa.dhSecret.length);
  }
  return [...sas.values()];
}

/** HASH_I = prf(SKEYID, g^xi | g^xr | CKY-I | CKY-R | ...): the cookies follow two DH values. */
function takeCookies(sa: IkeSaKeys, hashData: string, dhHexLength: number): void {
  const at = 2 * dhHexLength;
  sa.initiatorCookie = hashData.slice(at, at + 16);
  sa.responderCookie = hashData.slice(at + 16, at + 32);
}

interface QuickModeScan {
  record: QuickModeRecord;
  keys: Partial<Record<'encI' | 'encR' | 'intI' | 'intR', string>>;
  pending?: 'inbound' | 'outbound';
}

const KEY_LABELS: Record<string, keyof QuickModeScan['keys']> = {
  'encryption initiator key': 'encI',
  'encryption responder key': 'encR',
  'integrity initiator key': 'intI',
  'integrity responder key': 'intR',
};

function quickModes(entries: Entry[]): QuickModeRecord[] {
  const lastQuickMode = new Map<string, { role: QuickModeRecord['role']; messageId: number }>();
  const open = new Map<string, QuickModeScan>();
  const done: QuickModeScan[] = [];
  for (const entry of entries) {
    const parsed = /^parsed QUICK_MODE (request|response) (\d+) /.exec(entry.text);
    if (parsed) lastQuickMode.set(entry.thread, { role: parsed[1] === 'response' ? 'initiator' : 'responder', messageId: Number(parsed[2]) });
    const start = /^CHILD_SA (\S+)\{(\d+)\} state change: CREATED => INSTALLING$/.exec(entry.text);
    if (start && entry.ikeId !== undefined) {
      const scan = newScan(entry, start[1]!, Number(start[2]), lastQuickMode.get(entry.thread));
      open.set(entry.thread, scan);
      done.push(scan);
      continue;
    }
    const scan = open.get(entry.thread);
    if (scan && !scanLine(scan, entry)) open.delete(entry.thread);
  }
  return done.map(finish);
}

function newScan(entry: Entry, child: string, childId: number, quickMode: { role: QuickModeRecord['role']; messageId: number } | undefined): QuickModeScan {
  return {
    record: {
      ikeName: entry.ikeName ?? '',
      ikeId: entry.ikeId!,
      child,
      childId,
      role: quickMode?.role ?? 'initiator',
      messageId: quickMode?.messageId ?? 0,
      completed: false,
      installed: false,
    },
    keys: {},
  };
}

/** Takes one line of an open quick mode; false once the CHILD_SA is installed or given up. */
function scanLine(scan: QuickModeScan, entry: Entry): boolean {
  const { record, keys } = scan;
  const text = entry.text;
  const key = entry.dump ? KEY_LABELS[entry.dump.label] : undefined;
  if (key) keys[key] = entry.dump!.hex;
  const algorithm = /^using (\S+) for (encryption|integrity)$/.exec(text);
  if (algorithm) record[algorithm[2] as 'encryption' | 'integrity'] = algorithm[1]!;
  const direction = /^adding (inbound|outbound) ESP SA$/.exec(text);
  if (direction) scan.pending = direction[1] as 'inbound' | 'outbound';
  const spi = /^SPI 0x([0-9a-f]{8}), src (\S+) dst (\S+)$/.exec(text);
  if (spi && scan.pending) {
    record[scan.pending] = { spi: spi[1]!, src: spi[2]!, dst: spi[3]! };
    scan.pending = undefined;
  }
  if (/^unable to install /.test(text)) record.failure = text;
  if (new RegExp(`^CHILD_SA ${escape(record.child)}\\{${record.childId}\\} established with SPIs `).test(text)) record.installed = true;
  return !/state change: INSTALLING => /.test(text);
}

/** Initiator keys protect initiator-to-responder traffic: the initiator's outbound SA. */
function finish(scan: QuickModeScan): QuickModeRecord {
  const { record, keys } = scan;
  const mine = record.role === 'initiator' ? { out: 'I', in: 'R' } : { out: 'R', in: 'I' };
  for (const [direction, side] of [['outbound', mine.out], ['inbound', mine.in]] as const) {
    const sa = record[direction];
    if (!sa) continue;
    const encryption = keys[`enc${side}` as keyof QuickModeScan['keys']];
    const integrity = keys[`int${side}` as keyof QuickModeScan['keys']];
    if (encryption !== undefined) sa.encryptionKey = encryption;
    if (integrity !== undefined) sa.integrityKey = integrity;
  }
  record.completed = Boolean(record.inbound?.encryptionKey && record.outbound?.encryptionKey);
  return record;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
