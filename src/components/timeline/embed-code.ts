/**
 * Keeps the embed code on the timeline page in step with the filters: on every change the filter
 * script reports (FILTER_CHANGE_EVENT), the <iframe> src and the preview link get the page's filters.
 * This script must run before timeline-filter.ts, which reports the state it reads from the URL once
 * on load; index.astro places the embed box (and so this script) before the filter script.
 */
import { FILTER_CHANGE_EVENT, iframeCode } from '../../lib/embed';
import { serializeCriteria, type Criteria } from '../../lib/filter';

const box = document.querySelector<HTMLElement>('[data-embed-code]');
const field = box?.querySelector<HTMLTextAreaElement>('[data-copy-text]');
const preview = box?.querySelector<HTMLAnchorElement>('[data-embed-preview]');
if (box && field) {
  const { src = '', title = '', height = '' } = box.dataset;
  document.addEventListener(FILTER_CHANGE_EVENT, (event) => {
    const query = serializeCriteria((event as CustomEvent<Criteria>).detail);
    field.value = iframeCode(`${src}${query}`, title, Number(height));
    if (preview) preview.href = `${preview.dataset['href'] ?? ''}${query}`;
  });
}
