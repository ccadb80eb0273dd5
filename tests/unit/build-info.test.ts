import { describe, expect, it } from 'vitest';
import { repositoryUrl } from '../../src/lib/build-info';

describe('repositoryUrl reads the REPOSITORY_URL build setting', () => {
  it('gives no repository when the setting is unset or empty', () => {
    expect(repositoryUrl(undefined)).toBeUndefined();
    expect(repositoryUrl('')).toBeUndefined();
  });

  it('keeps an https:// address', () => {
    expect(repositoryUrl('https://github.com/owner/tracker')).toBe('https://github.com/owner/tracker');
  });

  it.each(['github.com/owner/tracker', 'http://github.com/owner/tracker', 'git@github.com:owner/tracker.git'])(
    'fails on %s, naming the setting and the value',
    (value) => {
      expect(() => repositoryUrl(value)).toThrow(`REPOSITORY_URL must be an https:// address`);
      expect(() => repositoryUrl(value)).toThrow(`"${value}"`);
    },
  );
});
