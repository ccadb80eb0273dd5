/**
 * Incremental builds never serve a stale page: a second build keeps an agreement, actor or event page
 * and a card of the first only while nothing they show has changed. Each edit below changes one thing
 * the page reads from another entry (src/lib/page-keys.ts) and must bring the new text onto the page.
 * The output folder is kept between builds (src/integrations/output-dir.ts): what the build no longer
 * makes must leave it, and after a failed build it starts empty.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleResults } from '../../src/integrations/pagefind';
import { projectRoot } from '../../scripts/lib/project-root';
import { copyProject, runAstro } from '../../scripts/lib/project-copy';

const fixture = join(projectRoot, 'tests/fixtures/minimal/content');
const PAGE = '/agreements/ai-mou/index.html';
const CARD = '/og/agreements/ai-mou.png';
const ACTOR = '/actors/ndrc/index.html';
const EVENT = '/events/state-visit/index.html';

let dir = '';

/**
 * Builds the copy and says, for each output, whether the build made it again or reused the last build's:
 * for a page, whether Astro kept it in the output folder ("cached" in its log) or copied it back from its
 * cache ("restored"); for the card, which the og-cards integration writes, whether its file was left as it was.
 */
async function build(): Promise<{
  page: string;
  card: Buffer;
  pageReused: boolean;
  cardReused: boolean;
  /** Everything the build printed. */
  output: string;
  /** Whether an actor or event page was reused, and its text. */
  other: (path: string) => { reused: boolean; text: string };
}> {
  const cardFile = join(dir, 'dist', CARD);
  const cardBefore = existsSync(cardFile) ? statSync(cardFile) : undefined;
  const result = await runAstro(dir, ['build']);
  if (result.code !== 0) throw new Error(result.output);
  const cardAfter = statSync(cardFile);
  const reused = (path: string) => {
    const line = result.output.split('\n').find((l) => l.includes(`─ ${path} `));
    if (!line) throw new Error(`The build log does not list ${path}:\n${result.output}`);
    return /\((restored|cached)\)/.test(line);
  };
  return {
    page: readFileSync(join(dir, 'dist', PAGE), 'utf8'),
    card: readFileSync(join(dir, 'dist', CARD)),
    pageReused: reused(PAGE),
    cardReused: cardBefore?.ino === cardAfter.ino && cardBefore.mtimeMs === cardAfter.mtimeMs,
    output: result.output,
    other: (path) => ({ reused: reused(path), text: readFileSync(join(dir, 'dist', path), 'utf8') }),
  };
}

/** Replaces text in a content file of the copy, failing if the text is not there. */
function edit(file: string, from: string, to: string) {
  const path = join(dir, 'content', file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no "${from}"`);
  writeFileSync(path, text.replace(from, to));
}

describe('an incremental build', () => {
  let first: Awaited<ReturnType<typeof build>>;

  beforeAll(async () => {
    dir = copyProject('incremental', fixture);
    first = await build();
  });

  it('reads the content data from its file rather than from the bundle (src/integrations/content-store.ts)', () => {
    expect(first.output).toMatch(
      /\[tracker:content-store\] Content data \([\d.]+ MB\) read from its file, not bundled/,
    );
    expect(first.page).toContain('A fixture body.');
  });

  it('keeps an unchanged agreement page and card, identical to the last build, where they are', async () => {
    expect(first.pageReused).toBe(false);
    expect(first.output).toContain('Emptied the output folder (no finished build to keep pages from)');
    const file = statSync(join(dir, 'dist', PAGE));
    const again = await build();
    expect(again.pageReused).toBe(true);
    expect(again.cardReused).toBe(true);
    expect(again.page).toBe(first.page);
    expect(again.card.equals(first.card)).toBe(true);
    for (const path of [ACTOR, EVENT]) {
      expect(again.other(path)).toEqual({ reused: true, text: first.other(path).text });
    }
    // Left in place: the same file, not a copy written again.
    const kept = statSync(join(dir, 'dist', PAGE));
    expect([kept.ino, kept.mtimeMs]).toEqual([file.ino, file.mtimeMs]);
  });

  it('writes the search index over the last one, keeping every file of it when nothing changed', async () => {
    const bundle = join(dir, 'dist', 'pagefind');
    const hashed = () =>
      readdirSync(bundle, { recursive: true })
        .map(String)
        .filter((f) => /\.pf_(fragment|index|filter|meta)$/.test(f))
        .sort();
    const stamps = () => hashed().map((f) => statSync(join(bundle, f)).mtimeMs);
    const files = hashed();
    const before = stamps();
    const again = await build();
    expect(again.output).toContain(`Kept ${files.length} index files of the last build; removed 0 it no longer uses`);
    expect(hashed()).toEqual(files);
    expect(stamps()).toEqual(before);
  });

  it.each([
    ['its own body', 'agreements/ai-mou.mdx', 'A fixture body.', 'A body edited between builds.'],
    ['a party’s name', 'actors.yaml', 'name: Ministry of Digital', 'name: Ministry of Digital Affairs'],
    ['a theme’s title', 'themes/ai.mdx', 'title: Artificial intelligence', 'title: Machine intelligence'],
    ['its event’s title', 'events/state-visit.mdx', 'title: A state visit', 'title: An official state visit'],
    ['a source’s title', 'sources.yaml', 'title: A fixture report', 'title: A fixture report, corrected'],
  ])('renders the agreement page again when %s changes', async (_what, file, from, to) => {
    const before = readFileSync(join(dir, 'dist', PAGE), 'utf8');
    edit(file, from, to);
    const shown = to.replace(/^\w+: /, '');
    expect(before).not.toContain(shown);
    const after = await build();
    expect(after.pageReused).toBe(false);
    expect(after.page).toContain(shown);
  });

  it.each([
    ['an actor page', ACTOR, 'agreements/ai-mou.mdx', 'on Artificial Intelligence', 'on Machine Learning'],
    ['an event page', EVENT, 'agreements/ai-mou.mdx', 'on Machine Learning', 'on Applied AI'],
    ['an event page', EVENT, 'events/state-visit.mdx', 'summary: A fixture event.', 'summary: An event, edited.'],
  ])('renders %s again when what it shows changes', async (_what, path, file, from, to) => {
    const shown = to.replace(/^\w+: /, '');
    edit(file, from, to);
    const after = (await build()).other(path);
    expect(after.reused).toBe(false);
    expect(after.text).toContain(shown);
  });

  it('draws the card again when a party it names changes', async () => {
    const before = readFileSync(join(dir, 'dist', CARD));
    edit('actors.yaml', 'abbreviation: NDRC', 'abbreviation: NDRC-CN');
    const after = await build();
    expect(after.cardReused).toBe(false);
    expect(after.card.equals(before)).toBe(false);
  });

  it('removes the page and card of an entry that is gone, and anything else the build did not make', async () => {
    const second = 'agreements/second-mou';
    writeFileSync(
      join(dir, 'content', `${second}.mdx`),
      readFileSync(join(dir, 'content/agreements/ai-mou.mdx'), 'utf8')
        .replace('on Artificial Intelligence', 'on Smart Cities')
        .replace('shortTitle: AI MoU', 'shortTitle: Smart cities MoU'),
    );
    await build();
    const made = [`/${second}/index.html`, `/og/${second}.png`].map((path) => join(dir, 'dist', path));
    const indexed = () => bundleResults(join(dir, 'dist', 'pagefind')).map((r) => r.url);
    expect(made.every((file) => existsSync(file))).toBe(true);
    expect(indexed()).toContain(`/${second}/`);
    // A file nobody builds, left in the output folder, and a public file deleted from public/.
    writeFileSync(join(dir, 'dist', 'stray.txt'), 'not from any build');
    rmSync(join(dir, 'public', 'favicon.svg'));

    rmSync(join(dir, 'content', `${second}.mdx`));
    const after = await build();
    expect(after.output).toContain('Removed 2 pages and files the build no longer makes');
    expect(made.map((file) => existsSync(file))).toEqual([false, false]);
    expect(existsSync(join(dir, 'dist', 'agreements', 'second-mou'))).toBe(false);
    expect(existsSync(join(dir, 'dist', 'stray.txt'))).toBe(false);
    expect(existsSync(join(dir, 'dist', 'favicon.svg'))).toBe(false);
    // Nor is it in the search index, the sitemap or the timeline.
    expect(readFileSync(join(dir, 'dist', 'sitemap-0.xml'), 'utf8')).not.toContain('second-mou');
    expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).not.toContain('second-mou');
    expect(indexed()).not.toContain(`/${second}/`);
    expect(indexed()).toContain('/agreements/ai-mou/');
  });

  it('starts from an empty output folder after a build that failed once it had written pages', async () => {
    const before = statSync(join(dir, 'dist', PAGE));
    const text = readFileSync(join(dir, 'dist', PAGE), 'utf8');
    const card = readFileSync(join(dir, 'dist', CARD));
    // A redirect to a page that does not exist fails the build at its very end, after every page is written.
    const redirects = join(dir, 'content', 'redirects.yaml');
    writeFileSync(redirects, '- { from: /agreements/old-mou/, to: /agreements/no-such-mou/ }\n');
    const failed = await runAstro(dir, ['build']);
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain('is not a page of the site');
    rmSync(redirects);
    const after = await build();
    expect(after.output).toContain('Emptied the output folder (no finished build to keep pages from)');
    // Written afresh (copied back from Astro's cache), not the file the failed build may have touched.
    expect(statSync(join(dir, 'dist', PAGE)).ino).not.toBe(before.ino);
    expect(after.page).toBe(text);
    // The cards too: the failed build's keys are not trusted, so each is written again, from the card cache.
    expect(after.cardReused).toBe(false);
    expect(after.card.equals(card)).toBe(true);
    expect(after.output).toMatch(/social cards: wrote \d+ \(all from the card cache\), kept 0 unchanged/);
  });
});
