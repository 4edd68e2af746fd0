import { Lab } from '../lab.ts';

/** What a test adds to the smallest lab with traffic, as YAML text. */
export interface RouterAndHostOptions {
  /** Global configuration lines, after R1's hostname and before its interface (`logging console`). */
  readonly config?: readonly string[];
  /** More keys of R1 (`console: 64KB`). */
  readonly router?: string;
  /** More keys of the link (`loss: 30%`, `delay: 500ms`). */
  readonly link?: string;
}

/**
 * R1 (FastEthernet0/0 at 10.0.0.1/24) and the host pc1 (10.0.0.2, gateway R1) on the link
 * `lan`, with seed 1: the lab tests use when one router and some traffic are all they need.
 */
export function routerAndHostLab(options: RouterAndHostOptions = {}): Lab {
  const configLines = ['hostname R1', ...(options.config ?? []), 'interface FastEthernet0/0', ' ip address 10.0.0.1 255.255.255.0'];
  const routerKeys = options.router === undefined ? [] : [`    ${options.router}`];
  const linkKeys = options.link === undefined ? '' : `, ${options.link}`;
  return Lab.fromYaml([
    'seed: 1',
    'routers:',
    '  R1:',
    '    model: c2600',
    ...routerKeys,
    '    config: |',
    ...configLines.map((line) => `      ${line}`),
    'hosts:',
    '  pc1: { address: 10.0.0.2/24, gateway: 10.0.0.1 }',
    'links:',
    `  lan: { ends: [R1 FastEthernet0/0, pc1]${linkKeys} }`,
    '',
  ].join('\n'));
}
