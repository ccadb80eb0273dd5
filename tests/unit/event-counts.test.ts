import { describe, expect, it } from 'vitest';
import { countSentence, documentCount } from '../../src/lib/event-counts';

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

describe('countSentence', () => {
  const fourteen = documentCount({ count: 14, countedSeparately: [{ id: 'statement' }] }, cards);

  it('names, in a summary, how many described documents the count leaves out', () => {
    expect(countSentence(fourteen, 3, 'summary')).toBe(
      '14 documents reported, 2 of them described on this site. The site also describes 1 document outside that count.',
    );
    expect(countSentence(documentCount({ count: 31, countedSeparately: [] }, cards), 3, 'summary')).toBe(
      '31 documents reported, 3 described on this site.',
    );
  });

  it('writes a count of one in the singular', () => {
    expect(countSentence(documentCount({ count: 1, countedSeparately: [] }, [{ id: 'a' }]), 1, 'page')).toBe(
      '1 document reported, 1 described here.',
    );
    const twoOutside = documentCount({ count: 9, countedSeparately: [{ id: 'a' }, { id: 'b' }] }, cards);
    expect(countSentence(twoOutside, 3, 'summary')).toBe(
      '9 documents reported, 1 of them described on this site. The site also describes 2 documents outside that count.',
    );
  });

  it('leaves them to the list that follows on an event’s own page', () => {
    expect(countSentence(fourteen, 3, 'page')).toBe('14 documents reported, 2 of them described here.');
  });

  it('says when no count is reported, and "none" rather than "0" when nothing is described either', () => {
    expect(countSentence(undefined, 2, 'summary')).toBe('No count of documents is reported; 2 described here.');
    expect(countSentence(undefined, 0, 'page')).toBe('No count of documents is reported, and none is described here.');
  });
});
