import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The Allure 2 command line bundled by `allure-commandline` (it runs on the installed Java). */
function allureExecutable(): string {
  const packageDir = path.dirname(require.resolve('allure-commandline/package.json'));
  return path.join(packageDir, 'dist', 'bin', process.platform === 'win32' ? 'allure.bat' : 'allure');
}

export interface AllureRun {
  readonly ok: boolean;
  /** What Allure printed, for the error message when it fails. */
  readonly output: string;
}

/**
 * `allure generate --single-file`: one HTML file that opens from disk. Analytics are switched off:
 * the report is made offline.
 */
export function generateSingleFileReport(resultsDir: string, reportDir: string, reportName: string): Promise<AllureRun> {
  const args = ['generate', '--single-file', '--clean', '--name', reportName, '--output', reportDir, resultsDir];
  return new Promise((resolve) => {
    const child = spawn(allureExecutable(), args, {
      env: { ...process.env, ALLURE_NO_ANALYTICS: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error) => resolve({ ok: false, output: `cannot start Allure: ${error.message}` }));
    child.on('close', (code) => resolve({ ok: code === 0, output: Buffer.concat(chunks).toString('utf8') }));
  });
}
