/** The redirect pages of renamed ids, as the build leaves them: conforming HTML that still redirects. */
import { describe, expect, it } from 'vitest';
import { conformingRedirect, parseRedirects } from '../../src/lib/redirects';

/** A redirect page as Astro 7 writes it. */
const astroStub =
  '<!doctype html><title>Redirecting to: /actors/new/</title><meta http-equiv="refresh" content="0;url=/actors/new/">' +
  '<meta name="robots" content="noindex"><link rel="canonical" href="https://example.org/actors/new/"><body>' +
  '<a href="/actors/new/">Redirecting from <code>/actors/old/</code> to <code>/actors/new/</code></a></body>';

describe('conformingRedirect', () => {
  it('puts the space the HTML standard asks for after the refresh delay, and changes nothing else', () => {
    const fixed = conformingRedirect(astroStub);
    expect(fixed).toContain('<meta http-equiv="refresh" content="0; url=/actors/new/">');
    expect(fixed.replace('0; url=', '0;url=')).toBe(astroStub);
  });

  it('leaves a page already written that way as it is', () => {
    const fixed = conformingRedirect(astroStub);
    expect(conformingRedirect(fixed)).toBe(fixed);
  });
});

describe('parseRedirects', () => {
  it('takes the home page as a target, so a guessed address such as /timeline/ can lead to it', () => {
    expect(parseRedirects('redirects.yaml', '- { from: /timeline/, to: / }\n')).toEqual([
      { from: '/timeline/', to: '/' },
    ]);
  });

  it('refuses the home page as an old address, naming the file, the item, the field and the value', () => {
    expect(() =>
      parseRedirects('redirects.yaml', '- { from: /actors/x/, to: / }\n- { from: /, to: /actors/x/ }\n'),
    ).toThrow('redirects.yaml: item 2: field "from" value "/" is not a site path like /agreements/some-id/');
  });

  it('refuses a target without its closing slash, which would be a different address', () => {
    expect(() => parseRedirects('redirects.yaml', '- { from: /timeline/, to: /themes }\n')).toThrow(
      'item 1: field "to" value "/themes"',
    );
  });
});
