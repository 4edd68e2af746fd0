import path from 'node:path';
import { LabError, type Lab } from '../../engine/lab/index.ts';
import { LabConsole } from '../../engine/lab/lab-console.ts';
import type { EndSpec } from '../../engine/lab/topology/topology-types.ts';
import { formatIpv4 } from '../../engine/wire/ipv4-address.ts';
import type { Pager } from '../../engine/ios/session/pager.ts';
import { isLabCommand, labCommandHelp, parseLabCommand, type LabCommand } from './lab-commands.ts';
import type { SessionEvent } from './recorder.ts';

/**
 * A console session on a lab, whatever the terminal: lines go to the router the session is
 * connected to, `@` lines act on the lab. It keeps what happened as events for the recorder.
 * Virtual time passes only when a line asks for it (`@wait`, a ping) or when the caller lets it
 * (`passIdle`, which the interactive console calls as the wall clock runs).
 */

/** What a line printed: unread messages first, the echo of the line, then its output. */
export interface SessionReply {
  earlier: string;
  echo: string;
  shown: string;
  /** The output came from IOS (a `--More--` pager may page it). */
  fromIos: boolean;
  quit: boolean;
}

const SECOND_MS = 1000;

export class ConsoleSession {
  readonly events: SessionEvent[] = [];
  private current: LabConsole;

  constructor(private readonly lab: Lab, router?: string) {
    const name = router ?? lab.routerNames()[0];
    if (name === undefined) throw new LabError('usage', 'the lab has no router to connect to');
    this.current = this.open(name);
  }

  get router(): string {
    return this.current.router;
  }

  prompt(): string {
    return this.current.prompt();
  }

  get awaitingPassword(): boolean {
    return this.current.awaitingPassword;
  }

  /** Whether the console is at a mode prompt, where `?` and Tab work on the grammar. */
  get atModePrompt(): boolean {
    return this.current.mode() !== undefined;
  }

  /** Whether the console is in a configuration mode, which Ctrl-Z leaves. */
  get configuring(): boolean {
    const mode = this.current.mode();
    return mode !== undefined && mode !== 'exec' && mode !== 'user';
  }

  complete(text: string): string {
    return this.current.complete(text);
  }

  pagerFor(text: string): Pager | undefined {
    return this.current.pagerFor(text);
  }

  handle(line: string): SessionReply {
    const echo = `${this.prompt()}${line}\n`;
    if (isLabCommand(line)) return { earlier: '', echo, fromIos: false, ...this.labCommand(line) };
    try {
      const result = this.current.type(line);
      this.events.push({ kind: 'line', router: this.router, line, result });
      return { earlier: result.earlier, echo: result.echo, shown: result.shown, fromIos: true, quit: false };
    } catch (error) {
      if (!(error instanceof LabError)) throw error;
      return { earlier: '', echo, shown: `% tedlab: ${error.message}\n`, fromIos: false, quit: false };
    }
  }

  /** A second of virtual time while no one types; returns what the console printed meanwhile. */
  passIdle(): string {
    this.lab.advance(SECOND_MS);
    this.events.push({ kind: 'wait', seconds: 1 });
    return this.seen();
  }

  private labCommand(line: string): { shown: string; quit: boolean } {
    const command = parseLabCommand(line);
    if (command.kind === 'error') return { shown: `% tedlab: ${command.message}\n`, quit: false };
    try {
      return { shown: this.run(command), quit: command.kind === 'quit' };
    } catch (error) {
      if (!(error instanceof LabError)) throw error;
      return { shown: `% tedlab: ${error.message}\n`, quit: false };
    }
  }

  private run(command: LabCommand): string {
    switch (command.kind) {
      case 'connect':
        this.current = this.open(command.router);
        return '';
      case 'ping': {
        const outcome = this.lab.ping(command.from, command.to, { count: command.count });
        this.events.push({ kind: 'ping', from: command.from, to: command.to, count: command.count, marks: outcome.marks });
        return `${outcome.output}\n${this.seen()}`;
      }
      case 'wait':
        this.lab.advance(command.seconds * SECOND_MS);
        this.events.push({ kind: 'wait', seconds: command.seconds });
        return this.seen();
      case 'link':
        this.lab.setLinkUp(command.link, command.up);
        this.events.push({ kind: 'link', link: command.link, up: command.up });
        return this.seen();
      case 'save-capture': {
        const saved = this.lab.saveCapture(command.link, path.resolve(command.dir));
        this.events.push({ kind: 'save-capture', link: command.link, dir: command.dir });
        return `${Object.values(saved).map((file) => path.relative(process.cwd(), file)).join('\n')}\n`;
      }
      case 'lab':
        return this.labSummary();
      case 'help':
        return `${labCommandHelp()}\nAny other line goes to the router's console; ? and Tab work as on IOS.\n`;
      case 'quit':
        return '';
    }
  }

  /** What the current console printed as time passed: shown now, and asserted in a recording. */
  private seen(): string {
    const unread = this.current.unread();
    if (unread.messages.length > 0) this.events.push({ kind: 'messages', router: this.router, messages: unread.messages });
    return unread.text;
  }

  private open(router: string): LabConsole {
    if (!this.lab.routerNames().includes(router)) {
      throw new LabError('usage', `the lab has no router "${router}"; its routers: ${this.lab.routerNames().join(', ')}`);
    }
    return LabConsole.open(this.lab, router);
  }

  private labSummary(): string {
    const { routers, hosts, links } = this.lab.topology;
    const end = (spec: EndSpec) => (spec.kind === 'router' ? `${spec.router} ${spec.interface}` : spec.kind === 'host' ? spec.host : spec.peer);
    return [
      `routers: ${routers.map((router) => router.name).join(', ')}`,
      ...hosts.map((host) => `host ${host.name}: ${formatIpv4(host.address)}/${host.prefixLength}`),
      ...links.map((link) => `link ${link.name}: ${link.ends.map(end).join(' - ')}${link.up ? '' : ' (down at the start)'}`),
      '',
    ].join('\n');
  }
}
