/**
 * The whole-record views (/matrix/, /who-signs-with-whom/, /compare/, the charts on /figures/) agree with the
 * content they were built from. Expectations are counted here from content/ directly, not through the site's code.
 */
import { describe, expect, it } from 'vitest';
import type { HTMLElement } from 'node-html-parser';
import { rawDataFile, rawFrontmatter } from '../support/content';
import { contentIds, readPage, requireBuild } from '../support/dist';

requireBuild();

/** The fields these tests read. An alias, not an interface: only an alias converts from the parsed file's record. */
type Frontmatter = {
  type: string;
  date: { value: string };
  event?: string;
  malaysianParties: string[];
  chineseParties: string[];
  themes: string[];
  documentsReported?: { count: number };
};
const frontmatter = (collection: 'agreements' | 'events', id: string) => rawFrontmatter(collection, id) as Frontmatter;
const agreements = contentIds('agreements').map((id) => ({ id, ...frontmatter('agreements', id) }));
const figures = rawDataFile('figures.yaml') as {
  id: string;
  value: number;
}[];

const VIEWS = ['/matrix/', '/who-signs-with-whom/', '/compare/', '/figures/'];
const number = (el: HTMLElement | null | undefined) => Number(el?.getAttribute('data-count'));
const idFrom = (href: string | undefined, section: string) =>
  new RegExp(`^/${section}/([^/]+)/$`).exec(href ?? '')?.[1] ?? '';

describe('every whole-record view', () => {
  it.each(VIEWS)('%s has no style attribute on any element', (path) => {
    expect(
      readPage(path)
        .querySelectorAll('[style]')
        .map((el) => el.outerHTML.slice(0, 80)),
    ).toEqual([]);
  });

  it.each(['/matrix/', '/compare/'])(
    '%s puts every table, with a caption and scoped headers, in a focusable region named by the caption',
    (path) => {
      const tables = readPage(path).querySelectorAll('main table');
      expect(tables.length).toBeGreaterThan(0);
      for (const table of tables) {
        const caption = table.querySelector('caption');
        expect(caption?.text.trim()).not.toBe('');
        const wrap = table.parentNode;
        expect(wrap?.classList.contains('table-wrap')).toBe(true);
        expect(wrap?.getAttribute('tabindex')).toBe('0');
        expect(wrap?.getAttribute('role')).toBe('region');
        expect(wrap?.getAttribute('aria-labelledby')).toBe(caption?.id);
        for (const th of table.querySelectorAll('th')) expect(th.getAttribute('scope')).toMatch(/^(col|row)$/);
      }
    },
  );

  it('are linked from the themes page', () => {
    const hrefs = readPage('/themes/')
      .querySelectorAll('.see-whole-record a')
      .map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(VIEWS);
  });
});

describe('the matrix', () => {
  const html = readPage('/matrix/');
  const pairs = agreements.flatMap((a) => a.themes.map((theme) => ({ ...a, theme })));
  const cells = (table: string) => html.querySelectorAll(`#${table} tbody td[data-count]`);
  const columnHeads = (table: string) => html.querySelectorAll(`#${table} thead th`).slice(1, -1);

  it.each(['matrix-years', 'matrix-events'])(
    '%s: its cells add up to the number of (agreement, theme) pairs in content',
    (table) => {
      expect(cells(table).reduce((sum, td) => sum + number(td), 0)).toBe(pairs.length);
    },
  );

  it('has a row for every theme', () => {
    const rows = html.querySelectorAll('#matrix-years tbody th a').map((a) => idFrom(a.getAttribute('href'), 'themes'));
    expect(rows.sort()).toEqual(contentIds('themes'));
  });

  it('counts each theme and year as content does, and links a non-zero cell to the timeline so filtered', () => {
    const years = columnHeads('matrix-years').map((th) => th.text.trim());
    expect(years).toEqual([...new Set(agreements.map((a) => a.date.value.slice(0, 4)))].sort());
    let links = 0;
    for (const row of html.querySelectorAll('#matrix-years tbody tr')) {
      const theme = idFrom(row.querySelector('th a')?.getAttribute('href'), 'themes');
      row.querySelectorAll('td[data-count]').forEach((td, i) => {
        const year = years[i] ?? '';
        const expected = pairs.filter((p) => p.theme === theme && p.date.value.startsWith(year)).length;
        expect(number(td), `${theme} ${year}`).toBe(expected);
        const href = td.querySelector('a')?.getAttribute('href');
        if (expected === 0) {
          expect(href).toBeUndefined();
        } else {
          expect(href).toBe(`/?theme=${theme}&year=${year}`);
          links += 1;
        }
      });
    }
    expect(links).toBeGreaterThan(0);
  });

  it('links a non-zero theme × event cell to that event’s page, and says so in the caption', () => {
    expect(html.querySelector('#matrix-events caption')?.text).toContain('event’s page');
    const events = columnHeads('matrix-events').map((th) =>
      idFrom(th.querySelector('a')?.getAttribute('href'), 'events'),
    );
    // Every event with a document in the record has its column; the others are named under the table.
    const withDocuments = contentIds('events').filter((id) => agreements.some((a) => a.event === id));
    expect([...events].sort()).toEqual(withDocuments);
    const named = html
      .querySelectorAll('[data-events-without-documents] a')
      .map((a) => idFrom(a.getAttribute('href'), 'events'));
    expect([...events, ...named].sort()).toEqual(contentIds('events'));
    for (const row of html.querySelectorAll('#matrix-events tbody tr')) {
      const theme = idFrom(row.querySelector('th a')?.getAttribute('href'), 'themes');
      row.querySelectorAll('td[data-count]').forEach((td, i) => {
        const expected = pairs.filter((p) => p.theme === theme && p.event === events[i]).length;
        expect(number(td), `${theme} ${events[i]}`).toBe(expected);
        if (expected > 0) expect(td.querySelector('a')?.getAttribute('href')).toBe(`/events/${events[i]}/`);
      });
    }
  });

  it('shows a zero as an en dash that reads as "none"', () => {
    const zeros = cells('matrix-years').filter((td) => number(td) === 0);
    expect(zeros.length).toBeGreaterThan(0);
    for (const td of zeros) {
      expect(td.querySelector('[aria-hidden="true"]')?.text.trim()).toBe('–');
      expect(td.querySelector('.visually-hidden')?.text.trim()).toBe('none');
    }
  });

  it('gives each linked count a name that starts with the number and names the theme', () => {
    for (const a of html.querySelectorAll('#matrix-years td a')) {
      const spoken = a.querySelector('.visually-hidden')?.text ?? '';
      expect(spoken.startsWith(a.querySelector('[aria-hidden="true"]')?.text.trim() ?? 'x')).toBe(true);
      expect(spoken).toMatch(/ on .+ in \d{4}/);
    }
  });
});

describe('who signs with whom', () => {
  const html = readPage('/who-signs-with-whom/');
  const rows = html.querySelectorAll('.pair-list > li[data-pair]');
  const expected = new Map<string, string[]>();
  for (const a of agreements) {
    for (const my of a.malaysianParties) {
      for (const cn of a.chineseParties) expected.set(`${my} ${cn}`, [...(expected.get(`${my} ${cn}`) ?? []), a.id]);
    }
  }

  it('has one row per pair of parties in content, each listing exactly that pair’s documents', () => {
    expect(rows.map((r) => r.getAttribute('data-pair')).sort()).toEqual([...expected.keys()].sort());
    for (const row of rows) {
      const docs = row.querySelectorAll('ul a').map((a) => idFrom(a.getAttribute('href'), 'agreements'));
      const want = expected.get(row.getAttribute('data-pair') ?? '') ?? [];
      expect(docs.sort()).toEqual([...want].sort());
      expect(number(row.querySelector('[data-count]'))).toBe(want.length);
    }
  });

  it('puts the pairs with most documents first', () => {
    const counts = rows.map((r) => number(r.querySelector('[data-count]')));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(rows[0]?.getAttribute('data-pair')).toBe('miti mofcom');
  });

  it('lists apart exactly the documents whose counterpart content does not state', () => {
    const unstated = agreements.filter((a) => a.chineseParties.length === 0).map((a) => a.id);
    const section = html.querySelector('section[aria-labelledby="unstated"]');
    // A count beside the heading when there is something to count; an empty section says why instead of "(0)".
    const heading = section?.querySelector('h2')?.text ?? '';
    if (unstated.length > 0) expect(heading).toContain(`(${unstated.length})`);
    else expect(heading).not.toMatch(/\(\d+\)/);
    const listed = section?.querySelectorAll('li a').map((a) => idFrom(a.getAttribute('href'), 'agreements')) ?? [];
    expect(listed.sort()).toEqual(unstated.sort());
    if (unstated.length === 0) expect(section?.text).toContain('Every document in the record names');
  });

  it('lists the documents whose counterpart is given only as the Chinese government', () => {
    const generic = agreements
      .filter((a) => a.chineseParties.length > 0 && a.chineseParties.every((p) => p === 'government-of-china'))
      .map((a) => a.id);
    const listed = html.querySelectorAll('#generic-list a').map((a) => idFrom(a.getAttribute('href'), 'agreements'));
    expect(listed.sort()).toEqual(generic.sort());
  });
});

describe('the comparison of June 2024 and April 2025', () => {
  const html = readPage('/compare/');
  const EVENTS = ['li-qiang-official-visit-2024', 'xi-jinping-state-visit-2025'];
  const cell = (row: string, side: 'left' | 'right') =>
    html.querySelector(`#compare-overview tr[data-row="${row}"] td[data-side="${side}"]`)?.text.trim();

  it('heads its columns with the two events, in order', () => {
    expect(
      html.querySelectorAll('#compare-overview th[data-event]').map((th) => th.getAttribute('data-event')),
    ).toEqual(EVENTS);
  });

  it('gives each event’s reported count from its content, and the number described here', () => {
    (['left', 'right'] as const).forEach((side, i) => {
      const id = EVENTS[i] ?? '';
      expect(cell('reported', side)).toBe(String(frontmatter('events', id).documentsReported?.count));
      expect(cell('described', side)).toBe(String(agreements.filter((a) => a.event === id).length));
    });
    expect(cell('reported', 'left')).toBe('14');
    expect(cell('reported', 'right')).toBe('31');
  });

  it('points from the counts straight to how each package was counted, since they can differ', () => {
    // The first element after the table's region that a reader sees (a module script may sit between).
    let next = html.querySelector('#compare-overview')?.closest('.table-wrap')?.nextElementSibling;
    while (next?.rawTagName === 'script') next = next.nextElementSibling;
    expect(next?.querySelector('a')?.getAttribute('href')).toBe('#how-counted');
    // The joint statement of the next day is outside the 14, and the page names it.
    expect(html.querySelector('#how-counted + .facts')?.text).toContain(
      'not among the 14: Joint statement of June 2024',
    );
  });

  it('says under the table why a package has more documents described than reported', () => {
    const summary = html.querySelector('#compare-summary')?.text.replace(/\s+/g, ' ') ?? '';
    const more = (['left', 'right'] as const).filter(
      (side) => Number(cell('described', side)) > Number(cell('reported', side)),
    );
    // June 2024: 14 reported, and the joint statement of the next day described as well.
    expect(more).toEqual(['left']);
    for (const side of more) {
      expect(summary).toContain(`outside the ${cell('reported', side) ?? ''} reported`);
    }
  });

  it('counts themes per package as content does, and names the themes found in one package only', () => {
    const [left, right] = EVENTS.map((id) => agreements.filter((a) => a.event === id));
    const count = (docs: typeof agreements | undefined, theme: string) =>
      (docs ?? []).filter((a) => a.themes.includes(theme)).length;
    const sentence = html.querySelector('#compare-summary')?.text ?? '';
    for (const row of html.querySelectorAll('#compare-themes-table tbody tr')) {
      const theme = row.getAttribute('data-key') ?? '';
      const [l, r] = row.querySelectorAll('td').map(number);
      expect([l, r], theme).toEqual([count(left, theme), count(right, theme)]);
      if ((l === 0) !== (r === 0)) expect(sentence).toContain(row.querySelector('th a')?.text.trim());
    }
    expect(sentence).toMatch(/only in the June 2024 package/);
    expect(sentence).toMatch(/only in the April 2025 package/);
  });
});

describe('the key-figure charts', () => {
  const html = readPage('/figures/');
  const charts = html.querySelectorAll('figure svg.chart');

  it('draws two charts and keeps the table of every figure', () => {
    expect(charts).toHaveLength(2);
    expect(html.querySelectorAll('tbody tr')).toHaveLength(figures.length);
  });

  it.each([0, 1])(
    'chart %i is an image named by its own title and desc, in a figure captioned by that title that names a source and year',
    (i) => {
      const svg = charts[i];
      expect(svg?.getAttribute('role')).toBe('img');
      const ids = (svg?.getAttribute('aria-labelledby') ?? '').split(' ');
      expect(ids).toHaveLength(2);
      expect(svg?.querySelector(`title#${ids[0]}`)?.text.trim()).not.toBe('');
      const desc = svg?.querySelector(`desc#${ids[1]}`)?.text.trim() ?? '';
      expect(desc).not.toBe('');
      // The description is read aloud in full, so a word said twice ("about about") is heard.
      expect(desc).not.toMatch(/\b(\w+) \1\b/i);
      const figure = svg?.parentNode;
      // The caption comes first, so a reader meets what the bars show before the bars.
      expect(figure?.firstElementChild?.tagName).toBe('FIGCAPTION');
      expect(figure?.querySelector('figcaption')?.text.trim()).toBe(svg?.querySelector(`title#${ids[0]}`)?.text.trim());
      expect(figure?.querySelector('a[href^="/sources/#"]')).not.toBeNull();
      expect(figure?.text).toMatch(/Sources of the \d{4} figures: \S/);
    },
  );

  it('draws the quoted trade figures, and labels the change it computes as derived by this site', () => {
    const value = (id: string) => figures.find((f) => f.id === id)?.value;
    const trade = charts[0]?.querySelectorAll('g[data-value]').map((g) => Number(g.getAttribute('data-value')));
    expect(trade).toEqual([value('bilateral-trade-2023'), value('bilateral-trade-2024')]);
    const figure = charts[0]?.parentNode;
    expect(figure?.querySelector('.chart-notes')?.text).toContain('derived by this site');
    expect(charts[0]?.querySelector('desc')?.text).toContain('derived by this site');
  });

  it('draws the services figure, and a derived bar for 2023 marked as derived', () => {
    const bars = charts[1]?.querySelectorAll('g[data-value]') ?? [];
    expect(Number(bars[1]?.getAttribute('data-value'))).toBe(
      figures.find((f) => f.id === 'services-trade-2024')?.value,
    );
    expect(bars[0]?.classList.contains('chart__group--derived')).toBe(true);
    expect(bars[0]?.querySelector('rect')?.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(charts[1]?.parentNode?.querySelector('.chart-notes')?.text).toContain('derived by this site');
    // A screen reader hears the derived value as the notes show it.
    const implied = charts[1]?.parentNode?.querySelectorAll('.chart-notes dd')[1]?.firstChild?.text.trim() ?? '';
    expect(implied).toMatch(/^about RM\d/);
    expect(charts[1]?.querySelector('desc')?.text).toContain(`stands for ${implied} and`);
  });
});
