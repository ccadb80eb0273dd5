import { url } from '../../lib/paths';

/**
 * Client side of /search/: reads `?q=` from the URL, loads Pagefind only then, and lists results
 * with title, date, type, kind and a highlighted excerpt. Messages come from the page (via t()).
 */

/** What Pagefind returns for one result, as far as this page uses it. */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

interface PagefindModule {
  options(options: { baseUrl: string }): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

/** Keeps only the text and the <mark> highlights of a Pagefind excerpt, so no markup from content can run. */
export function excerptNodes(excerpt: string, doc: Document): Node[] {
  const parsed = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html');
  return [...parsed.body.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = doc.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return doc.createTextNode(node.textContent ?? '');
  });
}

function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

async function run(root: HTMLElement): Promise<void> {
  const messages = root.dataset;
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const list = root.querySelector<HTMLOListElement>('[data-search-list]');
  if (!status || !list) return;
  const query = new URLSearchParams(window.location.search).get('q')?.trim() ?? '';
  const say = (text: string | undefined) => {
    status.textContent = text ?? '';
  };
  const input = root.ownerDocument.querySelector<HTMLInputElement>('#page-search');
  if (input) input.value = query;
  if (!query) return say(messages['msgEmpty']);
  if (import.meta.env.DEV) return say(messages['msgNeedsBuild']);

  say(messages['msgLoading']);
  let pagefind: PagefindModule;
  try {
    pagefind = (await import(/* @vite-ignore */ url('/pagefind/pagefind.js'))) as PagefindModule;
    await pagefind.options({ baseUrl: url('/') });
  } catch {
    root.querySelector('[data-search-fallback]')?.removeAttribute('hidden');
    return say(messages['msgFailed']);
  }
  const search = await pagefind.search(query);
  const results = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
  if (results.length === 0) return say(fill(messages['msgNone'] ?? '', { q: query }));
  say(fill((results.length === 1 ? messages['msgOne'] : messages['msgMany']) ?? '', { n: results.length, q: query }));

  list.replaceChildren(
    ...results.map((r) => {
      const item = document.createElement('li');
      item.className = 'search-result';
      const heading = document.createElement('h2');
      const link = document.createElement('a');
      link.href = r.url;
      link.textContent = r.meta['title'] ?? r.url;
      heading.append(link);
      const meta = document.createElement('p');
      meta.className = 'entry__meta';
      const kind = r.meta['kind'];
      meta.textContent = [
        kind ? messages[`kind${kind[0]?.toUpperCase()}${kind.slice(1)}`] : undefined,
        r.meta['date'],
        r.meta['type'],
      ]
        .filter(Boolean)
        .join(' · ');
      const excerpt = document.createElement('p');
      excerpt.append(...excerptNodes(r.excerpt, document));
      item.append(heading, meta, excerpt);
      return item;
    }),
  );
}

const root = document.querySelector<HTMLElement>('[data-search-root]');
if (root) void run(root);
