import type { CounterFigures } from './interface-profiles.ts';

/**
 * The counter block of `show interfaces`, shared by the interface profiles: its indentation and
 * the lines of a port without Ethernet's collision and carrier counters (Loopback, Serial).
 */

const COUNTER_INDENT = '     ';

export function indentCounters(lines: readonly string[]): string[] {
  return lines.map((line) => `${COUNTER_INDENT}${line}`);
}

/** Input and output lines as a Loopback or a Serial port prints them, not indented. */
export function nonEthernetCounters(s: CounterFigures): string[] {
  return [
    `${s.packetsIn} packets input, ${s.bytesIn} bytes, 0 no buffer`,
    `Received ${s.broadcastsIn} broadcasts, 0 runts, 0 giants, 0 throttles`,
    '0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored, 0 abort',
    `${s.packetsOut} packets output, ${s.bytesOut} bytes, 0 underruns`,
    `0 output errors, 0 collisions, ${s.interfaceResets} interface resets`,
    '0 output buffer failures, 0 output buffers swapped out',
  ];
}
