/**
 * Hostile content renders as text. The fixture in tests/fixtures/injection puts an injection payload in
 * every string a reader sees (titles, summaries, aliases, names, places, sources, citations, figures)
 * and escaped or code-spanned markup in the bodies. Each payload sets `window.__pwned` if it ever runs.
 * Every page of the build is opened in Chromium: nothing may run, no element may be injected, and each
 * payload must read back, character for character, where its field is shown. Search results likewise.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { t } from '../../src/i18n/ui';
import { COLOR_SCHEME_INIT } from '../../src/components/layout/color-scheme-init';
import { launchBrowser } from '../../scripts/lib/chromium';
import { watchedPage, type PageProblems } from '../support/browser';
import { projectRoot } from '../../scripts/lib/project-root';
import { htmlPages } from '../support/dist';
import { copyProject, runAstro } from '../../scripts/lib/project-copy';
import { serveSite, type SiteServer } from '../../scripts/lib/server';

const fixture = join(projectRoot, 'tests/fixtures/injection/content');

/** Payloads held as plain strings in frontmatter and data files, each in the field named beside it. */
const FIELD = {
  /** agreements/ai-mou.mdx title */
  imgOnerror: '<img src=x onerror="window.__pwned=1;alert(1)">',
  /** agreements/ai-mou.mdx shortTitle */
  svgBreakout: '"><svg onload="window.__pwned=2;alert(2)">',
  /** agreements/ai-mou.mdx summary */
  script: '<script>window.__pwned=3;alert(3)</script>',
  /** agreements/ai-mou.mdx aliases[0] */
  javascriptUrl: 'javascript:window.__pwned=4;alert(4)',
  /** events/state-visit.mdx title */
  iframeJs: `'"><iframe src="javascript:window.__pwned=5;alert(5)">`,
  /** events/state-visit.mdx place */
  anchorJs: '<a href="javascript:window.__pwned=6;alert(6)">click me</a>',
  /** events/state-visit.mdx summary */
  templateBraces: "{{constructor.constructor('window.__pwned=7;alert(7)')()}}",
  /** themes/ai.mdx summary */
  templateLiteral: '${window.__pwned=8,alert(8)}',
  /** themes/ai.mdx title */
  titleBreakout: '</title><script>window.__pwned=9;alert(9)</script>',
  /** actors.yaml digital-ministry name */
  styleImg: '<style>body{display:none}</style><img src=x onerror="window.__pwned=10">',
  /** actors.yaml ndrc description */
  mathMxss: '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=11;alert(11)">',
  /** actors.yaml digital-ministry description */
  attributeBreakout: '" autofocus onfocus="window.__pwned=12;alert(12)" x="',
  /** sources.yaml fixture-report title */
  entities: '&lt;img src=x onerror=window.__pwned=13&gt;',
  /** sources.yaml fixture-report publisher */
  commentBreakout: '<!--<img src="--><img src=x onerror="window.__pwned=14;alert(14)">',
  /** figures.yaml fixture-figure label */
  detailsToggle: '<details open ontoggle="window.__pwned=15;alert(15)">',
  /** agreements/ai-mou.mdx sources[0].quote */
  noscriptMxss: '<noscript><p title="</noscript><img src=x onerror=window.__pwned=16>">',
  /** agreements/ai-mou.mdx sources[0].supports */
  svgAnimate: '<svg><animate onbegin="window.__pwned=17;alert(17)" attributeName=x dur=1s>',
  /** actors.yaml fixture-signatory role */
  inputAutofocus: '<input autofocus onfocus="window.__pwned=18;alert(18)">',
  /** themes/ai.mdx aliases[0] */
  cdata: ']]><script>window.__pwned=19;alert(19)</script><![CDATA[',
  /** actors.yaml ndrc abbreviation */
  mouseover: '<b onmouseover="window.__pwned=20;alert(20)">NDRC</b>',
  /** agreements/ai-mou.mdx unknowns[0] */
  baseHref: '<base href="javascript:window.__pwned=21//">',
  /** agreements/ai-mou.mdx status.note */
  metaRefresh: '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=22">',
  /** agreements/ai-mou.mdx confidence.note */
  objectData: '<object data="javascript:window.__pwned=23;alert(23)"></object>',
  /** sources.yaml fixture-report note */
  formAction: '<form action="javascript:window.__pwned=24;alert(24)"><button>go</button></form>',
  /** events/state-visit.mdx documentsReported.note */
  marquee: '<marquee onstart="window.__pwned=25;alert(25)">',
  /** actors.yaml digital-ministry aliases[0] */
  videoSource: '<video><source onerror="window.__pwned=26;alert(26)">',
  /** figures.yaml fixture-figure unit */
  svgSlash: '<svg/onload=window.__pwned=27;alert(27)>',
  /** agreements/ai-mou.mdx sources[0].locator */
  iframeSrcdoc: '<iframe srcdoc="<script>window.__pwned=28</script>">',
} as const;

/** Payloads in entry bodies, as the reader must see them (the Markdown escapes them or holds them in code). */
const BODY = {
  /** agreement body, inline code span */
  codeSpan: '<img src=x onerror="window.__pwned=101;alert(101)">',
  /** agreement body, backslash-escaped < and > */
  escaped: '<svg onload=window.__pwned=102>',
  /** agreement body, text of a link */
  linkText: '<img src=x onerror=window.__pwned=103>',
  /** agreement body, title of a link (an attribute) */
  linkTitle: '"><img src=x onerror=window.__pwned=104>',
  /** agreement body, a javascript: link shown as code (the build refuses it as a live link) */
  linkUrl: 'javascript:window.__pwned=105;alert(105)',
  /** agreement body, escaped braces */
  braces: '{{7*7}} and ${window.__pwned=106}',
  /** agreement body, fenced code block */
  fence: '<script>window.__pwned=107;alert(107)</script>',
  /** event body, escaped markup */
  eventEscaped: '<iframe src=javascript:window.__pwned=108>',
  /** theme body, inline code span */
  themeCode: '<script>window.__pwned=109;alert(109)</script>',
} as const;

const PAYLOAD_COUNT = Object.keys(FIELD).length + Object.keys(BODY).length;
const SITE = t('site.title');
const ALSO = t('actor.aliases');

/** Where a payload must read back: the page, an element, and its text (or an attribute) in full or in part. */
interface Sighting {
  page: string;
  selector: string;
  expected: string;
  /** Compare the whole text (default) or only require it to contain `expected`. */
  match?: 'exact' | 'contains';
  /** Read this attribute instead of the text. */
  attr?: string;
}

const F = FIELD;
const SIGHTINGS: Sighting[] = [
  // The agreement's own page shows nearly every field.
  { page: '/agreements/ai-mou/', selector: 'h1', expected: F.imgOnerror },
  { page: '/agreements/ai-mou/', selector: 'title', expected: `${F.svgBreakout} · ${SITE}` },
  { page: '/agreements/ai-mou/', selector: 'meta[name="description"]', attr: 'content', expected: F.script },
  { page: '/agreements/ai-mou/', selector: '.lead', expected: F.script },
  { page: '/agreements/ai-mou/', selector: '.aliases', expected: `${ALSO}: ${F.javascriptUrl}` },
  { page: '/agreements/ai-mou/', selector: '.facts a[href="/events/state-visit/"]', expected: F.iframeJs },
  { page: '/agreements/ai-mou/', selector: '.facts a[href="/actors/digital-ministry/"]', expected: F.styleImg },
  // The key facts name a party in full, as its own page heads it.
  {
    page: '/agreements/ai-mou/',
    selector: '.facts a[href="/actors/ndrc/"]',
    expected: `National Development and Reform Commission (${F.mouseover})`,
  },
  { page: '/agreements/ai-mou/', selector: '.facts a[href="/themes/ai/"]', expected: F.titleBreakout },
  { page: '/agreements/ai-mou/', selector: '.facts', match: 'contains', expected: F.inputAutofocus },
  { page: '/agreements/ai-mou/', selector: '.facts', match: 'contains', expected: F.metaRefresh },
  { page: '/agreements/ai-mou/', selector: '.confidence', match: 'contains', expected: F.objectData },
  { page: '/agreements/ai-mou/', selector: 'article > ul > li', expected: F.baseHref },
  { page: '/agreements/ai-mou/', selector: '.citations cite', expected: F.entities },
  { page: '/agreements/ai-mou/', selector: '.citations li', match: 'contains', expected: F.commentBreakout },
  {
    page: '/agreements/ai-mou/',
    selector: '.citation__supports',
    expected: `${t('agreement.supports')} ${F.svgAnimate} (${F.iframeSrcdoc})`,
  },
  { page: '/agreements/ai-mou/', selector: '.citation__quote', expected: `“${F.noscriptMxss}”` },
  // Its body.
  { page: '/agreements/ai-mou/', selector: '.prose p > code', expected: BODY.codeSpan },
  { page: '/agreements/ai-mou/', selector: '.prose p', expected: `Escaped markup: ${BODY.escaped}` },
  { page: '/agreements/ai-mou/', selector: '.prose a', expected: BODY.linkText },
  { page: '/agreements/ai-mou/', selector: '.prose a', attr: 'title', expected: BODY.linkTitle },
  { page: '/agreements/ai-mou/', selector: '.prose p', expected: `Braces: ${BODY.braces}` },
  { page: '/agreements/ai-mou/', selector: '.prose pre code', expected: `${BODY.fence}\n` },
  // The event.
  { page: '/events/state-visit/', selector: 'h1', expected: F.iframeJs },
  { page: '/events/state-visit/', selector: 'title', expected: `${F.iframeJs} · ${SITE}` },
  { page: '/events/state-visit/', selector: 'meta[name="description"]', attr: 'content', expected: F.templateBraces },
  { page: '/events/state-visit/', selector: '.lead', expected: F.templateBraces },
  { page: '/events/state-visit/', selector: '.facts dd', expected: F.anchorJs },
  { page: '/events/state-visit/', selector: '.facts', match: 'contains', expected: F.marquee },
  { page: '/events/state-visit/', selector: '.prose', match: 'contains', expected: BODY.eventEscaped },
  { page: '/events/state-visit/', selector: '.entry__title a', expected: F.imgOnerror },
  { page: '/events/', selector: '.card h2 a', expected: F.iframeJs },
  { page: '/events/', selector: '.card p', expected: F.templateBraces },
  // The theme.
  { page: '/themes/ai/', selector: 'h1', expected: F.titleBreakout },
  { page: '/themes/ai/', selector: 'title', expected: `${F.titleBreakout} · ${SITE}` },
  { page: '/themes/ai/', selector: '.lead', expected: F.templateLiteral },
  { page: '/themes/ai/', selector: '.aliases', expected: `${ALSO}: ${F.cdata}` },
  { page: '/themes/ai/', selector: '.prose code', expected: BODY.themeCode },
  { page: '/themes/ai/', selector: '.entry__title a', expected: F.imgOnerror },
  { page: '/themes/', selector: '.card h2 a', expected: F.titleBreakout },
  { page: '/themes/', selector: '.card p', expected: F.templateLiteral },
  // The actors.
  { page: '/actors/digital-ministry/', selector: 'h1', expected: F.styleImg },
  { page: '/actors/digital-ministry/', selector: 'title', expected: `${F.styleImg} · ${SITE}` },
  {
    page: '/actors/digital-ministry/',
    selector: 'meta[name="description"]',
    attr: 'content',
    expected: F.attributeBreakout,
  },
  { page: '/actors/digital-ministry/', selector: '.lead', expected: F.attributeBreakout },
  { page: '/actors/digital-ministry/', selector: '.aliases', expected: `${ALSO}: ${F.videoSource}` },
  { page: '/actors/digital-ministry/', selector: 'main li', match: 'contains', expected: F.inputAutofocus },
  { page: '/actors/ndrc/', selector: 'h1', expected: `National Development and Reform Commission (${F.mouseover})` },
  { page: '/actors/ndrc/', selector: '.lead', expected: F.mathMxss },
  { page: '/actors/ndrc/', selector: 'meta[name="description"]', attr: 'content', expected: F.mathMxss },
  { page: '/actors/fixture-signatory/', selector: '.facts a', expected: F.styleImg },
  { page: '/actors/fixture-signatory/', selector: '.facts dd', expected: F.inputAutofocus },
  {
    page: '/actors/fixture-signatory/',
    selector: '.citations li',
    match: 'contains',
    expected: `${t('agreement.supports')} ${F.svgAnimate}`,
  },
  { page: '/actors/', selector: '.actor-list a', expected: F.styleImg },
  { page: '/actors/', selector: '.actor-list li', match: 'contains', expected: `(${F.mouseover})` },
  // The timeline, sources and figures.
  { page: '/', selector: '.timeline__event h3 a', expected: F.iframeJs },
  { page: '/', selector: '.entry__title a', expected: F.imgOnerror },
  { page: '/', selector: '.parties a', expected: F.styleImg },
  { page: '/', selector: '.parties a', expected: F.mouseover },
  { page: '/', selector: '.tags a', expected: F.titleBreakout },
  { page: '/sources/', selector: '.bibliography cite', expected: F.entities },
  { page: '/sources/', selector: '.bibliography p', match: 'contains', expected: `${F.commentBreakout}. ` },
  { page: '/sources/', selector: '.bibliography p', expected: F.formAction },
  { page: '/sources/', selector: '.cited-by a', expected: F.svgBreakout },
  { page: '/figures/', selector: 'tbody th', expected: F.detailsToggle },
  { page: '/figures/', selector: 'tbody td', match: 'contains', expected: F.svgSlash },
];

/** Elements that only an injected payload could have put on a page of this site. */
const FOREIGN = [
  'iframe',
  'object',
  'embed',
  'svg:not(.chart)',
  'math',
  'base',
  'marquee',
  'video',
  // The site's one disclosure folds the citation formats for reference managers.
  'details:not(.cite-this__more)',
  'noscript *',
  'meta[http-equiv="refresh"]',
  'img[src="x"]',
  'input[autofocus]',
  'style',
  'form[action^="javascript:" i]',
  // JSON-LD data blocks belong in the head, and only there; any other script not from the bundle is foreign.
  'body script:not([src^="/_astro/"])',
  'head script:not([src^="/_astro/"]):not([type="application/ld+json"])',
].join(', ');

/** What went wrong on one page, beyond the recorders of `watchedPage`. */
interface PageScan {
  pwned: unknown;
  foreign: string[];
  handlers: string[];
  scriptLinks: string[];
  bodyHidden: boolean;
  /** JSON-LD blocks that do not parse: a payload broke out of its string. */
  brokenJsonLd: string[];
}

/** Reads, inside the page, everything that would show a payload had escaped its text. */
function scan(page: Page): Promise<PageScan> {
  return page.evaluate(
    ({ foreign, ownInline }) => {
      const all = [...document.querySelectorAll('*')];
      return {
        pwned: (window as unknown as { __pwned?: unknown }).__pwned,
        // The site's one inline script (the colour-scheme switch, allowed by its CSP hash) is not foreign.
        foreign: [...document.querySelectorAll(foreign)]
          .filter((el) => !(el.localName === 'script' && el.textContent === ownInline))
          .map((el) => el.outerHTML.slice(0, 120)),
        handlers: all.flatMap((el) =>
          el
            .getAttributeNames()
            .filter((name) => name.toLowerCase().startsWith('on'))
            .map((name) => `<${el.localName} ${name}>`),
        ),
        scriptLinks: [...document.querySelectorAll('a[href], area[href]')]
          .filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? ''))
          .map((a) => a.outerHTML.slice(0, 120)),
        bodyHidden: getComputedStyle(document.body).display === 'none',
        brokenJsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')]
          .filter((el) => {
            try {
              JSON.parse(el.textContent ?? '');
              return false;
            } catch {
              return true;
            }
          })
          .map((el) => (el.textContent ?? '').slice(0, 120)),
      };
    },
    { foreign: FOREIGN, ownInline: COLOR_SCHEME_INIT },
  );
}

/** The texts (or attribute values) of every element matching `selector`. */
function readAll(page: Page, selector: string, attr?: string): Promise<(string | null)[]> {
  return page.$$eval(
    selector,
    (els, name) =>
      els.map((el) => {
        if (name) return el.getAttribute(name);
        // The text as read out: without what is drawn only (the arrow between parties) or its word joiner.
        const copy = el.cloneNode(true) as Element;
        for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
        return (copy.textContent ?? '').replaceAll('\u2060', '');
      }),
    attr ?? null,
  );
}

/** A page opened in Chromium, recording (and dismissing) dialogs and any response that is not a success. */
async function open(
  path: string,
): Promise<{ page: Page; problems: PageProblems; dialogs: string[]; failed: string[] }> {
  const { page, problems } = await watchedPage(browser);
  const dialogs: string[] = [];
  const failed: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(new URL(path.replace(/^\//, ''), server.root).href, { waitUntil: 'load' });
  return { page, problems, dialogs, failed };
}

/** Checks that nothing from the content ran or was injected on an opened page, then closes it. */
async function expectNothingRun({ page, problems, dialogs }: Awaited<ReturnType<typeof open>>): Promise<void> {
  const found = await scan(page);
  expect(found.foreign).toEqual([]);
  expect(found.handlers).toEqual([]);
  expect(found.pwned).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
  expect(problems.cspViolations).toEqual([]);
  await page.context().close();
}

/** Everything wrong with one page: what ran, what was injected, what was refused or failed to load. */
async function troubleOn(path: string): Promise<string[]> {
  const { page, problems, dialogs, failed } = await open(path);
  try {
    const found = await scan(page);
    const trouble = {
      ...(dialogs.length > 0 && { dialogs }),
      ...(found.pwned !== undefined && { pwned: found.pwned }),
      ...(problems.consoleErrors.length > 0 && { consoleErrors: problems.consoleErrors }),
      ...(problems.cspViolations.length > 0 && { cspViolations: problems.cspViolations }),
      ...(found.foreign.length > 0 && { injectedElements: found.foreign }),
      ...(found.handlers.length > 0 && { eventHandlers: found.handlers }),
      ...(found.scriptLinks.length > 0 && { javascriptLinks: found.scriptLinks }),
      ...(found.bodyHidden && { bodyHidden: true }),
      ...(found.brokenJsonLd.length > 0 && { brokenJsonLd: found.brokenJsonLd }),
      ...(failed.length > 0 && { failedRequests: failed }),
      ...([...problems.requestOrigins].some((o) => o !== server.origin) && {
        origins: [...problems.requestOrigins],
      }),
    };
    const failures = Object.keys(trouble).length > 0 ? [`${path}: ${JSON.stringify(trouble)}`] : [];
    for (const s of SIGHTINGS.filter((x) => x.page === path)) {
      const values = await readAll(page, s.selector, s.attr);
      const ok = values.some((v) => (s.match === 'contains' ? v?.includes(s.expected) : v === s.expected));
      if (!ok) {
        const where = `${path} ${s.selector}${s.attr ? `[${s.attr}]` : ''}`;
        failures.push(
          `${where}: expected ${s.match ?? 'exact'} ${JSON.stringify(s.expected)}, got ${JSON.stringify(values)}`,
        );
      }
    }
    return failures;
  } finally {
    await page.context().close();
  }
}

/** Every string leaf of a parsed YAML value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Every string in the fixture's frontmatter and data files. */
function fixtureStrings(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return fixtureStrings(path);
    const text = readFileSync(path, 'utf8');
    const yaml = name.endsWith('.mdx') ? (text.split(/^---$/m)[1] ?? '') : text;
    return strings(parseYaml(yaml));
  });
}

let dist: string;
let pages: string[];
let server: SiteServer;
let browser: Browser;

beforeAll(async () => {
  const dir = copyProject('injection', fixture);
  const result = await runAstro(dir, ['build']);
  expect(result.code, `Build of the injection fixture failed:\n${result.output}`).toBe(0);
  dist = join(dir, 'dist');
  pages = htmlPages(dist);
  server = await serveSite(dist);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe(`hostile content: ${PAYLOAD_COUNT} injection payloads`, () => {
  it(`puts all ${Object.keys(FIELD).length} field payloads in the fixture, each where a page shows it`, () => {
    const held = new Set(fixtureStrings(fixture));
    expect(Object.entries(FIELD).filter(([, payload]) => !held.has(payload))).toEqual([]);
    const body = readFileSync(join(fixture, 'agreements/ai-mou.mdx'), 'utf8');
    expect(body).toContain(`[details](${BODY.linkUrl})`);
    // Every payload is looked for on some page, except the link destination, checked as code below.
    const shown = SIGHTINGS.map((s) => s.expected);
    const unseen = Object.entries({ ...FIELD, ...BODY }).filter(
      ([name, payload]) => name !== 'linkUrl' && !shown.some((text) => text.includes(payload)),
    );
    expect(unseen).toEqual([]);
  });

  it(`renders ${PAYLOAD_COUNT} payloads as text on every page, with nothing run or injected`, async () => {
    expect(pages.length).toBeGreaterThan(10);
    expect(pages).toEqual(expect.arrayContaining([...new Set(SIGHTINGS.map((s) => s.page))]));
    const failures: string[] = [];
    // Four pages at a time: each in its own browser context, so nothing carries over between them.
    for (let i = 0; i < pages.length; i += 4) {
      const batch = await Promise.all(pages.slice(i, i + 4).map((path) => troubleOn(path)));
      failures.push(...batch.flat());
    }
    expect(failures, `${failures.length} problems on ${pages.length} pages`).toEqual([]);
  });

  it('shows a body’s javascript: link as code text, never as a link', async () => {
    const { page } = await open('/agreements/ai-mou/');
    const codes = await readAll(page, '.prose code');
    expect(codes).toContain(`[details](${BODY.linkUrl})`);
    expect(await page.locator('.prose a', { hasText: /^details$/ }).count()).toBe(0);
    await page.context().close();
  });

  it('shows payloads as text in search results, with nothing run or injected', async () => {
    const opened = await open(`/search/?q=${encodeURIComponent('onerror')}`);
    const { page } = opened;
    await page.locator('.search-result').first().waitFor();
    const results = page.locator('.search-result');
    const titles = await readAll(page, '.search-result h2 a');
    expect(titles).toEqual(expect.arrayContaining([F.imgOnerror, F.styleImg]));
    const excerpts = (await readAll(page, '.search-result p:not(.entry__meta)')).join('\n');
    expect(excerpts).toContain('<img src=x onerror="window.__pwned=');
    // Only the result's own elements: its title, excerpt and marks, its meta line's label, date and badge,
    // and the names of the search terms it was found by.
    const tags = await results.evaluateAll((items) =>
      items.flatMap((item) =>
        [...item.querySelectorAll('*')].map((el) =>
          el.parentElement?.closest('.entry__meta') ? `meta ${el.localName}` : el.localName,
        ),
      ),
    );
    const own = ['h2', 'a', 'p', 'mark', 'span', 'meta span', 'meta time', 'meta a'];
    expect(tags.filter((tag) => !own.includes(tag))).toEqual([]);
    expect(await page.locator('.search-result mark').count()).toBeGreaterThan(0);
    await expectNothingRun(opened);
  });

  it('shows a payload in a search term that alone found a result as text, with nothing run', async () => {
    // "video" is only in the payload a body's other name holds, so the result shows that name.
    const opened = await open('/search/?q=video');
    const { page } = opened;
    await page.locator('.search-result').first().waitFor();
    // Each result (the body, and the documents it is a party to) says so, with the payload as text.
    const lines = await readAll(page, '.search-result__terms');
    expect(lines).toHaveLength(await page.locator('.search-result').count());
    for (const line of lines) expect(line).toBe(`Found by the search term: ${F.videoSource}`);
    const marks = await page.locator('.search-result__terms mark').allTextContents();
    expect(marks).toEqual(lines.map(() => 'video><source'));
    await expectNothingRun(opened);
  });

  it('shows a payload typed as the query as text in the search status', async () => {
    const query = F.imgOnerror;
    const opened = await open(`/search/?q=${encodeURIComponent(query)}`);
    const { page } = opened;
    await expect.poll(() => page.getByRole('status').textContent()).toContain(`“${query}”`);
    expect(await page.locator('#page-search').inputValue()).toBe(query);
    await expectNothingRun(opened);
  });
});
