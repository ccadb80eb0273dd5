/**
 * Incremental builds never serve a stale page: a second build copies an agreement, actor or event page
 * and a card from the first only while nothing they show has changed. Each edit below changes one thing
 * the page reads from another entry (src/lib/page-keys.ts) and must bring the new text onto the page.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyProject, projectRoot, runAstro } from '../support/project-copy';

const fixture = join(projectRoot, 'tests/fixtures/minimal/content');
const PAGE = '/agreements/ai-mou/index.html';
const CARD = '/og/agreements/ai-mou.png';
const ACTOR = '/actors/ndrc/index.html';
const EVENT = '/events/state-visit/index.html';

let dir = '';

/** Builds the copy and says, for each output, whether Astro rendered it or restored the last build's. */
async function build(): Promise<{
  page: string;
  card: Buffer;
  pageRestored: boolean;
  cardRestored: boolean;
  /** Everything the build printed. */
  output: string;
  /** Whether an actor or event page was restored, and its text. */
  other: (path: string) => { restored: boolean; text: string };
}> {
  const result = await runAstro(dir, ['build']);
  if (result.code !== 0) throw new Error(result.output);
  const restored = (path: string) => {
    const line = result.output.split('\n').find((l) => l.includes(`─ ${path} `));
    if (!line) throw new Error(`The build log does not list ${path}:\n${result.output}`);
    return line.includes('(restored)');
  };
  return {
    page: readFileSync(join(dir, 'dist', PAGE), 'utf8'),
    card: readFileSync(join(dir, 'dist', CARD)),
    pageRestored: restored(PAGE),
    cardRestored: restored(CARD),
    output: result.output,
    other: (path) => ({ restored: restored(path), text: readFileSync(join(dir, 'dist', path), 'utf8') }),
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

  it('restores an unchanged agreement page and card, identical to the last build', async () => {
    expect(first.pageRestored).toBe(false);
    const again = await build();
    expect(again.pageRestored).toBe(true);
    expect(again.cardRestored).toBe(true);
    expect(again.page).toBe(first.page);
    expect(again.card.equals(first.card)).toBe(true);
    for (const path of [ACTOR, EVENT]) {
      expect(again.other(path)).toEqual({ restored: true, text: first.other(path).text });
    }
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
    expect(after.pageRestored).toBe(false);
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
    expect(after.restored).toBe(false);
    expect(after.text).toContain(shown);
  });

  it('draws the card again when a party it names changes', async () => {
    const before = readFileSync(join(dir, 'dist', CARD));
    edit('actors.yaml', 'abbreviation: NDRC', 'abbreviation: NDRC-CN');
    const after = await build();
    expect(after.cardRestored).toBe(false);
    expect(after.card.equals(before)).toBe(false);
  });
});
