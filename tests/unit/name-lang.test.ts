import { describe, expect, it } from 'vitest';
import { nameLang, titleLang } from '../../src/lib/name-lang';

describe('nameLang', () => {
  it('marks a name in Chinese characters, simplified or traditional, as Chinese', () => {
    expect(nameLang('国家发展和改革委员会')).toBe('zh');
    expect(nameLang('互免簽證協定')).toBe('zh');
  });

  it('leaves English, Malay and mixed names to the page’s language', () => {
    expect(nameLang('NDRC')).toBeUndefined();
    expect(nameLang('pengecualian visa')).toBeUndefined();
    expect(nameLang('MOHURD 住房')).toBeUndefined();
  });
});

describe('titleLang', () => {
  it('marks a title in its publication’s language, unless that is English or there is no title', () => {
    expect(titleLang({ title: '中馬正式簽署互免簽證協定', language: 'zh-Hant' })).toBe('zh-Hant');
    expect(titleLang({ title: 'Fira de Barcelona expandeix Smart City Expo', language: 'ca' })).toBe('ca');
    expect(titleLang({ title: 'Malaysia and China…', language: 'en' })).toBeUndefined();
    expect(titleLang({ language: 'zh' })).toBeUndefined();
  });
});
