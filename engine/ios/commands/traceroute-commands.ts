import type { TracerouteRequest } from '../../net/traceroute-types.ts';
import { parseIpv4 } from '../../wire/ipv4-address.ts';
import type { Args } from '../cli/command-types.ts';
import { IosText } from '../messages.ts';
import { renderTraceroute } from '../render/traceroute-output.ts';
import type { CommandContext, CommandSpec } from './command-context.ts';
import { numberInRange, type Dialog, type DialogIo, type DialogStep } from './dialog.ts';
import { withHelp } from './shared-grammar.ts';

/**
 * `traceroute [ip] TARGET` and, at the privileged prompt, `traceroute [ip]` with IOS 12.2's
 * extended dialog (source address, timeout, probe count, TTL range, port). The probes are real
 * UDP datagrams through the lab (engine/net/traceroute.ts).
 */

const HELP = {
  traceroute: 'Trace route to destination',
  'ip$family': 'IP Trace',
  $target: 'Trace route to destination address or hostname',
};

const LIMITS = {
  timeout: { min: 0, max: 3600 },
  probes: { min: 1, max: 65535 },
  ttl: { min: 0, max: 255 },
  port: { min: 1025, max: 65535 },
};

function trace(ctx: CommandContext, request: TracerouteRequest): string[] {
  const run = ctx.services.traceroute;
  if (run === undefined) return [IosText.tedlabNotModelled('traceroute on this box')];
  return renderTraceroute(run(request));
}

function traceTarget(ctx: CommandContext, args: Args): void {
  const target = args.get('target')!;
  const destination = parseIpv4(target);
  if (destination === undefined) {
    const translating = ctx.config.ip.domainLookup ? IosText.translatingWithServer(target) : IosText.translating(target);
    return ctx.print(translating, IosText.unrecognizedHost);
  }
  ctx.print(...trace(ctx, { destination }));
}

/** `Source address: `: empty for the outgoing interface's, else one of the router's own addresses. */
function* askSource(ctx: CommandContext, io: DialogIo): DialogStep<number | undefined> {
  for (;;) {
    const typed = (yield { prompt: IosText.tracerouteSource, defaultAnswer: '' }).trim();
    if (typed === '') return undefined;
    const address = parseIpv4(typed);
    if (address !== undefined && ctx.config.interfaces.some((iface) => iface.address?.address === address)) return address;
    io.print(IosText.pingInvalidSource);
  }
}

function* askRequest(ctx: CommandContext, io: DialogIo, destination: number): DialogStep<TracerouteRequest> {
  const source = yield* askSource(ctx, io);
  // Every address prints as a number already: the lab has no name service to look them up in.
  yield { prompt: IosText.tracerouteNumeric, defaultAnswer: '' };
  const timeoutSeconds = yield* numberInRange(io, 'Timeout in seconds', LIMITS.timeout, 3);
  const probesPerHop = yield* numberInRange(io, 'Probe count', LIMITS.probes, 3);
  const minTtl = yield* numberInRange(io, 'Minimum Time to Live', LIMITS.ttl, 1);
  const maxTtl = yield* numberInRange(io, 'Maximum Time to Live', { min: minTtl, max: LIMITS.ttl.max }, 30);
  const port = yield* numberInRange(io, 'Port Number', LIMITS.port, 33434);
  for (;;) {
    const options = (yield { prompt: IosText.pingOptions('none'), defaultAnswer: '' }).trim();
    if (options === '') break;
    io.print(IosText.tedlabNotModelled('IP options in traceroute probes'));
  }
  return {
    destination, timeoutMs: timeoutSeconds * 1000, probesPerHop, minTtl, maxTtl, port,
    ...(source === undefined ? {} : { source }),
  };
}

function* extendedTraceroute(ctx: CommandContext, io: DialogIo, protocolGiven: boolean): Dialog {
  if (!protocolGiven) {
    const protocol = (yield { prompt: IosText.pingProtocol, defaultAnswer: '' }).trim();
    if (protocol !== '' && !'ip'.startsWith(protocol.toLowerCase())) {
      io.print(IosText.tracerouteUnknownProtocol(protocol));
      return;
    }
  }
  const destination = parseIpv4((yield { prompt: IosText.pingTarget }).trim());
  if (destination === undefined) {
    io.print(IosText.pingBadTarget);
    return;
  }
  const request = yield* askRequest(ctx, io, destination);
  io.print(...trace(ctx, request));
}

export const TRACEROUTE_COMMANDS: CommandSpec[] = withHelp(HELP, [
  { syntax: 'traceroute [ip$family] WORD$target', userLevel: true, run: traceTarget },
  {
    syntax: 'traceroute [ip$family]',
    run: (ctx, args) => ctx.session.startDialog((io) => extendedTraceroute(ctx, io, args.has('family'))),
  },
]);
