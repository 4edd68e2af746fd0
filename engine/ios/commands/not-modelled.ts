import type { IosConfig } from '../config/config-model.ts';
import { IosText } from '../messages.ts';
import type { CommandContext, ConfigOrigin } from './command-context.ts';

/**
 * What a router was given that the lab does not carry out: configuration lines it keeps
 * without modelling them, and 12.2 commands it only knows by name. Each is reported once per
 * router and topic, so that a scenario (and the report) can say why a result may differ from
 * a real 2600 instead of leaving the engineer to guess.
 */

/**
 * What the missing model can change. `behaviour`: a real 2600 would route, answer or log
 * differently (a routing protocol, a DPD keepalive, `clock set`). `management`: only how the
 * box is managed (logging, SNMP, banners, lines); nothing a scenario observes depends on it
 * besides `show running-config`, which renders the line as typed. `output`: a `show` command
 * whose output the lab cannot produce; it matters only to a check of that output.
 */
export type NotModelledImpact = 'behaviour' | 'management' | 'output';

export interface NotModelledTopic {
  /** How the report names it: `OSPF`, `SNMP`, `show processes`. */
  name: string;
  /** Why, in a few words, for the console notice: `no OSPF in this lab`. */
  reason: string;
  impact: NotModelledImpact;
}

export interface NotModelledReport {
  topic: string;
  /** The first line of the topic the router was given, in IOS's canonical spelling. */
  line: string;
  kind: 'config' | 'exec';
  impact: NotModelledImpact;
  /** Typed at the console, or read from the startup configuration. */
  origin: ConfigOrigin;
}

class NotModelledLog {
  readonly reports: NotModelledReport[] = [];
  private readonly noticed = new Set<string>();

  record(report: NotModelledReport): void {
    if (!this.reports.some((known) => known.topic === report.topic)) this.reports.push(report);
  }

  /** True the first time the console is to print the topic's notice. */
  firstNotice(topic: string): boolean {
    if (this.noticed.has(topic)) return false;
    this.noticed.add(topic);
    return true;
  }
}

// Commands reach only the configuration they edit; the log lives beside it, one per router.
const LOGS = new WeakMap<IosConfig, NotModelledLog>();

function logOf(config: IosConfig): NotModelledLog {
  let log = LOGS.get(config);
  if (log === undefined) {
    log = new NotModelledLog();
    LOGS.set(config, log);
  }
  return log;
}

/** What the router with this configuration was given that the lab does not model, in the order it came. */
export function notModelledReports(config: IosConfig): readonly NotModelledReport[] {
  return logOf(config).reports;
}

/**
 * A configuration line kept but not carried out: recorded, and noticed once at the console.
 * `quiet` records it only, where a notice would break into a dialog of IOS's own (a banner's).
 */
export function noteKeptLine(ctx: CommandContext, topic: NotModelledTopic, line: string, quiet = false): void {
  const log = logOf(ctx.config);
  log.record({ topic: topic.name, line, kind: 'config', impact: topic.impact, origin: ctx.origin });
  // A startup configuration is read before anyone watches the console: its lines are listed, not printed.
  if (quiet || ctx.origin !== 'console') return;
  if (log.firstNotice(topic.name)) ctx.print(IosText.notModelledKept(line, topic.reason));
}

/** An exec command of the 12.2 vocabulary the lab does not emulate: its notice is its whole output. */
export function answerKnownCommand(ctx: CommandContext, topic: NotModelledTopic, line: string): void {
  logOf(ctx.config).record({ topic: topic.name, line, kind: 'exec', impact: topic.impact, origin: ctx.origin });
  ctx.print(IosText.notModelledCommand(line, topic.reason));
}

/**
 * A configuration command of the 12.2 vocabulary the lab can neither carry out nor keep: it is
 * refused with the notice, so a configuration that depends on it fails where it can be seen.
 */
export function refuseKnownLine(ctx: CommandContext, topic: NotModelledTopic, line: string): void {
  logOf(ctx.config).record({ topic: topic.name, line, kind: 'config', impact: topic.impact, origin: ctx.origin });
  ctx.reject(IosText.notModelledRefused(line, topic.reason));
}

/** Whether a text IOS printed carries a tedlab notice. */
export function hasNotModelledNotice(text: string): boolean {
  return text.includes(IosText.tedlabNoticeMark);
}

/** The commands whose notice a text holds: what an output made of `show processes`'s notice is about. */
export function unmodelledCommandsIn(text: string): string[] {
  // The pattern is IosText's own wording around the two places it fills in.
  const [head, middle] = IosText.notModelledCommand('\u0000', '\u0001').split(/\u0000|\u0001/);
  const escape = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`${escape(head!)}(.*?)${escape(middle!)}`, 'g');
  return [...text.matchAll(pattern)].map((match) => match[1]!);
}
