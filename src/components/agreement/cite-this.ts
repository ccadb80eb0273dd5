/**
 * Sets the citations' accessed date to the reader's day. The page carries the build day, which would be
 * wrong in a citation pasted weeks later; the same functions that wrote the citations at build time
 * write them again, so the formats cannot drift apart.
 */
import { CITATION_FORMATS, type CitationFormat, type CitationInput } from '../../lib/citation';
import { fillTemplate } from '../../i18n/fill-template';
import { formatDate } from '../../lib/dates';

/** The reader's calendar day (YYYY-MM-DD) in their own time zone, as they would write it. */
function readerDay(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

for (const section of document.querySelectorAll<HTMLElement>('[data-citation]')) {
  const input = JSON.parse(section.dataset['citation'] ?? '{}') as CitationInput;
  const today = readerDay(new Date());
  if (today === input.accessed) continue;
  const cited = { ...input, accessed: today };
  for (const key of Object.keys(CITATION_FORMATS) as CitationFormat[]) {
    const field = section.querySelector<HTMLTextAreaElement>(`#cite-${key}`);
    if (field) field.value = CITATION_FORMATS[key](cited);
  }
  const print = section.querySelector('[data-cite-print]');
  if (print) print.textContent = CITATION_FORMATS.apa(cited);
  const note = section.querySelector('[data-cite-accessed]');
  const template = section.dataset['msgAccessed'];
  if (note && template)
    note.textContent = fillTemplate(template, { today: formatDate({ value: today, precision: 'day' }) });
}
