import { IosDevice } from '../session/ios-device.ts';
import { FakeRouterServices } from './fake-router-services.ts';

/** A fresh R1 in configuration mode (`R1(config)#`), for tests that type and look at each answer. */
export function deviceInConfigMode(): IosDevice {
  const device = new IosDevice({ hostname: 'R1', services: new FakeRouterServices() });
  device.startPrivileged();
  device.type('configure terminal');
  return device;
}

/** A fresh R1 with `lines` typed in configuration mode; the outputs are IOS's answers, line by line. */
export function configuredDevice(lines: string[]): { device: IosDevice; outputs: string[] } {
  const device = new IosDevice({ hostname: 'R1', services: new FakeRouterServices() });
  device.type('enable');
  device.type('configure terminal');
  const outputs = lines.map((line) => device.type(line));
  device.type('end');
  return { device, outputs };
}

/** A router that booted from `startup` (which must load without a refused line), at the `#` prompt. */
export function bootedDevice(startup: string): { device: IosDevice; services: FakeRouterServices } {
  const services = new FakeRouterServices();
  const device = new IosDevice({ services });
  const refused = device.loadStartupConfig(startup).rejected;
  if (refused.length > 0) throw new Error(`the startup configuration has refused lines: ${JSON.stringify(refused)}`);
  device.startPrivileged();
  return { device, services };
}
