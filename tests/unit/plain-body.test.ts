import { describe, expect, it } from 'vitest';
import { findMarkup } from '../../src/lib/plain-body';

const mdx = (body: string) => `---\ntitle: <b>allowed in frontmatter</b>\n---\n\n${body}\n`;

describe('findMarkup', () => {
  it('accepts plain Markdown', () => {
    expect(
      findMarkup(mdx('## What it covers\n\nA *plain* paragraph with a [link](https://example.org) and 5 > 3.')),
    ).toEqual([]);
  });
  it('ignores the frontmatter', () => {
    expect(findMarkup(mdx('Text.'))).toEqual([]);
  });
  it('finds an HTML or JSX element with its line', () => {
    expect(findMarkup(mdx('Fine.\n\n<img src=x onerror="alert(1)">'))).toEqual([
      { line: 7, text: '<img src=x onerror="aler' },
    ]);
  });
  it('finds expressions and comments', () => {
    expect(findMarkup(mdx('Total {1 + 1}')).map((m) => m.text)).toEqual(['{1 + 1}', '}']);
    expect(findMarkup(mdx('<!-- hidden -->'))).toHaveLength(1);
  });
  it('finds links to schemes that can run code, inline or as references', () => {
    expect(findMarkup(mdx('[details](javascript:alert(1))'))).toHaveLength(1);
    expect(findMarkup(mdx('[x]( JavaScript:alert(1))'))).toHaveLength(1);
    expect(findMarkup(mdx('[x](data:text/html,hi)'))).toHaveLength(1);
    expect(findMarkup(mdx('[ref]: javascript:alert(1)'))).toHaveLength(1);
  });
  it('allows web, mail and relative links', () => {
    expect(findMarkup(mdx('[a](https://example.org) [b](mailto:x@example.org) [c](/themes/) [d](#top)'))).toEqual([]);
  });
  it('allows markup inside inline code, fenced code and after a backslash', () => {
    expect(findMarkup(mdx('Payload `<img onerror=alert(1)>` shown as code, and \\<b\\> escaped.'))).toEqual([]);
    expect(findMarkup(mdx('```html\n<script>alert(1)</script>\n```'))).toEqual([]);
  });
});
