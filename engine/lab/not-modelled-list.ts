import type { IosConfig } from '../ios/config/config-model.ts';
import { hasNotModelledNotice, notModelledReports, type NotModelledReport } from '../ios/commands/not-modelled.ts';

/**
 * What a lab was given that it does not model, router by router, once per topic, in the order it
 * came: kept configuration lines (`router ospf 1`, `snmp-server ...`) and exec commands the lab
 * knows only by name (`show processes`). A router's own list lives with its running image; the
 * lab collects it before every console command and when asked, so a reload loses nothing.
 */

export interface NotModelledItem extends NotModelledReport {
  router: string;
}

export class NotModelledList {
  private readonly items: NotModelledItem[] = [];

  /** Takes in what the router with this configuration reported so far. */
  collect(router: string, config: IosConfig): void {
    for (const report of notModelledReports(config)) {
      if (!this.items.some((item) => item.router === router && item.topic === report.topic)) this.items.push({ router, ...report });
    }
  }

  all(): NotModelledItem[] {
    return this.items.map((item) => ({ ...item }));
  }
}

/** Whether a line IOS refused was refused because the lab does not model it (its text carries the notice). */
export function refusedAsNotModelled(transcript: string): boolean {
  return hasNotModelledNotice(transcript);
}
