import { describe, expect, it } from 'vitest';
import { withoutTitle, type ExcerptPart } from '../../src/lib/search-excerpt';

const plain = (text: string): ExcerptPart => ({ text, mark: false });
const marked = (text: string): ExcerptPart => ({ text, mark: true });

describe('withoutTitle', () => {
  it('drops the title a page’s excerpt begins with, and the full stop after it', () => {
    expect(
      withoutTitle([plain('Visa exemption agreement. A visa is permission to enter')], 'Visa exemption agreement'),
    ).toEqual([plain('A visa is permission to enter')]);
  });

  it('keeps the highlights after the title, and a highlight that runs on past it', () => {
    const parts = [plain('MoU on '), marked('AI'), plain('. The '), marked('AI'), plain(' plan')];
    expect(withoutTitle(parts, 'MoU on AI')).toEqual([plain('The '), marked('AI'), plain(' plan')]);
    expect(withoutTitle([marked('NDRC'), plain(' MoU. '), marked('NDRC'), plain(' signs')], 'NDRC MoU')).toEqual([
      marked('NDRC'),
      plain(' signs'),
    ]);
  });

  it('drops the last words of the title where the excerpt starts inside it, up to the full stop', () => {
    const parts = [
      plain('upgrading the "Two Countries, '),
      marked('Twin'),
      plain('" project. It links two '),
      marked('parks'),
    ];
    expect(withoutTitle(parts, 'MoU on upgrading the "Two Countries, Twin" project')).toEqual([
      plain('It links two '),
      marked('parks'),
    ]);
    // Without the full stop, words that happen to end the title may be the text's own.
    expect(withoutTitle([plain('project of the two parks')], 'The twin parks project')).toEqual([
      plain('project of the two parks'),
    ]);
  });

  it('matches the title whatever its case and spacing', () => {
    expect(withoutTitle([plain('  smart  CITY letter.  It links')], 'Smart city letter')).toEqual([plain('It links')]);
  });

  it('leaves an excerpt that does not begin with the title, or begins with a longer word', () => {
    const middle = [plain('… signed the '), marked('visa'), plain(' agreement')];
    expect(withoutTitle(middle, 'Visa agreement')).toEqual(middle);
    expect(withoutTitle([plain('Visas and travel')], 'Visa')).toEqual([plain('Visas and travel')]);
  });

  it('leaves an excerpt that is nothing but the title, so the result is not left without one', () => {
    expect(withoutTitle([marked('Travel'), plain(' and visas.')], 'Travel and visas')).toEqual([
      marked('Travel'),
      plain(' and visas.'),
    ]);
  });
});
