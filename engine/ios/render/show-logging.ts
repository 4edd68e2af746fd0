import { IosText } from '../messages.ts';
import { SEVERITY_NAMES, type LoggingSettings, type SyslogLog } from '../session/syslog-log.ts';

/**
 * `show logging` in the 12.2 layout: the logging process, one line per destination with the
 * messages it took, the syslog hosts, then the buffer when `logging buffered` is on. Later IOS
 * added `messages rate-limited`, `xml disabled`, the exception size and the discriminators.
 */

const INDENT = '    ';

function destination(name: string, level: number | undefined, logged: number): string {
  if (level === undefined) return `${INDENT}${name} logging: disabled`;
  return `${INDENT}${name} logging: level ${SEVERITY_NAMES[level]}, ${logged} messages logged`;
}

export function renderShowLogging(log: SyslogLog, settings: LoggingSettings): string[] {
  // Read the buffer first: a buffer just configured or resized starts empty, with its count at 0.
  const buffered = log.bufferedLines(settings);
  const lines = [
    'Syslog logging: enabled (0 messages dropped, 0 flushes, 0 overruns)',
    destination('Console', settings.console, log.consoleLogged),
    destination('Monitor', settings.monitor, log.monitorLogged),
    destination('Buffer', settings.buffered?.level, log.bufferLogged),
    `${INDENT}Trap logging: level ${SEVERITY_NAMES[settings.trap]}, ${log.trapLogged} message lines logged`,
    ...settings.hosts.map((host) => `${INDENT}${INDENT}Logging to ${host}, ${log.hostLines(host)} message lines logged`),
  ];
  if (settings.buffered === undefined) return lines;
  return [...lines, '', IosText.logBuffer(settings.buffered.bytes), '', ...buffered];
}
