/**
 * Entry bodies are plain Markdown. MDX would run any markup or `{expression}` in them as code, and a
 * `javascript:` link runs when clicked, so a body that holds either (outside code spans and fences) is
 * rejected with its line instead of rendered.
 */

/** A piece of markup found in a body: its 1-based line in the file and the text that starts it. */
export interface MarkupFound {
  line: number;
  text: string;
}

/** An element, comment, expression, or a Markdown link or reference to a URL scheme other than http(s) or mailto. */
const MARKUP =
  /<[A-Za-z!/?]|[{}]|\]\(\s*<?(?!https?:|mailto:)[a-z][a-z0-9+.-]*:|^\s*\[[^\]]+\]:\s*<?(?!https?:|mailto:)[a-z][a-z0-9+.-]*:/gi;

/** Markup in an MDX file's body (frontmatter skipped), outside inline code and fenced code blocks. */
export function findMarkup(source: string): MarkupFound[] {
  const lines = source.split('\n');
  let inFrontmatter = lines[0] === '---';
  let inFence = false;
  const found: MarkupFound[] = [];
  lines.forEach((raw, index) => {
    if (inFrontmatter) {
      if (index > 0 && raw === '---') inFrontmatter = false;
      return;
    }
    if (/^\s*(```|~~~)/.test(raw)) {
      inFence = !inFence;
      return;
    }
    if (inFence) return;
    const prose = raw.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length)).replace(/\\[<{}]/g, '  ');
    for (const match of prose.matchAll(MARKUP)) {
      found.push({ line: index + 1, text: raw.slice(match.index, match.index + 24) });
    }
  });
  return found;
}
