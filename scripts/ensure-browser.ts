/**
 * Makes sure the browser tests have a real Chromium (Debian's package) and Java for the Nu Html Checker.
 * Installs them with apt-get when missing and this user can; otherwise stops with a clear message.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from '../tests/support/browser-path.ts';

function has(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

const missing: string[] = [];
if (!existsSync(chromiumPath())) missing.push('chromium');
if (!has('java', ['-version'])) missing.push('default-jre-headless');

if (missing.length > 0) {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !has('apt-get', ['--version'])) {
    console.error(
      `The browser tests need ${missing.join(' and ')}, which this machine lacks, and this user cannot install them with apt-get.\n` +
        `Install them (Debian/Ubuntu: sudo apt-get install -y ${missing.join(' ')}), or set CHROMIUM_PATH to a Chromium binary.`,
    );
    process.exit(1);
  }
  console.log(`Installing ${missing.join(', ')} with apt-get…`);
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
console.log(`Chromium: ${chromiumPath()}`);
