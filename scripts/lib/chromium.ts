/**
 * The real headless Chromium (Debian's) that the browser tests, the benchmark and the screenshots use,
 * with the flags this machine's closed network needs.
 */
import { chromium, type Browser } from 'playwright-core';

/** Where the real Chromium lives: CHROMIUM_PATH, or Debian's package. */
export function chromiumPath(): string {
  return process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
}

/**
 * Flags for headless Chromium on a machine with no network beyond loopback: without the
 * background-networking ones, Chromium keeps trying (and failing) to reach Google's services.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium through playwright-core; the caller closes it. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
}
