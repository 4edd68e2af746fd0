import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * The shared shape of tedlab's commands: options parsed by node's util.parseArgs, `-h`/`--help`
 * printing the command's usage, and a wrong option answered with what is wrong and where to
 * look, exit code 2.
 */

type Options = NonNullable<ParseArgsConfig['options']>;
export type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;

export function parseCommand<O extends Options>(command: string, args: readonly string[], options: O, usage: string): Parsed<O> | number {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args: [...args], options: { ...options, help: { type: 'boolean', short: 'h' } } as O, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/, '') : String(error);
    process.stderr.write(`tedlab ${command}: ${message}\n(tedlab ${command} --help lists the options)\n`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help === true) {
    process.stdout.write(usage);
    return 0;
  }
  return parsed;
}
