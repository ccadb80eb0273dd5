/** How a body or person is named in full and in short, on hand-made names. */
import { describe, expect, it } from 'vitest';
import { aroundAbbreviation, fullName, shortName } from '../../src/lib/actor-name';

describe('fullName', () => {
  it('puts the abbreviation in brackets after the name', () => {
    expect(fullName({ name: 'Ministry of Commerce', abbreviation: 'MOFCOM' })).toBe('Ministry of Commerce (MOFCOM)');
  });

  it('puts it inside the brackets a name already ends with, never a second pair', () => {
    expect(fullName({ name: 'Ministry of Finance (Malaysia)', abbreviation: 'MOF' })).toBe(
      'Ministry of Finance (Malaysia, MOF)',
    );
  });

  it('leaves a name without an abbreviation as it is, brackets and all', () => {
    expect(fullName({ name: 'Ministry of Digital (Malaysia)' })).toBe('Ministry of Digital (Malaysia)');
    expect(fullName({ name: 'Zheng Shanjie', abbreviation: undefined })).toBe('Zheng Shanjie');
  });
});

describe('aroundAbbreviation', () => {
  it('gives what surrounds the abbreviation, so a page can mark the abbreviation up on its own', () => {
    expect(aroundAbbreviation('Ministry of Commerce')).toEqual({ before: 'Ministry of Commerce (', after: ')' });
    expect(aroundAbbreviation('Ministry of Home Affairs (Malaysia)')).toEqual({
      before: 'Ministry of Home Affairs (Malaysia, ',
      after: ')',
    });
  });
});

describe('shortName', () => {
  it('is the abbreviation, or the name when there is none', () => {
    expect(shortName({ name: 'Ministry of Finance (Malaysia)', abbreviation: 'MOF' })).toBe('MOF');
    expect(shortName({ name: 'Zhejiang University' })).toBe('Zhejiang University');
  });
});
