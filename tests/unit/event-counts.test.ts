import { describe, expect, it } from 'vitest';
import { documentCount } from '../../src/lib/event-counts';

const cards = ['a', 'b', 'statement'].map((id) => ({ id }));

describe('documentCount', () => {
  it('has nothing to compare when the reports give no count', () => {
    expect(documentCount(undefined, cards)).toBeUndefined();
  });

  it('counts every described document when the count leaves none out', () => {
    expect(documentCount({ count: 14, countedSeparately: [] }, cards)).toEqual({
      reported: 14,
      inCount: 3,
      separately: [],
    });
  });

  it('sets apart the described documents the count leaves out, as the cards they are', () => {
    expect(documentCount({ count: 2, countedSeparately: [{ id: 'statement' }] }, cards)).toEqual({
      reported: 2,
      inCount: 2,
      separately: [{ id: 'statement' }],
    });
  });

  it('ignores a document counted separately that this site does not describe', () => {
    expect(documentCount({ count: 5, countedSeparately: [{ id: 'elsewhere' }] }, cards)?.inCount).toBe(3);
  });
});
