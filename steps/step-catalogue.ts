/**
 * Every step tedlab defines, with a line of help and an example: what `tedlab steps` prints and
 * what "did you mean" draws from. A test (step-catalogue.test.ts) keeps it equal to the step
 * definitions in steps/*.steps.ts. Plain data: reading it registers nothing with Cucumber.
 */

export type StepKeyword = 'Given' | 'When' | 'Then';

export interface StepDoc {
  keyword: StepKeyword;
  /** The Cucumber expression, exactly as defined. */
  expression: string;
  help: string;
  /** The step as a scenario writes it (a DocString follows on the next lines where the step takes one). */
  example: string;
  group: 'Labs' | 'Consoles' | 'Hosts' | 'Time and links' | 'Outputs' | 'Debug logs' | 'IPsec';
}

export const STEP_CATALOGUE: readonly StepDoc[] = [
  {
    group: 'Labs', keyword: 'Given', expression: 'the lab {string}',
    help: 'loads NAME/topology.yaml, looked for beside the feature, in ./labs, ./scenarios, then --labs folders',
    example: 'Given the lab "ted-doc"',
  },
  {
    group: 'Labs', keyword: 'Given', expression: 'the lab:',
    help: 'loads the topology written in the DocString (config files relative to the feature)',
    example: 'Given the lab:\n  """\n  routers:\n    R1: { model: c2600, config: r1.cfg }\n  """',
  },
  {
    group: 'Labs', keyword: 'When', expression: 'I try to load the lab {string}',
    help: 'loads a lab expected to fail; its error is kept for "loading fails with ..."',
    example: 'When I try to load the lab "examples/broken"',
  },
  {
    group: 'Labs', keyword: 'When', expression: 'I try to load the lab:',
    help: 'the same with the topology in the DocString',
    example: 'When I try to load the lab:\n  """\n  routers: {}\n  """',
  },
  {
    group: 'Labs', keyword: 'Then', expression: 'loading fails with an error containing {string}',
    help: 'the failed load\'s error contains the text (runs of blanks count as one)',
    example: 'Then loading fails with an error containing "topology.yaml:3:5"',
  },
  {
    group: 'Labs', keyword: 'Then', expression: 'loading fails with an error containing:',
    help: 'the same with the text in a DocString',
    example: 'Then loading fails with an error containing:\n  """\n  % Invalid input detected at \'^\' marker.\n  """',
  },
  {
    group: 'Labs', keyword: 'Then', expression: '{string} was given what tedlab does not model:',
    help: 'the router\'s not-modelled topics, one "TOPIC (IMPACT)" a line, in the order they came (configuration and exec)',
    example: 'Then "Hub" was given what tedlab does not model:\n  """\n  QoS (behaviour)\n  SSH (management)\n  """',
  },
  {
    group: 'Consoles', keyword: 'When', expression: 'I run {string} on {string}',
    help: 'runs an exec command on a router; its text (or IOS\'s error for it) becomes "the output"',
    example: 'When I run "show crypto isakmp sa" on "Daphne"',
  },
  {
    group: 'Consoles', keyword: 'When', expression: 'I configure {string} with:',
    help: 'types the DocString\'s lines after configure terminal; fails if IOS rejects one',
    example: 'When I configure "R1" with:\n  """\n  crypto map vpn 10\n   set pfs group2\n  """',
  },
  {
    group: 'Consoles', keyword: 'When', expression: 'I try to configure {string} with:',
    help: 'the same, expecting IOS to refuse a line (see "the configuration fails with")',
    example: 'When I try to configure "fred" with:\n  """\n  crypto map x 10 ipsec-isakmpp\n  """',
  },
  {
    group: 'Consoles', keyword: 'Then', expression: 'the configuration fails with:',
    help: 'the refused line, caret and IOS message, as the DocString gives them',
    example: 'Then the configuration fails with:\n  """\n  % Invalid input detected at \'^\' marker.\n  """',
  },
  {
    group: 'Consoles', keyword: 'When', expression: 'I type on {string}:',
    help: 'types raw console lines in any mode; the console transcript becomes "the output"',
    example: 'When I type on "R1":\n  """\n  conf t\n  hostname R9\n  end\n  """',
  },
  {
    group: 'Hosts', keyword: 'When', expression: 'host {string} pings {string}',
    help: 'five echoes from a host (by name or address) to a name or address; the result becomes "the ping"',
    example: 'When host "13.13.13.14" pings "12.12.12.13"',
  },
  {
    group: 'Hosts', keyword: 'When', expression: 'host {string} pings {string} {int} times',
    help: 'the same with COUNT echoes (1 or more)',
    example: 'When host "pc1" pings "pc2" 10 times',
  },
  {
    group: 'Hosts', keyword: 'When', expression: 'host {string} traces the route to {string}',
    help: 'a traceroute as IOS runs it (UDP probes, three a hop); its IOS-style text becomes "the output"',
    example: 'When host "pc-daphne" traces the route to "12.12.12.13"',
  },
  {
    group: 'Hosts', keyword: 'When', expression: 'host {string} sends the UDP datagram {string} from port {int} to {string} port {int}',
    help: 'sends one UDP datagram of the given hex bytes (ports 0-65535)',
    example: 'When host "pc1" sends the UDP datagram "deadbeef" from port 500 to "192.168.12.2" port 500',
  },
  {
    group: 'Hosts', keyword: 'Then', expression: 'the ping success rate is {int} percent',
    help: 'the last ping\'s success rate, as IOS prints it',
    example: 'Then the ping success rate is 80 percent',
  },
  {
    group: 'Hosts', keyword: 'Then', expression: 'the ping shows {string}',
    help: 'the last ping\'s marks, IOS\'s ! . U and the rest',
    example: 'Then the ping shows ".!!!!"',
  },
  {
    group: 'Time and links', keyword: 'When', expression: '{int} second(s) pass(es)',
    help: 'lets virtual time pass (1 second or more): timers run, messages in flight arrive',
    example: 'When 60 seconds pass',
  },
  {
    group: 'Time and links', keyword: 'When', expression: 'the link {string} goes down',
    help: 'takes a link down: what is in flight on it is lost',
    example: 'When the link "wan" goes down',
  },
  {
    group: 'Time and links', keyword: 'When', expression: 'the link {string} comes up',
    help: 'brings a link up again',
    example: 'When the link "wan" comes up',
  },
  {
    group: 'Time and links', keyword: 'When', expression: 'I save the capture of link {string} to {string}',
    help: 'writes LINK.pcap with esp_sa, ah_sa and ikev1_decryption_table for Wireshark into the folder',
    example: 'When I save the capture of link "wan" to "out/ted"',
  },
  {
    group: 'Outputs', keyword: 'Then', expression: 'the output matches the reference {string}',
    help: 'compares the output with a reference file, normalised and with volatile values masked',
    example: 'Then the output matches the reference "ted-doc/reference/daphne.show-crypto-isakmp-sa.txt"',
  },
  {
    group: 'Outputs', keyword: 'Then', expression: 'the output matches:',
    help: 'the same against the DocString',
    example: 'Then the output matches:\n  """\n  dst             src             state          conn-id slot\n  """',
  },
  {
    group: 'Outputs', keyword: 'Then', expression: 'the output is exactly:',
    help: 'character for character (carets and spacing included)',
    example: 'Then the output is exactly:\n  """\n  % Incomplete command.\n  """',
  },
  {
    group: 'Outputs', keyword: 'Then', expression: 'the output contains {string}',
    help: 'the output contains the text (runs of blanks count as one)',
    example: 'Then the output contains "QM_IDLE"',
  },
  {
    group: 'Outputs', keyword: 'Then', expression: 'the output does not contain {string}',
    help: 'the output does not contain the text',
    example: 'Then the output does not contain "MM_NO_STATE"',
  },
  {
    group: 'Debug logs', keyword: 'Then', expression: 'the debug log of {string} matches the reference {string}',
    help: 'compares a router\'s whole debug log with a reference, message by message',
    example: 'Then the debug log of "Daphne" matches the reference "ted-doc/reference/daphne.debug.txt"',
  },
  {
    group: 'Debug logs', keyword: 'Then', expression: 'the debug log of {string} contains in order:',
    help: 'each DocString line is inside one log message, in this order, other messages between',
    example: 'Then the debug log of "R1" contains in order:\n  """\n  ISAKMP (0:1): beginning Main Mode exchange\n  ISAKMP (0:1): Creating IPsec SAs\n  """',
  },
  {
    group: 'Debug logs', keyword: 'Then', expression: 'the debug log of {string} contains {string}',
    help: 'a router\'s debug log contains the text',
    example: 'Then the debug log of "R2" contains "phase 2 SA not acceptable!"',
  },
  {
    group: 'Debug logs', keyword: 'Then', expression: 'the debug log of {string} does not contain {string}',
    help: 'a router\'s debug log does not contain the text',
    example: 'Then the debug log of "R1" does not contain "retransmitting"',
  },
  {
    group: 'IPsec', keyword: 'Then', expression: 'the inbound SPI of {string} is the outbound SPI of {string}',
    help: 'the SAs the two routers installed mirror each other',
    example: 'Then the inbound SPI of "Daphne" is the outbound SPI of "fred"',
  },
  {
    group: 'IPsec', keyword: 'Then', expression: '{string} and {string} used the same quick-mode message ID',
    help: 'their SA pairs come from the same quick mode',
    example: 'Then "Daphne" and "fred" used the same quick-mode message ID',
  },
];
