/** The facts a known `show` layout states, `name -> value`; see protocol-facts.ts. */
export type Facts = Map<string, string>;

export interface ShowLayout {
  readonly name: string;
  /** Whether these normalised lines are this layout's output. */
  recognises(lines: readonly string[]): boolean;
  facts(lines: readonly string[]): Facts;
}

export const IPV4 = String.raw`\d{1,3}(?:\.\d{1,3}){3}`;
