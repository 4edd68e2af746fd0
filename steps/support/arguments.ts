import { ScenarioUsageError } from './failures.ts';

/** Step arguments checked before they reach the lab: a scenario's mistake gets a clear error, not a strange run. */

const MAX_PORT = 65_535;

export function requireAtLeast(value: number, minimum: number, what: string, unit: string): void {
  if (Number.isInteger(value) && value >= minimum) return;
  throw new ScenarioUsageError(`${what} at least ${minimum} ${unit}${minimum === 1 ? '' : 's'}, not ${value}`);
}

export function requirePort(port: number, what: string): void {
  if (Number.isInteger(port) && port >= 0 && port <= MAX_PORT) return;
  throw new ScenarioUsageError(`${what} must be from 0 to ${MAX_PORT}, not ${port}`);
}
