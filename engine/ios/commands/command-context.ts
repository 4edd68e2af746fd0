import type { AccessList } from '../../net/acl-types.ts';
import type { Args, SyntaxSpec } from '../cli/command-types.ts';
import type {
  CryptoMapSettings,
  IosConfig,
  IsakmpPeer,
  IsakmpPolicy,
  KeptSection,
  LineSection,
  TransformSet,
} from '../config/config-model.ts';
import type { InterfaceConfig } from '../config/interfaces.ts';
import type { RouterServices } from '../router-services.ts';
import type { DialogFactory } from './dialog.ts';

/** The CLI modes, named as IOS names them in the prompt. */
export type ModeId =
  | 'user'
  | 'exec'
  | 'config'
  | 'config-if'
  | 'config-isakmp'
  | 'config-isakmp-peer'
  | 'cfg-crypto-trans'
  | 'config-crypto-map'
  | 'config-ext-nacl'
  | 'config-std-nacl'
  | 'config-line'
  | 'config-router'
  | 'dhcp-config'
  | 'config-route-map'
  | 'config-cmap'
  | 'config-pmap'
  | 'config-pmap-c'
  | 'config-keychain'
  | 'config-keychain-key'
  | 'config-time-range'
  | 'config-dial-peer'
  | 'config-voiceport'
  | 'config-controller';

/** A mode together with the object its sub-commands edit. */
export type ModeState =
  | { id: 'user' | 'exec' | 'config' }
  | { id: 'config-if'; target: InterfaceConfig }
  | { id: 'config-isakmp'; target: IsakmpPolicy }
  | { id: 'config-isakmp-peer'; target: IsakmpPeer }
  | { id: 'cfg-crypto-trans'; target: TransformSet }
  | { id: 'config-crypto-map'; target: CryptoMapSettings }
  | { id: 'config-ext-nacl' | 'config-std-nacl'; target: AccessList }
  | { id: 'config-line'; target: LineSection }
  | { id: 'config-router' | 'dhcp-config' | 'config-route-map'; target: KeptSection }
  | { id: 'config-cmap' | 'config-pmap' | 'config-keychain' | 'config-time-range' | 'config-dial-peer' | 'config-voiceport' | 'config-controller'; target: KeptSection }
  /** A section inside another (`class X` of a policy-map): its lines, and the section `exit` returns to. */
  | { id: 'config-pmap-c' | 'config-keychain-key'; target: KeptSection; parent: KeptSection };

export type ModeTarget<Id extends ModeId> = Extract<ModeState, { id: Id }> extends { target: infer T } ? T : never;

/** Where a configuration line comes from: typed at the console or read from the startup config. */
export type ConfigOrigin = 'console' | 'startup';

/** What a command handler may do; the device implements it. */
export interface CommandContext {
  readonly config: IosConfig;
  readonly services: RouterServices;
  readonly origin: ConfigOrigin;
  readonly mode: ModeState;
  /** The line as typed, for carets that point into it. */
  readonly line: string;
  enterMode(mode: ModeState): void;
  print(...lines: string[]): void;
  /** IOS refused the line: the message is printed and the line counts as rejected. */
  reject(message: string): void;
  /** Refuse the line with a caret under the given offset of the typed line. */
  rejectAt(offset: number): void;
  /** Runs an exec command from a configuration mode (`do`). `offset` places carets. */
  runExec(line: string, offset: number): void;
  /** Starts reading a multi-line banner, ended by `delimiter`. */
  collectBanner(header: string, delimiter: string, firstText: string): void;
  readonly session: SessionControl;
}

/** Exec-level facilities the device keeps outside the configuration. */
export interface SessionControl {
  startupConfig(): string | undefined;
  saveStartupConfig(): void;
  history(): string[];
  requestEnable(): void;
  endConfiguration(): void;
  /** Keeps the console in a dialog: the next lines answer its questions (see dialog.ts). */
  startDialog(dialog: DialogFactory): void;
  /** The running configuration changed since it was last saved (IOS's `config_dirty`). */
  configModified(): boolean;
  /** This console's `terminal length` and `terminal width`. */
  terminal(): TerminalSettings;
}

export interface TerminalSettings {
  length: number;
  width: number;
}

export interface CommandSpec extends SyntaxSpec {
  run: (ctx: CommandContext, args: Args) => void;
  /** Exec commands that the unprivileged (`>`) level may use. */
  userLevel?: boolean;
  /** Configuration-mode commands that change nothing the router applies (`exit`, `do`). */
  readOnly?: boolean;
  /** What the lab does with it (default `modelled`); see not-modelled.ts and COMMANDS.md. */
  status?: CommandStatus;
}

/** `kept`: accepted and rendered, not carried out; `known`: in the 12.2 vocabulary, answered with a notice. */
export type CommandStatus = 'modelled' | 'kept' | 'known';

export function targetOf<Id extends ModeId>(ctx: CommandContext, id: Id): ModeTarget<Id> {
  if (ctx.mode.id !== id || !('target' in ctx.mode)) throw new Error(`command of mode ${id} ran in ${ctx.mode.id}`);
  return ctx.mode.target as ModeTarget<Id>;
}
