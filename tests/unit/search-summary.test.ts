import { describe, expect, it } from 'vitest';
import { kindSummary } from '../../src/lib/search-summary';

const phrase = (kind: string, n: number) => `${n} ${kind}${n === 1 ? '' : 's'}`;

describe('kindSummary', () => {
  it('lists each kind found, documents first, joined as an English list', () => {
    expect(kindSummary({ actor: 4, agreement: 3, event: 2, theme: 1 }, 10, phrase, 'en-GB')).toBe(
      '3 agreements, 1 theme, 2 events and 4 actors',
    );
    expect(kindSummary({ agreement: 2, actor: 1 }, 3, phrase, 'en-GB')).toBe('2 agreements and 1 actor');
    expect(kindSummary({ theme: 1 }, 1, phrase, 'en-GB')).toBe('1 theme');
  });

  it('leaves out kinds with no results and values that are not kinds', () => {
    expect(kindSummary({ agreement: 2, theme: 0, page: 5 }, 2, phrase, 'en-GB')).toBe('2 agreements');
  });

  it('says nothing when the counts do not add up to the results shown, or there are none', () => {
    // A date order drops the undated theme and actor pages that Pagefind still counts.
    expect(kindSummary({ agreement: 2, actor: 1 }, 2, phrase, 'en-GB')).toBeUndefined();
    expect(kindSummary(undefined, 0, phrase, 'en-GB')).toBeUndefined();
    expect(kindSummary({}, 0, phrase, 'en-GB')).toBeUndefined();
  });
});
