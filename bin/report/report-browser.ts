/**
 * Opens a generated report in headless Chromium (Debian's `chromium`, driven by playwright-core),
 * the way an engineer opens it: from disk, no server.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** CHROMIUM_PATH, else Debian's chromium; undefined when neither is installed. */
export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'];
  return candidates.find((candidate): candidate is string => candidate !== undefined && existsSync(candidate));
}

/**
 * Without the background-networking flags Chromium keeps reaching for Google's services, which a
 * closed network refuses; without the sandbox it runs as root in CI containers.
 */
const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export interface OpenReport {
  readonly browser: Browser;
  readonly page: Page;
}

export async function openReport(html: string, executablePath: string): Promise<OpenReport> {
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(15_000);
  await page.goto(pathToFileURL(html).href);
  return { browser, page };
}
