/**
 * Adds lockfile entries for optional platform binaries (other operating systems' builds of Pagefind and
 * Astro's compiler) that the package registry this project installs from does not carry. Without them
 * `npm ci` refuses the lockfile as out of sync; with them it skips those entries by their os/cpu, as it
 * would for any other platform's package. Run after `npm install` changes the lockfile.
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface LockEntry {
  version?: string;
  optionalDependencies?: Record<string, string>;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  dev?: boolean;
  optional?: boolean;
}

const PLATFORMS: [RegExp, Pick<LockEntry, 'os' | 'cpu' | 'libc'>][] = [
  [/android-arm64/, { os: ['android'], cpu: ['arm64'] }],
  [/darwin-arm64/, { os: ['darwin'], cpu: ['arm64'] }],
  [/darwin-x64/, { os: ['darwin'], cpu: ['x64'] }],
  [/freebsd-x64/, { os: ['freebsd'], cpu: ['x64'] }],
  [/linux-arm64-gnu/, { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] }],
  [/linux-arm64-musl/, { os: ['linux'], cpu: ['arm64'], libc: ['musl'] }],
  [/linux-arm64$/, { os: ['linux'], cpu: ['arm64'] }],
  [/wasm32-wasi/, { cpu: ['wasm32'] }],
  [/(win32|windows)-arm64/, { os: ['win32'], cpu: ['arm64'] }],
  [/(win32|windows)-x64/, { os: ['win32'], cpu: ['x64'] }],
];

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };
const added: string[] = [];
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key]) continue;
    const platform = PLATFORMS.find(([pattern]) => pattern.test(name))?.[1];
    if (!platform) throw new Error(`${path}: optional dependency ${name} is missing and is not a known platform build`);
    lock.packages[key] = { version, ...platform, dev: true, optional: true };
    added.push(`${name}@${version}`);
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `Added platform stubs: ${added.join(', ')}` : 'Lockfile already complete.');
