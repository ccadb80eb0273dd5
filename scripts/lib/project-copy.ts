/**
 * A throwaway copy of the project (code and config, not content) under `.tmp/`, so builds of fixture or
 * generated content never touch `content/` or `dist/`. Node resolution finds the project's node_modules above it.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ASTRO_CLI, buildEnv } from '../build-env.ts';
import { projectRoot } from './project-root.ts';

/** What a copy takes from the project, besides its content folder. */
export const PROJECT_CODE = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'CITATION.cff'];

/** Copies the project's code into `.tmp/<name>/` with the given content folder, and returns the copy's path. */
export function copyProject(name: string, contentFrom: string): string {
  const dir = join(projectRoot, '.tmp', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const item of PROJECT_CODE) cpSync(join(projectRoot, item), join(dir, item), { recursive: true });
  cpSync(contentFrom, join(dir, 'content'), { recursive: true });
  return dir;
}

/** Writes `files` (text by path relative to `dir`) into `dir`, emptied first: a content folder to copy. */
export function writeFiles(dir: string, files: ReadonlyMap<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** The result of running the Astro CLI: exit code and everything it printed, without colour codes. */
export interface RunResult {
  code: number;
  output: string;
}

/** Runs `astro <args>` in a project copy with the same Node that runs the tests. */
export function runAstro(dir: string, args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    // The test runner sets NODE_ENV=test, which would make the child's build a development one.
    const { NODE_ENV: _testMode, ...inherited } = process.env;
    const child = spawn(process.execPath, [ASTRO_CLI, ...args], {
      cwd: dir,
      // Built as `npm run build` builds (scripts/build-env.ts).
      env: buildEnv({ ...inherited, ...env, FORCE_COLOR: '0', NO_COLOR: '1' }),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, output: output.replace(/\x1b\[[0-9;]*m/g, '') }));
  });
}
