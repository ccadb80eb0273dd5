/**
 * Makes sure the browser tests have a real Chromium (Debian's package) and Java for the Nu Html Checker.
 * Installs them with apt-get when missing and this user can; otherwise stops with a clear message.
 * A font for Chinese is installed with them, as `playwright install --with-deps` does, so that the pages'
 * Chinese names are laid out and screenshotted in real glyphs; without one the tests still run, with a warning.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from './lib/chromium.ts';

function has(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

/** Whether fontconfig knows a font with Chinese glyphs (false too without fontconfig, which Chromium brings). */
function hasChineseFont(): boolean {
  return (spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).stdout ?? '').trim() !== '';
}

const missing: string[] = [];
if (!existsSync(chromiumPath())) missing.push('chromium');
if (!has('java', ['-version'])) missing.push('default-jre-headless');
const chineseFont = 'fonts-wqy-zenhei';
const canInstall = process.getuid?.() === 0 && has('apt-get', ['--version']);
if (!hasChineseFont()) {
  if (canInstall) missing.push(chineseFont);
  else console.warn(`No font for Chinese: Chinese names will show as boxes in screenshots (install ${chineseFont}).`);
}

if (missing.length > 0) {
  // The font is only ever missing here when it can be installed.
  if (!canInstall) {
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
