/**
 * The console's own commands: lines that start with `@` act on the lab rather than on a router
 * (another router's console, a host's ping, time, links, captures). Each has a usage line that
 * `@help` prints and that a mistyped command is answered with.
 */

export type LabCommand =
  | { kind: 'connect'; router: string }
  | { kind: 'ping'; from: string; to: string; count: number | undefined }
  | { kind: 'wait'; seconds: number }
  | { kind: 'link'; link: string; up: boolean }
  | { kind: 'save-capture'; link: string; dir: string }
  | { kind: 'lab' }
  | { kind: 'help' }
  | { kind: 'quit' };

export type ParsedLabCommand = LabCommand | { kind: 'error'; message: string };

interface CommandForm {
  usage: string;
  help: string;
  parse(args: string[]): ParsedLabCommand | undefined;
}

const WHOLE_NUMBER = /^[1-9]\d{0,8}$/;

const FORMS: Record<string, CommandForm> = {
  connect: {
    usage: '@connect ROUTER', help: 'the console of another router of the lab',
    parse: ([router, ...rest]) => (router !== undefined && rest.length === 0 ? { kind: 'connect', router } : undefined),
  },
  ping: {
    usage: '@ping HOST TARGET [COUNT]', help: 'a ping from a host (or router) to a name or address, 5 echoes unless COUNT',
    parse: ([from, to, count, ...rest]) => {
      if (from === undefined || to === undefined || rest.length > 0) return undefined;
      if (count !== undefined && !WHOLE_NUMBER.test(count)) return { kind: 'error', message: `@ping: COUNT is a whole number of echoes, 1 or more, not "${count}"` };
      return { kind: 'ping', from, to, count: count === undefined ? undefined : Number(count) };
    },
  },
  wait: {
    usage: '@wait SECONDS', help: 'lets SECONDS of virtual time pass (a whole number, 1 or more)',
    parse: ([seconds, ...rest]) => {
      if (seconds === undefined || rest.length > 0) return undefined;
      if (!WHOLE_NUMBER.test(seconds)) return { kind: 'error', message: `@wait: SECONDS is a whole number, 1 or more, not "${seconds}"` };
      return { kind: 'wait', seconds: Number(seconds) };
    },
  },
  link: {
    usage: '@link NAME up|down', help: 'brings a link of the topology up or takes it down',
    parse: ([link, state, ...rest]) => {
      if (link === undefined || rest.length > 0 || (state !== 'up' && state !== 'down')) return undefined;
      return { kind: 'link', link, up: state === 'up' };
    },
  },
  'save-capture': {
    usage: '@save-capture LINK DIR', help: 'writes LINK.pcap and the Wireshark key files into DIR',
    parse: ([link, dir, ...rest]) => {
      if (link === undefined || dir === undefined || rest.length > 0) return undefined;
      if (dir.includes('"')) return { kind: 'error', message: '@save-capture: DIR cannot contain a double quote' };
      return { kind: 'save-capture', link, dir };
    },
  },
  lab: { usage: '@lab', help: 'the routers, hosts and links of the lab', parse: (args) => (args.length === 0 ? { kind: 'lab' } : undefined) },
  help: { usage: '@help', help: 'this list', parse: (args) => (args.length === 0 ? { kind: 'help' } : undefined) },
  quit: { usage: '@quit', help: 'ends the session (as does the end of the input, or Ctrl-D)', parse: (args) => (args.length === 0 ? { kind: 'quit' } : undefined) },
};

/** Whether a console line is a lab command rather than a line for the router. */
export function isLabCommand(line: string): boolean {
  return line.trimStart().startsWith('@');
}

/** Reads a `@` line; a wrong one gives the message to print, with the command's usage. */
export function parseLabCommand(line: string): ParsedLabCommand {
  const [word = '', ...args] = line.trim().slice(1).split(/\s+/).filter((part, index) => index === 0 || part !== '');
  const form = FORMS[word.toLowerCase()];
  if (form === undefined) return { kind: 'error', message: `unknown lab command "@${word}"; @help lists them` };
  return form.parse(args) ?? { kind: 'error', message: `usage: ${form.usage}` };
}

/** What `@help` prints: every lab command with a line of help. */
export function labCommandHelp(): string {
  const forms = Object.values(FORMS);
  const width = Math.max(...forms.map((form) => form.usage.length));
  return forms.map((form) => `  ${form.usage.padEnd(width)}  ${form.help}`).join('\n');
}
