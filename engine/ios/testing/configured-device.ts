import { IosDevice } from '../session/ios-device.ts';
import { FakeRouterServices } from './fake-router-services.ts';

/** A fresh R1 with `lines` typed in configuration mode; the outputs are IOS's answers, line by line. */
export function configuredDevice(lines: string[]): { device: IosDevice; outputs: string[] } {
  const device = new IosDevice({ hostname: 'R1', services: new FakeRouterServices() });
  device.type('enable');
  device.type('configure terminal');
  const outputs = lines.map((line) => device.type(line));
  device.type('end');
  return { device, outputs };
}
