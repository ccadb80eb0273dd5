/**
 * Seeded synthetic content for the benchmark: a whole, valid `content/` folder of N agreements with the
 * themes, events, actors, sources and figures they point at. Pure (returns file texts); the same seed, size
 * and corpus give the same files. Prose is drawn from the site's own entries (`prose.ts`). Every reference resolves, every source is cited, every agreement dated with an
 * event falls within it, and bodies are plain Markdown without `<`, `{` or `}`.
 */
import { createProse, type Sentence } from './prose.ts';
import { seededRandom } from './stats.ts';

/** What was generated: files by path relative to the content folder, and facts the benchmark queries by. */
export interface GeneratedContent {
  files: Map<string, string>;
  /** A word found in many agreements. */
  commonWord: string;
  /** A word found in exactly one agreement. */
  rareWord: string;
  /** The id of a theme that some agreements have (for filtered queries and the timeline filter). */
  themeId: string;
  /** That theme's title, which is its Pagefind filter value. */
  themeTitle: string;
  /** A year that has agreements. */
  year: number;
  /** The id of an agreement, for its page and the warm-build edit. */
  agreementId: string;
  counts: { agreements: number; themes: number; events: number; actors: number; sources: number };
}

const THEME_WORDS = [
  'digital economy',
  'artificial intelligence',
  'green development',
  'trade facilitation',
  'higher education',
  'tourism and culture',
  'public security',
  'agriculture and food',
  'postal logistics',
  'smart cities',
  'science and technology',
  'media and communications',
  'investment and industry',
  'mobility and visas',
  'data governance',
  'trade in services',
];

const TYPES = ['agreement', 'protocol', 'programme', 'joint-statement', 'mou', 'letter-of-intent', 'other'] as const;
const STATUSES = ['announced', 'signed', 'exchanged', 'in-force', 'implemented', 'unknown'] as const;
const LEVELS = ['confirmed', 'single-source', 'uncertain'] as const;
const EVENT_KINDS = ['state-visit', 'official-visit', 'expo', 'dialogue', 'meeting'] as const;
const PLACES = ['Putrajaya', 'Kuala Lumpur', 'Beijing', 'Shanghai', 'Nanning', 'Penang', 'Kuching', 'Kunming'];

/** A made-up word the benchmark's rare query finds on one agreement's page. */
const RARE_WORD = 'zorvelantix';

const SYLLABLES = ['ka', 'lo', 'mi', 'ru', 'ten', 'sha', 'qin', 'zor', 'vel', 'dun', 'pra', 'xi', 'yo', 'bek', 'tal'];

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO day `offset` days after `year-month-day`. */
function addDays(year: number, month: number, day: number, offset: number): string {
  const d = new Date(Date.UTC(year, month - 1, day + offset));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A YAML/JSON string literal (JSON strings are valid YAML). */
const q = (s: string) => JSON.stringify(s);

/** Generates the content folder for `size` agreements from `seed`, its prose drawn from `corpus`'s sentences. */
export function generateContent(size: number, corpus: readonly Sentence[], seed = 1): GeneratedContent {
  if (!Number.isInteger(size) || size < 1) throw new Error(`size must be a positive integer, received ${size}`);
  if (corpus.some((sentence) => sentence.some((word) => word.toLowerCase() === RARE_WORD))) {
    throw new Error(`the prose corpus contains "${RARE_WORD}", the word the benchmark expects on one page only`);
  }
  const random = seededRandom(seed * 1_000_003 + size);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const pickSome = <T>(list: readonly T[], min: number, max: number): T[] => {
    const wanted = Math.min(list.length, int(min, max));
    const chosen = new Set<T>();
    while (chosen.size < wanted) chosen.add(pick(list));
    return [...chosen];
  };
  // Prose draws from its own stream, so the records' dates, themes and parties do not depend on the corpus.
  const prose = createProse(corpus, seededRandom(seed * 7_919 + size));
  const text = (words: number) => prose.text(words);

  const files = new Map<string, string>();
  const themeCount = Math.min(40, Math.max(8, 12 + Math.round(size / 250)));
  const eventCount = Math.max(2, Math.round(size / 12));
  const orgsPerSide = Math.max(4, Math.round(3 * Math.sqrt(size)));
  const peoplePerSide = Math.max(2, Math.round(1.5 * Math.sqrt(size)));
  const sourceCount = Math.max(4, Math.round(size * 0.6));
  const firstYear = size <= 30 ? 2022 : size <= 300 ? 2013 : 2000;
  const lastYear = 2025;

  // Sources. Each agreement i cites source i mod sourceCount first, so every source is cited.
  const sources: string[] = [];
  const sourceLines: string[] = ['# Generated by scripts/bench/generate.ts'];
  for (let i = 0; i < sourceCount; i += 1) {
    const id = `source-${i + 1}`;
    sources.push(id);
    const year = int(firstYear, lastYear);
    const month = int(1, 12);
    const day = int(1, daysIn(year, month));
    sourceLines.push(
      `- id: ${id}`,
      `  title: ${q(`Report ${i + 1} on Malaysia–China cooperation`)}`,
      `  publisher: ${q(pick(['The Star', 'Bernama', 'Malay Mail', 'The Sun', 'Xinhua', 'New Straits Times']))}`,
      `  published: { value: "${year}-${pad(month)}-${pad(day)}", precision: day }`,
      `  url: https://example.org/news/${id}`,
      `  kind: ${pick(['news-report', 'wire', 'government-release', 'trade-press'])}`,
      `  language: en`,
    );
  }
  files.set('sources.yaml', `${sourceLines.join('\n')}\n`);

  // Actors: organisations and people on each side; people belong to an organisation.
  const myOrgs: string[] = [];
  const cnOrgs: string[] = [];
  const myPeople: string[] = [];
  const cnPeople: string[] = [];
  const actorLines: string[] = ['# Generated by scripts/bench/generate.ts'];
  for (const [side, orgs, people, country] of [
    ['my', myOrgs, myPeople, 'MY'],
    ['cn', cnOrgs, cnPeople, 'CN'],
  ] as const) {
    for (let i = 0; i < orgsPerSide; i += 1) {
      const id = `${side}-body-${i + 1}`;
      orgs.push(id);
      actorLines.push(
        `- id: ${id}`,
        `  name: ${q(`${country === 'MY' ? 'Malaysian' : 'Chinese'} ${pick(['Ministry', 'Agency', 'Authority', 'Council', 'Corporation', 'University'])} number ${i + 1}`)}`,
        `  abbreviation: ${q(`${side.toUpperCase()}B${i + 1}`)}`,
        `  country: ${country}`,
        `  kind: ${pick(['ministry', 'agency', 'company', 'university', 'body'])}`,
        `  aliases: [${q(`${side} body ${i + 1}`)}]`,
        `  description: ${q(text(12))}`,
        `  sources:`,
        `    - source: ${pick(sources)}`,
        `      supports: ${q('Its part in the documents')}`,
      );
    }
    for (let i = 0; i < peoplePerSide; i += 1) {
      const id = `${side}-person-${i + 1}`;
      people.push(id);
      actorLines.push(
        `- id: ${id}`,
        `  name: ${q(`${pick(SYLLABLES)}${pick(SYLLABLES)} ${pick(SYLLABLES)}${pick(SYLLABLES)} ${i + 1}`)}`,
        `  country: ${country}`,
        `  kind: person`,
        `  role: ${q(pick(['Minister', 'Deputy Minister', 'Director-General', 'Chairman', 'Ambassador']))}`,
        `  memberOf: ${pick(orgs)}`,
        `  sources:`,
        `    - source: ${pick(sources)}`,
        `      supports: ${q('Name and office')}`,
      );
    }
  }
  files.set('actors.yaml', `${actorLines.join('\n')}\n`);

  // Figures: a handful, citing the first source.
  const figureLines: string[] = ['# Generated by scripts/bench/generate.ts'];
  for (let i = 0; i < 6; i += 1) {
    figureLines.push(
      `- id: figure-${i + 1}`,
      `  label: ${q(`Bilateral trade indicator ${i + 1}`)}`,
      `  value: ${int(10, 500)}.${int(0, 99)}`,
      `  unit: RM billion`,
      `  year: ${lastYear - i}`,
      `  confidence: { level: confirmed }`,
      `  sources:`,
      `    - source: ${sources[0]}`,
    );
  }
  files.set('figures.yaml', `${figureLines.join('\n')}\n`);
  files.set('redirects.yaml', '[]\n');

  // Themes.
  const themes: string[] = [];
  const themeTitles = new Map<string, string>();
  for (let i = 0; i < themeCount; i += 1) {
    const words = THEME_WORDS[i % THEME_WORDS.length] as string;
    const title = i < THEME_WORDS.length ? words : `${words} ${Math.floor(i / THEME_WORDS.length) + 1}`;
    const id = title.replace(/[^a-z0-9]+/g, '-');
    themes.push(id);
    themeTitles.set(id, `${title.charAt(0).toUpperCase()}${title.slice(1)}`);
    files.set(
      `themes/${id}.mdx`,
      [
        '---',
        `title: ${q(`${title.charAt(0).toUpperCase()}${title.slice(1)}`)}`,
        `summary: ${q(text(18))}`,
        `order: ${i + 1}`,
        `aliases: [${q(title)}]`,
        'sources:',
        `  - source: ${pick(sources)}`,
        `    supports: ${q('background')}`,
        '---',
        '',
        '## What it is',
        '',
        text(int(80, 160)),
        '',
        '## Why it matters for Malaysia',
        '',
        text(int(60, 120)),
        '',
      ].join('\n'),
    );
  }

  // Events: spans of one to four days, spread over the years.
  interface EventInfo {
    id: string;
    year: number;
    month: number;
    day: number;
    length: number;
  }
  const events: EventInfo[] = [];
  for (let i = 0; i < eventCount; i += 1) {
    const year = firstYear + (i % (lastYear - firstYear + 1));
    const month = int(1, 12);
    const day = int(1, daysIn(year, month));
    const length = int(0, 3);
    const id = `event-${year}-${i + 1}`;
    events.push({ id, year, month, day, length });
    const start = `${year}-${pad(month)}-${pad(day)}`;
    const end = addDays(year, month, day, length);
    files.set(
      `events/${id}.mdx`,
      [
        '---',
        `title: ${q(`${pick(['Official visit', 'State visit', 'Trade expo', 'High-level dialogue', 'Ministerial meeting'])} ${i + 1}, ${year}`)}`,
        `kind: ${pick(EVENT_KINDS)}`,
        `start: { value: "${start}", precision: day }`,
        ...(length > 0 ? [`end: { value: "${end}", precision: day }`] : []),
        `place: ${q(pick(PLACES))}`,
        `documentsReported: { count: ${int(2, 30)} }`,
        `summary: ${q(text(25))}`,
        'sources:',
        `  - source: ${pick(sources)}`,
        `    supports: ${q('dates and place')}`,
        '---',
        '',
        '## What happened',
        '',
        text(int(60, 140)),
        '',
      ].join('\n'),
    );
  }

  // Agreements.
  const ids: string[] = [];
  for (let i = 0; i < size; i += 1) ids.push(`agreement-${pad(i + 1, 5)}`);
  const rareIndex = Math.floor(size / 2);
  const rareWord = RARE_WORD;
  const commonWord = 'cooperation';
  const themeCounts = new Map<string, number>();
  const yearCounts = new Map<number, number>();
  for (let i = 0; i < size; i += 1) {
    const id = ids[i] as string;
    const themeIds = pickSome(themes, 1, 3);
    for (const t of themeIds) themeCounts.set(t, (themeCounts.get(t) ?? 0) + 1);
    const withEvent = random() < 0.75;
    let date: string;
    let precision: 'day' | 'month' | 'year';
    let eventId: string | undefined;
    if (withEvent) {
      const e = pick(events);
      eventId = e.id;
      date = addDays(e.year, e.month, e.day, int(0, e.length));
      precision = 'day';
    } else {
      const year = int(firstYear, lastYear);
      const month = int(1, 12);
      const roll = random();
      precision = roll < 0.7 ? 'day' : roll < 0.9 ? 'month' : 'year';
      date =
        precision === 'day'
          ? `${year}-${pad(month)}-${pad(int(1, daysIn(year, month)))}`
          : precision === 'month'
            ? `${year}-${pad(month)}`
            : String(year);
    }
    const year = Number(date.slice(0, 4));
    yearCounts.set(year, (yearCounts.get(year) ?? 0) + 1);
    const type = pick(TYPES);
    const topic = THEME_WORDS[themes.indexOf(themeIds[0] as string) % THEME_WORDS.length] as string;
    const cited = [sources[i % sourceCount] as string, ...pickSome(sources, 0, 3)].filter(
      (s, k, all) => all.indexOf(s) === k,
    );
    const related = size > 1 ? pickSome(ids, 0, 3).filter((r) => r !== id) : [];
    const level = pick(LEVELS);
    const body: string[] = [];
    const words = int(300, 800);
    const sections = ['What it covers', 'Background', 'What the sources say', 'What is not yet known'];
    const perSection = Math.floor(words / sections.length);
    for (const [k, heading] of sections.entries()) {
      body.push(`## ${heading}`, '');
      let paragraph = text(perSection);
      if (k === 0) paragraph = `This ${commonWord} document concerns ${topic}. ${paragraph}`;
      if (k === 0 && i === rareIndex) paragraph = `${paragraph} It is known locally as the ${rareWord} arrangement.`;
      body.push(paragraph, '');
    }
    files.set(
      `agreements/${id}.mdx`,
      [
        '---',
        `title: ${q(`Memorandum ${i + 1} on ${topic} between Malaysia and China`)}`,
        `shortTitle: ${q(`${topic.charAt(0).toUpperCase()}${topic.slice(1)} document ${i + 1}`)}`,
        `type: ${type}`,
        `date: { value: "${date}", precision: ${precision} }`,
        ...(eventId ? [`event: ${eventId}`] : []),
        `malaysianParties: [${pickSome(myOrgs, 1, 2).join(', ')}]`,
        `chineseParties: [${random() < 0.15 ? '' : pickSome(cnOrgs, 1, 2).join(', ')}]`,
        `signatories: [${[...pickSome(myPeople, 0, 1), ...pickSome(cnPeople, 0, 1)].join(', ')}]`,
        `themes: [${themeIds.join(', ')}]`,
        `status: { value: ${pick(STATUSES)}, checked: "2026-11-23", note: ${q(text(10))} }`,
        `summary: ${q(text(int(40, 70)))}`,
        `confidence: { level: ${level}${level === 'confirmed' ? '' : `, note: ${q(text(12))}`} }`,
        'unknowns:',
        ...Array.from({ length: int(1, 3) }, () => `  - ${q(text(10))}`),
        'sources:',
        ...cited.flatMap((s) => [`  - source: ${s}`, `    supports: ${q(text(6))}`]),
        `related: [${related.join(', ')}]`,
        `aliases: [${q(`${topic} MoU ${i + 1}`)}, ${q(`${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(SYLLABLES)}`)}]`,
        `lastReviewed: "2026-11-23"`,
        `added: "2026-11-23"`,
        '---',
        '',
        ...body,
      ].join('\n'),
    );
  }

  const themeId = [...themeCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? (themes[0] as string);
  const year = [...yearCounts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? lastYear;
  return {
    files,
    commonWord,
    rareWord,
    themeId,
    themeTitle: themeTitles.get(themeId) ?? themeId,
    year,
    agreementId: ids[rareIndex] as string,
    counts: {
      agreements: size,
      themes: themes.length,
      events: events.length,
      actors: myOrgs.length + cnOrgs.length + myPeople.length + cnPeople.length,
      sources: sources.length,
    },
  };
}
