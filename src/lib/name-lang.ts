/**
 * Language markup for text that is not in the page's English: a screen reader reads Chinese with an
 * English voice unless the text says it is Chinese. A name's language is told from its script; Malay is
 * written in Latin letters and cannot be told apart from English, so it stays unmarked.
 */

/** "zh" for a name in Chinese characters only, otherwise undefined (the page's English). */
export function nameLang(name: string): 'zh' | undefined {
  return /\p{Script=Han}/u.test(name) && !/\p{Script=Latin}/u.test(name) ? 'zh' : undefined;
}

/** A source's title is in its publication's language; marked only where that is not the page's English. */
export function titleLang(source: { title?: string | undefined; language: string }): string | undefined {
  return source.title && !source.language.startsWith('en') ? source.language : undefined;
}
