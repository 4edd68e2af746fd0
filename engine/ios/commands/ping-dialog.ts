import type { PingRequest, PingResult } from '../../net/ping-types.ts';
import { formatIpv4, parseIpv4 } from '../../wire/ipv4-address.ts';
import { normalizeInterfaceName } from '../config/interfaces.ts';
import { IosText } from '../messages.ts';
import { renderPing } from '../render/ping-output.ts';
import type { CommandContext } from './command-context.ts';
import { numberInRange, yesOrNo, type Dialog, type DialogIo, type DialogStep } from './dialog.ts';

/**
 * `ping` without a target: IOS's extended ping dialog, question by question as IOS 12.2 asks it
 * (the prompts and complaints are those of IOS's own ping and option parsers). What the lab
 * cannot put in an echo (type of service, data pattern, IP options) is asked, checked, and
 * reported as not modelled when set.
 */

const LIMITS = { repeat: { min: 1, max: 2_147_483_647 }, size: { min: 36, max: 18_024 }, timeout: { min: 0, max: 3600 } };
const DEFAULT_PATTERN = 0xabcd;
const OPTION_NAMES = ['loose', 'strict', 'record', 'timestamp', 'verbose'] as const;
const OPTION_HELP = [
  'Loose <hop1> <hop2> ...   Loose source route',
  'Strict <hop1> <hop2> ...  Strict source route',
  'Record <nhops>            Record route',
  'Timestamp <nhops>         Record Timestamps',
  'Verbose                   Toggle verbose reporting',
];

interface PingPlan {
  destination: number;
  repeat: number;
  size: number;
  timeoutSeconds: number;
  source?: number;
  dontFragment: boolean;
  sweep?: { min: number; max: number; interval: number };
}

/** IOS's `parse_unsigned`: decimal, or hexadecimal after `0x`; undefined when it is neither. */
function parseUnsigned(typed: string): number | undefined {
  if (/^0x[0-9a-f]+$/i.test(typed)) return Number.parseInt(typed.slice(2), 16);
  return /^\d+$/.test(typed) ? Number(typed) : undefined;
}

/** An address of one of our interfaces, or an interface with an address. */
function ourSource(ctx: CommandContext, typed: string): number | undefined {
  const name = normalizeInterfaceName(typed);
  if (name !== undefined) return ctx.config.interfaces.find((iface) => iface.name === name)?.address?.address;
  const address = parseIpv4(typed);
  return ctx.config.interfaces.some((iface) => iface.address?.address === address) ? address : undefined;
}

function* askSource(ctx: CommandContext, io: DialogIo): DialogStep<number | undefined> {
  for (;;) {
    const typed = (yield { prompt: IosText.pingSource, defaultAnswer: '' }).trim();
    if (typed === '') return undefined;
    const source = ourSource(ctx, typed);
    if (source !== undefined) return source;
    io.print(IosText.pingInvalidSource);
  }
}

function* askPattern(io: DialogIo): DialogStep<void> {
  for (;;) {
    const typed = (yield { prompt: IosText.pingDataPattern(DEFAULT_PATTERN), defaultAnswer: '' }).trim();
    if (typed === '') return;
    const rotate = typed.charAt(0).toLowerCase() === 'r';
    const pattern = rotate ? undefined : parseUnsigned(typed);
    if (rotate || pattern !== undefined) {
      if (rotate || pattern !== DEFAULT_PATTERN) io.print(IosText.tedlabNotModelled('a data pattern other than 0xABCD'));
      return;
    }
    io.print(IosText.pingInvalidPattern);
  }
}

/** `Loose, Strict, Record, Timestamp, Verbose[none]: ` until Return; IP options are not modelled. */
function* askOptions(io: DialogIo): DialogStep<void> {
  for (;;) {
    const typed = (yield { prompt: IosText.pingOptions('none'), defaultAnswer: '' }).trim();
    if (typed === '') return;
    if (typed === '?') {
      io.print(...OPTION_HELP, '');
      continue;
    }
    const matches = OPTION_NAMES.filter((name) => name.startsWith(typed.toLowerCase()));
    if (matches.length === 0) io.print(IosText.pingNoSuchOption(typed));
    else io.print(IosText.tedlabNotModelled(`the ping option ${matches[0]}`));
  }
}

function* askExtended(ctx: CommandContext, io: DialogIo, plan: PingPlan): DialogStep<void> {
  const extended = (yield { prompt: IosText.pingExtended, defaultAnswer: '' }).trim().charAt(0).toLowerCase() === 'y';
  if (!extended) return;
  const source = yield* askSource(ctx, io);
  if (source !== undefined) plan.source = source;
  const tos = parseUnsigned((yield { prompt: IosText.pingTypeOfService, defaultAnswer: '' }).trim()) ?? 0;
  if (tos !== 0) io.print(IosText.tedlabNotModelled('a type of service other than 0'));
  plan.dontFragment = yield* yesOrNo(io, 'Set DF bit in IP header', false);
  // Every reply carries the data it was sent with: validating finds nothing to report.
  yield* yesOrNo(io, 'Validate reply data', false);
  yield* askPattern(io);
  yield* askOptions(io);
}

/** `Sweep range of sizes [n]: `; a bad bound ends the ping, as in IOS's ping_get_sweep. */
function* askSweep(io: DialogIo, plan: PingPlan): DialogStep<boolean> {
  const sweep = (yield { prompt: IosText.pingSweep, defaultAnswer: '' }).trim().charAt(0).toLowerCase() === 'y';
  if (!sweep) return true;
  const bound = function* (prompt: string, fallback: number): DialogStep<number | undefined> {
    const typed = (yield { prompt: `${prompt} [${fallback}]: `, defaultAnswer: '' }).trim();
    return typed === '' ? fallback : parseUnsigned(typed);
  };
  const refuse = (which: 'minimum' | 'maximum' | 'interval'): false => {
    io.print(IosText.pingSweepBad(which));
    return false;
  };
  const min = yield* bound('Sweep min size', LIMITS.size.min);
  if (min === undefined || min < LIMITS.size.min) return refuse('minimum');
  const max = yield* bound('Sweep max size', LIMITS.size.max);
  if (max === undefined || max > LIMITS.size.max || max <= min) return refuse('maximum');
  const interval = yield* bound('Sweep interval', 1);
  if (interval === undefined || interval === 0) return refuse('interval');
  plan.sweep = { min, max, interval };
  return true;
}

export function* extendedPing(ctx: CommandContext, io: DialogIo, protocolGiven: boolean): Dialog {
  if (!protocolGiven) {
    const protocol = (yield { prompt: IosText.pingProtocol, defaultAnswer: '' }).trim();
    if (protocol !== '' && !'ip'.startsWith(protocol.toLowerCase())) {
      io.print(IosText.pingUnknownProtocol(protocol));
      return;
    }
  }
  const destination = parseIpv4((yield { prompt: IosText.pingTarget }).trim());
  if (destination === undefined) {
    io.print(IosText.pingBadTarget);
    return;
  }
  const plan: PingPlan = { destination, repeat: 5, size: 100, timeoutSeconds: 2, dontFragment: false };
  plan.repeat = yield* numberInRange(io, 'Repeat count', LIMITS.repeat, plan.repeat);
  plan.size = yield* numberInRange(io, 'Datagram size', LIMITS.size, plan.size);
  plan.timeoutSeconds = yield* numberInRange(io, 'Timeout in seconds', LIMITS.timeout, plan.timeoutSeconds);
  yield* askExtended(ctx, io, plan);
  if (!(yield* askSweep(io, plan))) return;
  io.print(...runPlan(ctx, plan));
}

function request(plan: PingPlan, size: number, count: number): PingRequest {
  return {
    destination: plan.destination, count, size, timeoutMs: plan.timeoutSeconds * 1000,
    ...(plan.source === undefined ? {} : { source: plan.source }),
    ...(plan.dontFragment ? { dontFragment: true } : {}),
  };
}

/** The echoes, and IOS's text for them; a sweep sends `repeat` rounds of every size in turn. */
function runPlan(ctx: CommandContext, plan: PingPlan): string[] {
  const sweep = plan.sweep;
  if (sweep === undefined) return renderPing(ctx.services.ping(request(plan, plan.size, plan.repeat)), plan.source);
  const sizes: number[] = [];
  for (let size = sweep.min; size <= sweep.max; size += sweep.interval) sizes.push(size);
  const results: PingResult[] = [];
  for (let round = 0; round < plan.repeat; round++) for (const size of sizes) results.push(ctx.services.ping(request(plan, size, 1)));
  const combined = combine(results, plan);
  const lines = renderPing(combined, plan.source);
  lines[1] = IosText.pingSweepSending(combined.count, sweep.min, sweep.max, formatIpv4(plan.destination), plan.timeoutSeconds);
  return lines;
}

function combine(results: PingResult[], plan: PingPlan): PingResult {
  const received = results.reduce((sum, result) => sum + result.received, 0);
  return {
    destination: plan.destination,
    count: results.length,
    size: plan.size,
    timeoutMs: plan.timeoutSeconds * 1000,
    marks: results.map((result) => result.marks).join(''),
    roundTrips: results.flatMap((result) => result.roundTrips),
    received,
    successRate: results.length === 0 ? 0 : Math.floor((100 * received) / results.length),
  };
}
