/**
 * A small scenario suite for the report's own tests, written into a temporary folder: two
 * scenarios that pass, one whose output differs from its reference (a text failure), one whose
 * ping fails (an outcome failure) and one whose router configuration is rejected (a setup error).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TEDLAB = fileURLToPath(new URL('../tedlab.mjs', import.meta.url));

const TOPOLOGY = `seed: 7
routers:
  R1:
    model: c2600
    config: |
      hostname R1
      interface FastEthernet0/0
       ip address 10.0.0.1 255.255.255.0
      end
hosts:
  pc1: { address: 10.0.0.2/24, gateway: 10.0.0.1 }
links:
  lan: [R1 FastEthernet0/0, pc1]
`;

/** What R1 does not say: the comparison with it fails on one line. */
export const WRONG_REFERENCE = `R1#show ip interface brief
Interface                  IP-Address      OK? Method Status                Protocol
FastEthernet0/0            10.0.0.1        YES manual up                    up
FastEthernet0/1            unassigned      YES unset  administratively down down
`;

const PASSING_FEATURE = `Feature: Report demo passes
  Scenarios the report shows as passed.

  @smoke @severity:critical
  Scenario: R1 answers a ping from its LAN
    Given the lab "mini"
    When host "pc1" pings "10.0.0.1"
    Then the ping shows "!!!!!"

  Scenario: R1 lists its interfaces
    Given the lab "mini"
    When I configure "R1" with:
      """
      interface FastEthernet0/0
       description LAN of pc1
      """
    And I run "show ip interface brief" on "R1"
    Then the output contains "FastEthernet0/0"
`;

export const FAILING_SCENARIO = 'R1 shows the address of its reference';

const FAILING_FEATURE = `Feature: Report demo fails
  Scenarios the report shows as failed or broken.

  Scenario: ${FAILING_SCENARIO}
    Given the lab "mini"
    When I run "show ip interface brief" on "R1"
    Then the output matches the reference "mini/wrong-reference.txt"

  Scenario: A host that does not exist answers a ping
    Given the lab "mini"
    When host "pc1" pings "10.0.0.99"
    Then the ping shows "!!!!!"

  Scenario: A misspelt configuration line stops the lab
    Given the lab:
      """
      routers:
        R9:
          model: c2600
          config: |
            interface FastEthernet0/0
             ip adress 10.9.9.9 255.255.255.0
      """
`;

export interface DemoRun {
  readonly dir: string;
  readonly reportsDir: string;
  readonly runStatus: number | null;
  readonly runOutput: string;
  readonly reportStatus: number | null;
  readonly reportOutput: string;
}

export function writeDemoSuite(dir: string): void {
  mkdirSync(path.join(dir, 'scenarios', 'mini'), { recursive: true });
  mkdirSync(path.join(dir, 'features', 'demo'), { recursive: true });
  writeFileSync(path.join(dir, 'scenarios', 'mini', 'topology.yaml'), TOPOLOGY);
  writeFileSync(path.join(dir, 'scenarios', 'mini', 'wrong-reference.txt'), WRONG_REFERENCE);
  writeFileSync(path.join(dir, 'features', 'demo', 'passing.feature'), PASSING_FEATURE);
  writeFileSync(path.join(dir, 'features', 'demo', 'failing.feature'), FAILING_FEATURE);
}

/** Runs `tedlab` in `dir` as a user would, with the environment a CI job has. */
export function tedlab(dir: string, args: readonly string[]): { status: number | null; output: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, TEDLAB_SCENARIOS: path.join(dir, 'scenarios') };
  delete env.TEDLAB_SEED;
  const result = spawnSync(process.execPath, [TEDLAB, ...args], { cwd: dir, encoding: 'utf8', env });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Writes the suite into a new temporary folder, runs it and makes its report. */
export function runDemoSuite(): DemoRun {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-report-'));
  writeDemoSuite(dir);
  const reportsDir = path.join(dir, 'reports');
  const run = tedlab(dir, ['run', 'features', '--reports', reportsDir]);
  const report = tedlab(dir, ['report', '--reports', reportsDir]);
  return {
    dir,
    reportsDir,
    runStatus: run.status,
    runOutput: run.output,
    reportStatus: report.status,
    reportOutput: report.output,
  };
}
