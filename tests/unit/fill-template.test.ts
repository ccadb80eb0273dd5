import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../src/i18n/fill-template';
import { t } from '../../src/i18n/ui';

describe('fillTemplate', () => {
  it('fills known placeholders and leaves unknown ones', () => {
    expect(fillTemplate('{n} results for “{q}” {x}', { n: 3, q: 'AI' })).toBe('3 results for “AI” {x}');
  });

  it('fills a placeholder each time it appears, with numbers written as text', () => {
    expect(fillTemplate('{n} of {n}', { n: 0 })).toBe('0 of 0');
  });

  it('is how t() fills the dictionary’s strings', () => {
    expect(t('count.documents', { n: 14 })).toBe('14 documents');
  });
});
