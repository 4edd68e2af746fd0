import { execFileSync } from 'node:child_process';

/**
 * Whether Wireshark's tshark can be run here, for the tests that let it judge the lab's
 * captures. CI installs it (.ci/run), so there a missing tshark fails instead of skipping.
 */
export function tsharkAvailable(): boolean {
  try {
    execFileSync('tshark', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A node:test `skip` value: false where tshark runs (or in CI), else why the test is skipped. */
export const skipWithoutTshark: false | string = tsharkAvailable() || process.env.CI ? false : 'tshark is not installed (.ci/run installs it)';
