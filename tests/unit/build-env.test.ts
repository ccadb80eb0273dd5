/**
 * Every build command gets the memory settings of scripts/build-env.ts, which must be in the environment
 * when the build's process starts; a caller's own setting wins, and Node options add up.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILD_ENV, buildEnv } from '../../scripts/build-env.ts';

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
});
