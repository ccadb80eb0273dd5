/** Renamed ids keep working: the redirects map sends old addresses to the new pages, and is checked. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../scripts/lib/chromium';
import { watchedPage } from '../support/browser';
import { projectRoot } from '../../scripts/lib/project-root';
import { copyProject, runAstro } from '../../scripts/lib/project-copy';
import { serveSite, type SiteServer } from '../../scripts/lib/server';

const fixture = join(projectRoot, 'tests/fixtures/minimal/content');

async function buildWith(name: string, redirects: string) {
  const dir = copyProject(name, fixture);
  writeFileSync(join(dir, 'content/redirects.yaml'), redirects);
  return { dir, result: await runAstro(dir, ['build']) };
}

describe('a renamed agreement', () => {
  let server: SiteServer;
  let browser: Browser;

  beforeAll(async () => {
    const { dir, result } = await buildWith(
      'redirects',
      '- { from: /agreements/old-ai-mou/, to: /agreements/ai-mou/ }\n',
    );
    if (result.code !== 0) throw new Error(result.output);
    server = await serveSite(join(dir, 'dist'));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is reached from its old address', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.goto(`${server.root}agreements/old-ai-mou/`);
    await page.waitForURL(/\/agreements\/ai-mou\/$/);
    expect(await page.locator('h1').textContent()).toBe('Memorandum of Understanding on Artificial Intelligence');
    expect(problems.cspViolations).toEqual([]);
  });
});

describe('a broken redirects map fails the build, naming what is wrong', () => {
  it.concurrent.each([
    [
      'a target that is not a page',
      '- { from: /agreements/old/, to: /agreements/nowhere/ }\n',
      ['redirects.yaml', 'item 1', '"to"', '/agreements/nowhere/'],
    ],
    [
      'an old address that is still a page',
      '- { from: /agreements/ai-mou/, to: /themes/ai/ }\n',
      ['/agreements/ai-mou', 'conflicts'],
    ],
    [
      'a value that is not a site path',
      '- { from: agreements/old, to: /agreements/ai-mou/ }\n',
      ['redirects.yaml', '"from"', 'agreements/old'],
    ],
  ])('%s', async (name, yaml, expected) => {
    const { result } = await buildWith(`redirects-${name.replace(/\W+/g, '-')}`, yaml);
    expect(result.code, result.output).not.toBe(0);
    for (const text of expected) expect(result.output).toContain(text);
  });
});
