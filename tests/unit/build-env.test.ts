/**
 * Every build command gets the memory settings of scripts/build-env.ts, which must be in the environment
 * when the build's process starts; a caller's own setting wins, and Node options add up.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processName, processTree, readProc } from '../../scripts/bench/tree-memory.ts';
import { BUILD_ENV, buildEnv, deployNotices } from '../../scripts/build-env.ts';

describe('a build without its deployment settings', () => {
  it('says which address citations will name, and that corrections have no link', () => {
    const notices = deployNotices({});
    expect(notices).toHaveLength(2);
    expect(notices[0]).toMatch(/^SITE_URL is not set: .*https:\/\/malaysia-china-tracker\.example\.org/);
    expect(notices[1]).toMatch(/^REPOSITORY_URL is not set: /);
  });

  it('says nothing once both are set', () => {
    expect(deployNotices({ SITE_URL: 'https://tracker.example', REPOSITORY_URL: 'https://github.com/o/n' })).toEqual(
      [],
    );
  });
});

describe('the build commands', () => {
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;

  it.each(['build', 'start', 'test'])('npm %s builds with the memory settings', (name) => {
    expect(scripts[name]).toContain('node scripts/build.ts');
    expect(scripts[name]).not.toMatch(/(^|&&\s*)astro build/);
  });

  it('lets a variable set by the caller win over the settings', () => {
    const [name] = Object.keys(BUILD_ENV);
    if (!name) throw new Error('BUILD_ENV is empty');
    expect(buildEnv({})[name]).toBe(BUILD_ENV[name]);
    expect(buildEnv({ [name]: 'mine' })[name]).toBe('mine');
  });

  it('puts its Node options before the caller’s, so the caller’s win where both set one', () => {
    expect(buildEnv({})['NODE_OPTIONS']).toBe(BUILD_ENV['NODE_OPTIONS']);
    expect(buildEnv({ NODE_OPTIONS: '--max-semi-space-size=16' })['NODE_OPTIONS']).toBe(
      `${BUILD_ENV['NODE_OPTIONS']} --max-semi-space-size=16`,
    );
  });

  it('reaches Pagefind’s indexer, which the build starts as a program of its own', async () => {
    // A process that starts the indexer through Pagefind's Node API, as the integration does, and waits.
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const p = await import('pagefind'); await p.createIndex({}); console.log('ready'); setTimeout(() => p.close(), 5000);",
      ],
      { env: buildEnv(process.env), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (data: Buffer) => (data.toString().includes('ready') ? resolve() : undefined));
        child.on('exit', (code) => reject(new Error(`the process exited (${String(code)}) before Pagefind started`)));
      });
      const indexer = processTree(child.pid as number).find((pid) =>
        processName(readProc(`/proc/${pid}/status`) ?? '').startsWith('pagefind'),
      );
      if (indexer === undefined) throw new Error('no Pagefind process under the one that started it');
      const environ = readFileSync(`/proc/${indexer}/environ`, 'utf8').split('\0');
      for (const [name, value] of Object.entries(BUILD_ENV)) expect(environ).toContain(`${name}=${value}`);
    } finally {
      child.kill();
    }
  });
});
