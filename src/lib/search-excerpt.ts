/**
 * A search result shows its title above its excerpt, and Pagefind's excerpt of a page read from its top
 * begins with that same title ("Agreement on … passports. A visa is …"), or with its last words when the
 * matches lie further on. Pure, so it is unit-tested.
 */

/** A run of an excerpt's text, highlighted (`<mark>`) or not. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/** Where `phrase` ends if `text` has it at `at` (any case, any run of spaces), or -1; it must end a word. */
function endOf(text: string, at: number, phrase: string): number {
  let i = at;
  for (const char of phrase) {
    if (char === ' ') {
      if (!/\s/.test(text[i] ?? '')) return -1;
      while (/\s/.test(text[i] ?? '')) i++;
    } else if ((text[i] ?? '').toLowerCase() === char) i++;
    else return -1;
  }
  return /[\p{L}\p{N}]/u.test(text[i] ?? '') ? -1 : i;
}

/**
 * The excerpt without a leading copy of the title and the full stop Pagefind adds after a heading. A copy
 * of only the title's last words counts when that full stop follows it. An excerpt that does not begin with
 * the title, or is nothing but the title, is returned as it is.
 */
export function withoutTitle(parts: readonly ExcerptPart[], title: string): ExcerptPart[] {
  const text = parts.map((part) => part.text).join('');
  const start = text.length - text.trimStart().length;
  const words = title.trim().toLowerCase().split(/\s+/);
  let at = -1;
  for (let first = 0; first < words.length && at === -1; first++) {
    const end = endOf(text, start, words.slice(first).join(' '));
    if (end !== -1 && (first === 0 || text[end] === '.')) at = end;
  }
  if (at === -1) return [...parts];
  at += /^[\s.:]*/.exec(text.slice(at))?.[0].length ?? 0;
  if (text.slice(at).trim() === '') return [...parts];
  const kept: ExcerptPart[] = [];
  let offset = 0;
  for (const part of parts) {
    const end = offset + part.text.length;
    if (end > at) kept.push({ text: part.text.slice(Math.max(0, at - offset)), mark: part.mark });
    offset = end;
  }
  return kept;
}
