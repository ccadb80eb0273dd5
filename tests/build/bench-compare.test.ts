/**
 * `npm run bench:compare`: two copies of the project on the same generated content, the base revision's code
 * in one, built cold in alternated pairs and summed up; a revision git does not know is refused.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/lib/project-root';

/** Runs the comparison script with this Node and returns its exit code and everything it printed. */
function compare(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const { NODE_ENV: _testMode, ...env } = process.env;
    const child = spawn(process.execPath, [join(projectRoot, 'scripts/bench-compare.ts'), ...args], {
      cwd: projectRoot,
      env,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

describe('bench:compare', () => {
  it('builds the base revision and the working tree on the same content, and says which was faster', async () => {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: projectRoot, encoding: 'utf8' }).trim();
    const { code, output } = await compare(['--base', 'HEAD', '--size', '30', '--pairs', '1']);
    expect(code, output).toBe(0);
    expect(output).toContain(`30 agreements (seed 1): ${head.slice(0, 7)} (HEAD) against the working tree`);
    // Both copies built every page of the same generated content.
    const pages = /pair 1 \(base first, host check \d+ ms\): base [\d.]+ s, new [\d.]+ s; .*pages (\d+) and (\d+)/.exec(
      output,
    );
    expect(pages, output).not.toBeNull();
    expect(Number(pages?.[1])).toBeGreaterThan(30);
    expect(pages?.[2]).toBe(pages?.[1]);
    expect(output).toMatch(/The new code was faster in [01] of 1 pairs: [−+][\d.]+ s on average/);
    // The copies are removed afterwards.
    expect(existsSync(join(projectRoot, '.tmp', 'compare-base'))).toBe(false);
    expect(existsSync(join(projectRoot, '.tmp', 'compare-new'))).toBe(false);
  });

  it('refuses a revision git does not know, before building anything', async () => {
    const { code, output } = await compare(['--base', 'no-such-revision-here', '--size', '30']);
    expect(code).not.toBe(0);
    expect(output).toMatch(/no-such-revision-here/);
    expect(output).not.toContain('pair 1');
  });
});
