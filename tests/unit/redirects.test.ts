/** The redirect pages of renamed ids, as the build leaves them: conforming HTML that still redirects. */
import { describe, expect, it } from 'vitest';
import { conformingRedirect } from '../../src/lib/redirects';

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
