/**
 * The record is complete and every claim is sourced, as a reader sees it in the built site.
 * The required documents come from the project brief (issue 3), not from the content itself.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rawDataFile, rawFrontmatter } from '../support/content';
import { contentIds, htmlPages, pageFile, readPage, requireBuild } from '../support/dist';

requireBuild();

const JUNE_2024 = [
  'five-year-economic-trade-programme-2024',
  'digital-economy-investment-mou-2024',
  'green-development-investment-mou-2024',
  'transnational-crime-agreement-2024',
  'visa-exemption-letter-of-intent-2024',
  'durian-phytosanitary-protocol-2024',
  'housing-urban-development-mou-2024',
  'science-technology-expertise-exchange-mou-2024',
  'higher-education-mou-2024',
  'media-cooperation-mou-2024',
  'postal-cooperation-mou-2024',
  'single-window-joint-statement-2024',
  'tourism-cooperation-mou-2024',
  'cultural-cooperation-executive-programme-2024',
];
const APRIL_2025 = [
  'digital-economy-ndrc-mou-2025',
  'artificial-intelligence-ndrc-mou-2025',
  'mdec-zhejiang-university-letter-of-intent-2025',
  'trade-in-services-mou-2025',
  'two-countries-twin-parks-mou-2025',
  'standardisation-mou-2025',
  'visa-exemption-agreement-2025',
];
const SPONSORS = /\b(Qlik|CTC Global|Planview|SIRIM|HashiCorp|IBM)\b/;

describe('the record holds every document the sources name', () => {
  it.each([...JUNE_2024, ...APRIL_2025])('%s has its own page', (id) => {
    expect(contentIds('agreements')).toContain(id);
    expect(existsSync(pageFile(`/agreements/${id}/`))).toBe(true);
  });

  it('dates the fourteen June 2024 documents to 19 June 2024, at Premier Li Qiang’s visit', () => {
    for (const id of JUNE_2024) {
      const html = readPage(`/agreements/${id}/`);
      expect(html.querySelector('.entry__meta time')?.getAttribute('datetime'), id).toBe('2024-06-19');
      expect(html.querySelector('.facts a[href="/events/li-qiang-official-visit-2024/"]'), id).not.toBeNull();
    }
  });

  it('has at least twelve theme explainers, each with what is not yet known', () => {
    const themes = contentIds('themes');
    expect(themes.length).toBeGreaterThanOrEqual(12);
    for (const id of themes) expect(readPage(`/themes/${id}/`).text, id).toContain('What is not yet known');
  });

  it('says how many April 2025 documents were reported and how many are described', () => {
    const text = readPage('/events/xi-jinping-state-visit-2025/').querySelector('.facts')?.text ?? '';
    expect(text).toContain(`31 documents reported, ${APRIL_2025.length} described here`);
  });

  it('says the Jiangsu expo’s date is not known', () => {
    const html = readPage('/events/jiangsu-services-trade-expo-2025/');
    expect(html.querySelector('.facts time')?.text.trim()).toBe('2025');
    expect(html.querySelector('.facts')?.text).toContain('not stated in the sources');
  });
});

describe('every claim is sourced and every gap is shown', () => {
  it.each(contentIds('agreements'))('%s shows a summary, at least one source and what the sources do not say', (id) => {
    const html = readPage(`/agreements/${id}/`);
    expect(html.querySelector('p.lead')?.text.trim().length).toBeGreaterThan(40);
    expect(html.querySelectorAll('#sources ~ .citations li, .citations li').length).toBeGreaterThan(0);
    expect(html.querySelector('h2:not(.visually-hidden)')).not.toBeNull();
    expect(html.text).toContain('What the sources do not say');
  });

  it('shows uncertainty where the record is uncertain', () => {
    const html = readPage('/agreements/transnational-crime-agreement-2024/');
    expect(html.querySelector('.confidence--uncertain')?.text).toMatch(/Uncertain\./);
  });

  it.each(['artificial-intelligence-ndrc-mou-2025', 'digital-economy-ndrc-mou-2025', 'trade-in-services-mou-2025'])(
    '%s shows where the sources disagree',
    (id) => {
      expect(readPage(`/agreements/${id}/`).querySelector('h2#where-the-sources-disagree')).not.toBeNull();
    },
  );

  it('gives every key figure a year and a source', () => {
    const rows = readPage('/figures/').querySelectorAll('tbody tr');
    expect(rows.length).toBe(rawDataFile('figures.yaml').length);
    for (const row of rows) {
      const cells = row.querySelectorAll('td');
      expect(cells[1]?.text.trim(), row.id).toMatch(/^\d{4}$/);
      expect(cells[3]?.querySelectorAll('a').length, row.id).toBeGreaterThan(0);
    }
  });

  it('writes ringgit before a figure and a percent sign against it, as reporting does', () => {
    const figures = rawDataFile('figures.yaml');
    const money = figures.filter((f) => String(f['unit']).startsWith('RM'));
    const shares = figures.filter((f) => String(f['unit']).startsWith('%'));
    expect(money.length * shares.length).toBeGreaterThan(0);
    const valueCell = (id: unknown) =>
      readPage('/figures/')
        .querySelector(`tr[id="${String(id)}"] td`)
        ?.text.replace(/\s+/g, ' ')
        .trim() ?? '';
    for (const f of money) expect(valueCell(f['id'])).toMatch(new RegExp(`^RM${String(f['value'])}\\b`));
    for (const f of shares) expect(valueCell(f['id'])).toMatch(new RegExp(`^${String(f['value'])}%`));
  });

  it('references every actor from some document or from another actor', () => {
    const referenced = new Set<string>();
    for (const id of contentIds('agreements')) {
      const data = rawFrontmatter('agreements', id);
      for (const field of ['malaysianParties', 'chineseParties', 'signatories']) {
        for (const actor of (data[field] as string[] | undefined) ?? []) referenced.add(actor);
      }
    }
    for (const actor of rawDataFile('actors.yaml'))
      if (typeof actor['memberOf'] === 'string') referenced.add(actor['memberOf']);
    const unreferenced = rawDataFile('actors.yaml')
      .map((a) => String(a['id']))
      .filter((id) => !referenced.has(id));
    expect(unreferenced).toEqual([]);
  });

  it('never cites or mentions the source article’s sponsor blurbs', () => {
    for (const source of rawDataFile('sources.yaml')) expect(JSON.stringify(source)).not.toMatch(SPONSORS);
    for (const path of htmlPages())
      expect(readPage(path).querySelector('main')?.text ?? '', path).not.toMatch(SPONSORS);
  });
});

describe('navigation', () => {
  it('reaches every page from the home page within three clicks', () => {
    const pages = new Set(htmlPages().filter((p) => p !== '/404.html'));
    const depth = new Map<string, number>([['/', 0]]);
    const queue = ['/'];
    while (queue.length > 0) {
      const path = queue.shift() as string;
      const level = depth.get(path) as number;
      if (level === 3) continue;
      for (const a of readPage(path).querySelectorAll('a[href^="/"]')) {
        const target = (a.getAttribute('href') ?? '').split('#')[0]?.split('?')[0] ?? '';
        if (pages.has(target) && !depth.has(target)) {
          depth.set(target, level + 1);
          queue.push(target);
        }
      }
    }
    expect([...pages].filter((p) => !depth.has(p))).toEqual([]);
  });
});
