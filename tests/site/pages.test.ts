/** Every built page is a complete document, and every section of the site is there. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HTMLElement, Node } from 'node-html-parser';
import { SEPARATOR } from '../../src/i18n/separator';
import { rawDataFile, rawFrontmatter, readContent } from '../support/content';
import { sortableDate } from '../support/dates';
import { contentIds, distDir, htmlPages, pageFile, readPage, redirectPaths, requireBuild } from '../support/dist';

requireBuild();
const pages = htmlPages();
/** Pages of the site itself; embeds are framed in other sites' pages and carry no site chrome. */
const sitePages = pages.filter((path) => !path.startsWith('/embed/'));

describe('every page', () => {
  it.each(pages)('%s has a non-empty title, a language and one h1', (path) => {
    const html = readPage(path);
    expect(html.querySelector('title')?.text.trim()).not.toBe('');
    expect(html.querySelector('html')?.getAttribute('lang')).toMatch(/^en/);
    expect(html.querySelectorAll('h1')).toHaveLength(1);
  });

  it.each(pages)('%s opens with its h1 and never skips a heading level going down', (path) => {
    const levels = readPage(path)
      .querySelectorAll('main :is(h1, h2, h3, h4, h5, h6)')
      .map((h) => Number(h.tagName.slice(1)));
    expect(levels[0]).toBe(1);
    const skips = levels.flatMap((level, i) =>
      i > 0 && level > (levels[i - 1] ?? 0) + 1 ? [[levels[i - 1], level]] : [],
    );
    expect(skips).toEqual([]);
  });

  it.each(sitePages)(
    '%s has a skip link to main, a labelled main navigation and a footer with the build date',
    (path) => {
      const html = readPage(path);
      expect(html.querySelector('a.skip-link')?.getAttribute('href')).toBe('#main');
      expect(html.querySelector('main#main')).not.toBeNull();
      expect(html.querySelector('nav[aria-label]')).not.toBeNull();
      expect(html.querySelector('footer time')?.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    },
  );

  it('shows the build day in the footer as a reader writes it', () => {
    const time = readPage('/').querySelector('.site-footer time');
    const day = new Date(`${time?.getAttribute('datetime') ?? ''}T00:00:00Z`);
    const expected = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(day);
    expect(time?.text).toBe(expected);
  });

  it.each(pages)('%s never writes "1 documents"', (path) => {
    expect(readPage(path).text.replace(/\s+/g, ' ')).not.toMatch(/\b1 documents\b/);
  });

  it.each(pages)('%s keeps a meta row’s “·” beside its words, not a flex gap away', (path) => {
    // A meta row is a flex box: text beside an element becomes an item of its own, so "2025 · Expo" would
    // read "2025   · Expo". Words and their separators go in one element.
    const loose = readPage(path)
      .querySelectorAll('.entry__meta')
      .filter((row) => row.childNodes.some((node) => node.nodeType === 3 && node.text.includes('·')))
      .map((row) => row.toString().slice(0, 120));
    expect(loose).toEqual([]);
  });

  it.each(pages)('%s marks its Chinese text as Chinese, so a screen reader does not read it in English', (path) => {
    const unmarked: string[] = [];
    const walk = (node: Node, lang: string | undefined): void => {
      if (node.nodeType === 3) {
        const text = node.text.trim();
        // An address is read as an address, whatever script its path is in.
        if (/\p{Script=Han}/u.test(text) && !lang?.startsWith('zh') && !/^https?:/.test(text)) unmarked.push(text);
        return;
      }
      const element = node as HTMLElement;
      if (['script', 'style', 'title', 'textarea'].includes(element.rawTagName?.toLowerCase() ?? '')) return;
      const own = element.getAttribute?.('lang') ?? lang;
      for (const child of node.childNodes) walk(child, own);
    };
    walk(readPage(path), undefined);
    expect(unmarked).toEqual([]);
  });

  it.each(pages)('%s never runs a link into the word or separator before it', (path) => {
    // The compiler drops the line break between text and a link on the next line, so "instead:Themes" or
    // "Timeline ·Who’s who" would reach the reader unless the source keeps a space.
    const joined = readFileSync(pageFile(path), 'utf8').match(/.{0,30}[\p{L}\p{N}:·]<a\b[^>]*>[^<]*/gu) ?? [];
    expect(joined).toEqual([]);
  });

  it.each(pages)('%s prints no link text with percent-escaped letters, only the address itself', (path) => {
    // A source without a headline is cited by its address; "%e9%a9%ac" tells a reader nothing that "马" does not.
    const escaped = readPage(path)
      .querySelectorAll('a[href]')
      .map((a) => a.text.trim())
      .filter((text) => /%[89a-f][0-9a-f]/i.test(text));
    expect(escaped).toEqual([]);
  });

  it.each(pages)('%s carries a CSP that allows no inline or eval script', (path) => {
    const csp =
      readPage(path).querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toMatch(/'unsafe-eval'/);
  });
});

describe('the site has every section', () => {
  it.each([
    '/',
    '/themes/',
    '/events/',
    '/actors/',
    '/sources/',
    '/figures/',
    '/glossary/',
    '/about/',
    '/search/',
    '/404.html',
  ])('%s exists', (path) => {
    expect(pages).toContain(path);
  });

  it.each([['themes'], ['events']] as const)('has a page for every entry of %s', (collection) => {
    for (const id of contentIds(collection)) expect(pages).toContain(`/${collection}/${id}/`);
  });

  it('marks the current page, or on a page inside a section the section, with aria-current', () => {
    expect(readPage('/themes/').querySelector('nav a[aria-current="page"]')?.text.trim()).toBe('Themes');
    expect(readPage('/').querySelector('nav a[aria-current="page"]')?.text.trim()).toBe('Timeline');
    // An agreement's page is in the timeline's section, but it is not the timeline page.
    const current = (path: string) => {
      const html = readPage(path);
      expect(html.querySelectorAll('.nav-list a[aria-current="page"]')).toEqual([]);
      return html.querySelector('.nav-list a[aria-current="true"]')?.text.trim();
    };
    expect(current(`/agreements/${contentIds('agreements')[0] ?? ''}/`)).toBe('Timeline');
    expect(current('/years/2024/')).toBe('Timeline');
    expect(current('/types/mou/')).toBe('Timeline');
    expect(current('/who-signs-with-whom/')).toBe('Who’s who');
    expect(current('/actors/ndrc/')).toBe('Who’s who');
  });
});

describe('lists of agreements run newest first', () => {
  const listPages = pages.filter((path) => /^\/(themes|events|actors|types)\/[^/]+\/$/.test(path));

  it('covers the theme, event, actor and type pages', () => {
    for (const section of ['themes', 'events', 'actors', 'types']) {
      expect(listPages.some((path) => path.startsWith(`/${section}/`))).toBe(true);
    }
  });

  it.each(listPages)('%s', (path) => {
    const dates = readPage(path)
      .querySelectorAll('.entry-list [data-entry-id] time')
      .map((time) => sortableDate(time.getAttribute('datetime') ?? ''));
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe('event pages say how many documents were reported and how many are described', () => {
  it.each(contentIds('events'))('%s', (id) => {
    const html = readPage(`/events/${id}/`);
    const described = html.querySelectorAll('#event-documents ~ .entry-list [data-entry-id]').length;
    const text = html.querySelector('.facts')?.text ?? '';
    const line = new RegExp(
      `(?:(\\d+) documents reported, |No count of documents is reported; )(\\d+) (?:of them )?described here\\.|No count of documents is reported, and (none) is described here\\.`,
    ).exec(text.replace(/\s+/g, ' '));
    expect(line, text).not.toBeNull();
    const [, reported, number, none] = line ?? [];
    const shown = none ? 0 : number;
    // Documents the reported count leaves out are named, each linking to its page.
    const separately = html.querySelectorAll('.facts [data-counted-separately] a').length;
    expect(Number(shown) + separately).toBe(described);
    // More described than reported would read as an error.
    if (reported !== undefined) expect(Number(shown)).toBeLessThanOrEqual(Number(reported));
  });

  it('names the June 2024 joint statement as outside the 14 documents of the day before', () => {
    const facts = readPage('/events/li-qiang-official-visit-2024/').querySelector('.facts');
    expect(facts?.text.replace(/\s+/g, ' ')).toContain(
      '14 documents reported, 14 of them described here. Also described here, and not among the 14: Joint statement of June 2024.',
    );
    expect(facts?.querySelector('[data-counted-separately] a')?.getAttribute('href')).toBe(
      '/agreements/joint-statement-2024/',
    );
  });
});

/**
 * The numbers of a summary's count line, "14 documents reported, 14 of them described on this site. The site
 * also describes 1 document outside that count.": the reported count, and how many documents it accounts for.
 */
function summaryCounts(line: string): { reported: number; counted: number } {
  const match =
    /^(\d+) documents? reported, (\d+) (?:of them )?described on this site\.(?: The site also describes (\d+) documents? outside that count\.)?$/.exec(
      line,
    );
  expect(match, line).not.toBeNull();
  const [, reported, described, more = '0'] = match ?? [];
  return { reported: Number(reported), counted: Number(described) + Number(more) };
}

describe('the timeline says, under each event, how many documents were reported and how many it lists', () => {
  const events = new Map(readContent().events.map((e) => [e.id, e.data as { documentsReported?: { count: number } }]));
  const groups = readPage('/')
    .querySelectorAll('.timeline__event')
    .filter((group) => group.querySelector('h3 a'));
  it.each(groups.map((group) => [group.querySelector('h3 a')?.getAttribute('href') ?? '', group] as const))(
    '%s',
    (href, group) => {
      const count = events.get(href.split('/')[2] ?? '')?.documentsReported?.count;
      const line = group.querySelector('.timeline__reported')?.text.replace(/\s+/g, ' ') ?? '';
      if (count === undefined) {
        expect(line).toBe('');
        return;
      }
      const { reported, counted } = summaryCounts(line);
      expect(reported).toBe(count);
      // Every document the line counts is one of the group's rows, and every row is counted.
      expect(counted).toBe(group.querySelectorAll('.entry-list > li').length);
    },
  );
  it('covers both state visits', () => {
    expect(groups.filter((group) => group.querySelector('.timeline__reported')).length).toBeGreaterThanOrEqual(2);
  });
});

describe('the events list says, on each card, how many documents were reported and how many are described', () => {
  const events = new Map(readContent().events.map((e) => [e.id, e.data as { documentsReported?: { count: number } }]));
  const cards = readPage('/events/').querySelectorAll('.card');
  it.each(cards.map((card) => [card.querySelector('h2 a')?.getAttribute('href') ?? '', card] as const))(
    '%s',
    (href, card) => {
      const count = events.get(href.split('/')[2] ?? '')?.documentsReported?.count;
      const onPage = readPage(href).querySelectorAll('#event-documents ~ .entry-list [data-entry-id]').length;
      const line = card.querySelector('.count')?.text.replace(/\s+/g, ' ') ?? '';
      if (count === undefined) {
        // "0 documents" read as a report that none were signed; the sources give no count at all.
        expect(line).toBe(
          onPage === 0
            ? 'No count of documents is reported, and none is described here.'
            : `No count of documents is reported; ${onPage} described here.`,
        );
        return;
      }
      const { reported, counted } = summaryCounts(line);
      expect(reported).toBe(count);
      expect(counted).toBe(onPage);
    },
  );
  it('covers every event', () => {
    expect(cards).toHaveLength(events.size);
  });
});

describe('dates are shown at their precision', () => {
  it('uses <time datetime> with the stored value on timeline items', () => {
    const times = readPage('/').querySelectorAll('[data-entry-id] time');
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) expect(time.getAttribute('datetime') ?? '').toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
  });
});

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

describe('dates', () => {
  /** Every date shown (not a moment with a time of day), with its machine value, across the site. */
  const dates = pages.flatMap((path) =>
    readPage(path)
      .querySelectorAll('time[datetime]:not([datetime*="T"])')
      .map((time) => ({ path, value: time.getAttribute('datetime') ?? '', text: time.text.trim() })),
  );

  it('say in words what their datetime says, no more precisely, on every page', () => {
    const precisions = new Set<string>();
    for (const { path, value, text } of dates) {
      const [year, month, day] = value.split('-');
      // "15–17 April 2025" is a range that starts on its datetime's day.
      const words = /^(?:(\d{1,2})(?:–\d{1,2})? )?(?:([A-Z][a-z]+) )?(\d{4})$/.exec(text);
      const shown = words && {
        day: words[1]?.padStart(2, '0'),
        month: words[2] && String(MONTHS.indexOf(words[2]) + 1).padStart(2, '0'),
        year: words[3],
      };
      expect(shown, `${path}: <time datetime="${value}">${text}</time>`).toEqual({ day, month, year });
      precisions.add(day ? 'day' : month ? 'month' : 'year');
    }
    // All three precisions are in the record, so none of the cases above goes unchecked.
    expect([...precisions].sort()).toEqual(['day', 'month', 'year']);
  });
});

describe('the search terms at the foot of an agreement page', () => {
  /** The names of a term list ("Other names…: A · B"), lower-cased, without its label. */
  const names = (html: HTMLElement, selector: string) =>
    (html.querySelector(selector)?.text ?? '')
      .replace(/^[^:]*:/, '')
      .split(SEPARATOR.trim())
      .map((name) => name.trim().toLocaleLowerCase('en'))
      .filter(Boolean);

  it.each(contentIds('agreements'))('%s names each term once, in one of its two lists', (id) => {
    const html = readPage(`/agreements/${id}/`);
    const own = names(html, '.aliases');
    const more = names(html, '.search-aliases');
    expect(more.length).toBeGreaterThan(0);
    expect(more.filter((name) => own.includes(name))).toEqual([]);
    expect(new Set([...own, ...more]).size).toBe(own.length + more.length);
  });
});

describe('the list of bodies and people', () => {
  const rows = readPage('/actors/').querySelectorAll('.actor-list li');
  const row = (id: string) => rows.find((li) => li.querySelector('a')?.getAttribute('href') === `/actors/${id}/`);
  const people = readContent()
    .actors.filter((actor) => actor.data.kind === 'person')
    .map((actor) => ({ id: actor.id, role: actor.data.role }));

  it.each(people)('names $id by the office the sources give, else as a person', ({ id, role }) => {
    expect(row(id)?.text).toContain(`${SEPARATOR}${role ?? 'Person'}${SEPARATOR}`);
  });

  // "Ministry of Finance (Malaysia)", abbreviated MOF, is "Ministry of Finance (Malaysia, MOF)" everywhere.
  const bracketed = readContent().actors.flatMap(({ data }) =>
    typeof data['abbreviation'] === 'string' && String(data['name']).endsWith(')')
      ? [{ name: String(data['name']), abbreviation: data['abbreviation'] }]
      : [],
  );

  it('has names that already end in brackets, so the next test checks something', () => {
    expect(bracketed.length).toBeGreaterThan(0);
  });

  it.each(bracketed)(
    'never follows $name with its abbreviation in a second pair of brackets',
    ({ name, abbreviation }) => {
      const merged = `${name.slice(0, -1)}, ${abbreviation})`;
      expect(rows.map((li) => li.text).join('\n')).toContain(merged);
      const doubled = pages.filter((path) =>
        readPage(path).text.replace(/\s+/g, ' ').includes(`${name} (${abbreviation})`),
      );
      expect(doubled).toEqual([]);
    },
  );
});

describe('actor pages say how a body or a person is linked to its documents', () => {
  const actors = rawDataFile('actors.yaml') as {
    id: string;
    kind: string;
  }[];
  it.each(actors)('$id ($kind)', ({ id, kind }) => {
    const heading = readPage(`/actors/${id}/`).querySelector('#actor-documents')?.text ?? '';
    // A person signs or exchanges a document; a body is party to it.
    expect(heading).toMatch(
      kind === 'person'
        ? /^Documents this person signed or exchanged \(\d+\)$/
        : /^Documents this body is party to \(\d+\)$/,
    );
  });
});

describe('status and confidence', () => {
  const glossary = readPage('/glossary/');
  it.each(contentIds('agreements'))('%s links its status and confidence to their meaning in the glossary', (id) => {
    const facts = readPage(`/agreements/${id}/`).querySelector('.facts');
    const links = (facts?.querySelectorAll('a[href^="/glossary/#"]') ?? []).filter((a) =>
      /#(status|confidence)-/.test(a.getAttribute('href') ?? ''),
    );
    expect(links).toHaveLength(2);
    for (const link of links) {
      const term = glossary.getElementById((link.getAttribute('href') ?? '').split('#')[1] ?? '');
      // The glossary's term starts with the label the page shows, and is followed by its meaning.
      expect(term?.text.trim().startsWith(link.text.trim())).toBe(true);
      expect(term?.nextElementSibling?.tagName).toBe('DD');
      expect(term?.nextElementSibling?.text.trim().length).toBeGreaterThan(20);
    }
  });
});

describe('a confidence note', () => {
  const noted = readContent().agreements.flatMap(({ id, data }) => {
    const { confidence } = data as { confidence: { level: string; note?: string } };
    return confidence.note ? [[id, confidence.level, confidence.note] as const] : [];
  });
  it.each(noted)('%s (%s) gives its note once, and the key facts point to it or give it', (id, level, note) => {
    const article = readPage(`/agreements/${id}/`).querySelector('article');
    const text = article?.text.replace(/\s+/g, ' ') ?? '';
    expect(text.split(note.replace(/\s+/g, ' ')).length - 1).toBe(1);
    const row = article?.querySelector('.facts a[href^="/glossary/#confidence-"]')?.parentNode?.text ?? '';
    expect(row).toMatch(level === 'confirmed' ? note.slice(0, 40) : 'under the title');
  });
  it('covers the notes under a title', () => {
    expect(noted.filter(([, level]) => level !== 'confirmed').length).toBeGreaterThan(0);
  });
});

describe('parties', () => {
  it.each(contentIds('agreements'))('%s names each party in its key facts as the party’s own page does', (id) => {
    const links = readPage(`/agreements/${id}/`).querySelectorAll('.facts .parties a');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const own = readPage(link.getAttribute('href') ?? '')
        .querySelector('h1')
        ?.text.trim();
      // The arrow that opens the Chinese side is drawn inside its first link, hidden from its name.
      for (const hidden of link.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
      expect(link.text.replace('\u2060', '').trim()).toBe(own);
    }
  });
});

describe('citations', () => {
  it.each(contentIds('agreements'))('%s: links to the site’s entry for a source only as such', (id) => {
    const links = readPage(`/agreements/${id}/`).querySelectorAll('.citations a');
    const own = links.filter((a) => a.getAttribute('href')?.startsWith('/sources/'));
    expect(own.length).toBeGreaterThan(0);
    // "News report" on a link that leads to this site's list, not to the report, misleads a reader.
    for (const a of own) expect(a.text.trim()).toBe('About this source');
    const external = links.filter((a) => /^https?:/.test(a.getAttribute('href') ?? ''));
    expect(external).toHaveLength(own.length);
  });
});

describe('the sources page', () => {
  const content = readContent();
  const sourcesPage = readPage('/sources/');
  const citing = (id: string) =>
    sourcesPage
      .getElementById(id)
      ?.querySelectorAll('.cited-by a')
      .map((a) => a.getAttribute('href')) ?? [];
  const cites = (entry: { data: Record<string, unknown> }, id: string) =>
    (entry.data['sources'] as { source: { id: string } }[]).some((c) => c.source.id === id);
  it.each(content.sources.map((s) => s.id))('%s lists every entry that cites it, whatever its kind', (id) => {
    const expected = [
      ...content.agreements.filter((e) => cites(e, id)).map((e) => `/agreements/${e.id}/`),
      ...content.events.filter((e) => cites(e, id)).map((e) => `/events/${e.id}/`),
      ...content.themes.filter((e) => cites(e, id)).map((e) => `/themes/${e.id}/`),
      ...content.figures.filter((e) => cites(e, id)).map((e) => `/figures/#${e.id}`),
      ...content.actors.filter((e) => cites(e, id)).map((e) => `/actors/${e.id}/`),
    ];
    expect(citing(id).sort()).toEqual(expected.sort());
  });

  it.each(content.sources.map((s) => s.id))(
    '%s reads as sentences: each starts with a capital, and a title ending in "?" takes no extra full stop',
    (id) => {
      const entry = sourcesPage.getElementById(id)?.querySelector('p')?.text.replace(/\s+/g, ' ').trim() ?? '';
      expect(entry).not.toMatch(/[?!.]\./);
      // Split after each full stop that ends a sentence, not inside a name such as "Sdn. Bhd.".
      const sentences = entry.split(/(?<=[.?!]) (?=\S)/);
      expect(sentences.length).toBeGreaterThanOrEqual(3);
      // The first is the publisher's name as it writes it ("broadsheet.asia").
      for (const sentence of sentences.slice(1)) expect(sentence, entry).toMatch(/^[^a-z]/);
    },
  );

  it('opens with a link to each publisher’s heading, in the headings’ order', () => {
    const headings = sourcesPage.querySelectorAll('main h2').map((h) => h.id);
    expect(headings.every((id) => /^publisher-[a-z0-9-]+$/.test(id))).toBe(true);
    const links = sourcesPage
      .querySelectorAll('main nav[aria-label="Publishers"] a')
      .map((a) => a.getAttribute('href'));
    expect(links).toEqual(headings.map((id) => `#${id}`));
  });

  it('lists each source once, under a heading naming its publisher, publishers in alphabetical order', () => {
    const publisherOf = new Map(content.sources.map((s) => [s.id, (s.data as { publisher: string }).publisher]));
    const headings = sourcesPage.querySelectorAll('main h2');
    const names = headings.map((h) => h.childNodes[0]?.text.trim() ?? '');
    expect(names).toEqual(
      [...new Set(publisherOf.values())].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })),
    );
    const listed: string[] = [];
    for (const [i, heading] of headings.entries()) {
      const ids = heading.nextElementSibling?.querySelectorAll(':scope > li').map((li) => li.id) ?? [];
      for (const id of ids) expect(publisherOf.get(id), id).toBe(names[i]);
      // The count beside the publisher is the number of entries under it.
      expect(heading.querySelector('.count')?.text).toMatch(new RegExp(`^\\(${ids.length} sources?\\)$`));
      listed.push(...ids);
    }
    expect(listed.sort()).toEqual([...publisherOf.keys()].sort());
  });
});

describe('the changes page', () => {
  const page = readPage('/changes/');
  const lines = page.querySelectorAll('.changes > li');

  it('says a change made to several documents on one day once, naming them all', () => {
    const said = lines.map((li) => `${li.querySelector('time')?.getAttribute('datetime') ?? ''} ${li.text}`);
    const keys = lines.map(
      (li) =>
        `${li.querySelector('time')?.getAttribute('datetime') ?? ''}|${li.querySelector('.muted')?.text ?? ''}|${li.querySelector('p')?.text ?? ''}`,
    );
    expect(new Set(keys).size, said.join('\n')).toBe(keys.length);
  });

  it('sets the date, the kind of change and the documents apart, as "8 December 2026 · Correction: …"', () => {
    for (const li of lines) {
      const head = li.text.replace(/\s+/g, ' ').trim();
      const kind = li.querySelector('.muted')?.text.trim() ?? '';
      expect(head, head).toMatch(new RegExp(`^\\d{1,2} \\p{L}+ \\d{4} · ${kind}: \\S`, 'u'));
    }
  });

  it('names the documents a change was made to before saying what changed', () => {
    const noted = lines.filter((li) => li.querySelector('p'));
    expect(noted.length).toBeGreaterThan(0);
    for (const li of noted) {
      const text = li.text.replace(/\s+/g, ' ');
      const firstLink = li.querySelector('a')?.text.trim() ?? '';
      expect(firstLink, text).not.toBe('');
      expect(text.indexOf(firstLink), text).toBeLessThan(text.indexOf(li.querySelector('p')?.text.trim() ?? ''));
    }
  });

  it('still links every addition and every update of every document', () => {
    const linked = new Set(lines.flatMap((li) => li.querySelectorAll('a').map((a) => a.getAttribute('href'))));
    for (const id of contentIds('agreements')) {
      const front = rawFrontmatter('agreements', id) as { updates?: unknown[] };
      const anchors = ['history-added', ...(front.updates ?? []).map((_, i) => `history-update-${i + 1}`)];
      for (const anchor of anchors) expect(linked).toContain(`/agreements/${id}/#${anchor}`);
    }
  });
});

describe('the year pages', () => {
  it.each(['2024', '2025'])(
    '/years/%s/ names its year in its h1, not again in a heading below, and no heading links back to the page',
    (year) => {
      const page = readPage(`/years/${year}/`);
      expect(page.querySelector('main h1')?.text).toContain(year);
      const below = page.querySelectorAll('main :is(h2, h3, h4)');
      expect(below.filter((h) => h.text.trim().startsWith(year)).map((h) => h.text.trim())).toEqual([]);
      expect(page.querySelectorAll(`main :is(h1, h2, h3, h4) a[href="/years/${year}/"]`)).toEqual([]);
      // The filters on a long home page load a folded year from here by this label.
      expect(page.querySelector(`.timeline__year[aria-labelledby="year-${year}"]`)).not.toBeNull();
      expect(page.getElementById(`year-${year}`)?.tagName).toBe('H1');
    },
  );

  it('show which year is the current one, to the eye as well as to a screen reader', () => {
    const css = readFileSync(
      join(distDir, readPage('/years/2024/').querySelector('link[rel="stylesheet"]')?.getAttribute('href') ?? ''),
      'utf8',
    );
    expect(readPage('/years/2024/').querySelector('.tags a[aria-current="page"]')?.text.trim()).toBe('2024');
    expect(css).toMatch(/\.tags a\[aria-current=(?:'|")?page(?:'|")?\]\{[^}]*font-weight:700/);
  });
});

describe('old addresses', () => {
  const map = rawDataFile('redirects.yaml') as {
    from: string;
    to: string;
  }[];

  it('redirects each address in content/redirects.yaml, and no other, to its page', () => {
    expect(redirectPaths()).toEqual(map.map((r) => r.from).sort());
    for (const { from, to } of map) {
      expect(readPage(from).querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(`0; url=${to}`);
      expect(pages).toContain(to);
    }
  });

  it('keeps old addresses out of search engines and the sitemap', () => {
    const sitemap = readFileSync(join(distDir, 'sitemap-0.xml'), 'utf8');
    for (const { from } of map) {
      expect(readPage(from).querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
      expect(sitemap).not.toContain(`${from}<`);
    }
  });
});

describe('the way back up from a page', () => {
  const trail = (path: string) => {
    const nav = readPage(path).querySelector('main nav[aria-label="Breadcrumb"]');
    return nav?.querySelectorAll('ol > li > a').map((a) => [a.text.trim(), a.getAttribute('href')]) ?? null;
  };

  it.each([
    [
      '/agreements/artificial-intelligence-ndrc-mou-2025/',
      [
        ['Timeline', '/'],
        ['2025', '/years/2025/'],
      ],
    ],
    ['/themes/artificial-intelligence/', [['Themes', '/themes/']]],
    ['/events/xi-jinping-state-visit-2025/', [['Events', '/events/']]],
    ['/actors/ndrc/', [['Who’s who', '/actors/']]],
    [
      '/years/2025/',
      [
        ['Timeline', '/'],
        ['Documents by year', '/years/'],
      ],
    ],
    ['/years/', [['Timeline', '/']]],
    [
      '/types/mou/',
      [
        ['Timeline', '/'],
        ['Documents by type', '/types/'],
      ],
    ],
    // The kinds of document are timeline views, as the menu marks them, not a part of the glossary.
    ['/types/', [['Timeline', '/']]],
  ])('%s is a list of links in a navigation region named "Breadcrumb"', (path, expected) => {
    expect(trail(path)).toEqual(expected);
  });
});

describe('the folders above the entry pages', () => {
  const links = (path: string) =>
    readPage(path)
      .querySelectorAll('main a')
      .map((a) => a.getAttribute('href') ?? '');

  it('/years/ links every year page, each with its count', () => {
    const years = pages.filter((p) => /^\/years\/\d{4}\/$/.test(p));
    expect(years.length).toBeGreaterThan(0);
    expect(links('/years/').filter((href) => href.startsWith('/years/'))).toEqual(years.sort().reverse());
    for (const year of years) {
      const count = readPage(year).querySelectorAll('[data-entry-id]').length;
      const item = readPage('/years/')
        .querySelectorAll('main li')
        .find((li) => li.querySelector('a')?.getAttribute('href') === year);
      expect(item?.text.replace(/\s+/g, ' ').trim()).toMatch(new RegExp(`· ${count} documents?$`));
    }
  });

  it('/types/ links every type page', () => {
    const types = pages.filter((p) => /^\/types\/[a-z-]+\/$/.test(p));
    expect(types.length).toBeGreaterThan(1);
    expect(
      links('/types/')
        .filter((href) => href.startsWith('/types/'))
        .sort(),
    ).toEqual(types.sort());
  });

  it('/types/ links the glossary it refers the reader to', () => {
    const link = readPage('/types/')
      .querySelectorAll('main a')
      .find((a) => a.getAttribute('href') === '/glossary/');
    expect(link?.text).toMatch(/glossary/i);
  });

  it('/agreements/ is a page that leads to the documents, not "Page not found"', () => {
    expect(readPage('/agreements/').querySelector('h1')?.text).toBe('Find the documents');
    expect(links('/agreements/')).toEqual(expect.arrayContaining(['/', '/years/', '/types/', '/search/']));
  });
});

describe('every body’s and person’s page cites the reports that name them', () => {
  const actors = readContent().actors;

  it.each(actors.map((a) => ({ id: a.id, cited: (a.data['sources'] as unknown[]).length })))('$id', ({ id, cited }) => {
    const citations = readPage(`/actors/${id}/`).querySelectorAll(
      'section[aria-labelledby="actor-sources"] .citations > li',
    );
    expect(citations.length).toBe(cited);
    expect(citations.length).toBeGreaterThan(0);
    for (const li of citations) expect(li.querySelector('cite')).not.toBeNull();
  });
});

describe('a card that names a party by its abbreviation', () => {
  const actors = readContent().actors.map(({ id, data }) => ({
    id,
    ...(data as { name: string; abbreviation?: string }),
  }));

  it('carries the full name on it, for a reader who does not know "KDN" or "KPKT"', () => {
    const links = readPage('/').querySelectorAll('.parties a[href^="/actors/"]');
    expect(links.length).toBeGreaterThan(40);
    for (const link of links) {
      const actor = actors.find((a) => `/actors/${a.id}/` === link.getAttribute('href'));
      const shown = link.text.replace(/[↔\u2060\s]/g, '');
      if (actor?.abbreviation === undefined) {
        expect(link.querySelector('abbr'), shown).toBeNull();
        continue;
      }
      expect(shown).toBe(actor.abbreviation);
      expect(link.querySelector('abbr')?.getAttribute('title')).toBe(actor.name);
    }
  });
});
