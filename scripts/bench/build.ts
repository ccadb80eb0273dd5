/**
 * Runs `astro build` in a project copy and measures it: wall time, phases from the log (content sync,
 * bundling, page rendering, Pagefind indexing), pages built and peak resident memory. Memory comes from
 * `/usr/bin/time -v` ("Maximum resident set size"); without it (Debian package `time`), from polling the
 * build process's VmHWM in /proc. Both give the largest single process, so the whole tree (Astro and
 * Pagefind's indexer, which run at once) is sampled as well (tree-memory.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { ASTRO_CLI, buildEnv } from '../build-env.ts';
import { parseBuildLog, type LogLine } from './parse.ts';
import { readProc, residentKb, watchTree } from './tree-memory.ts';

const TIME = '/usr/bin/time';

/** One build's measurements. */
export interface BuildMeasurement {
  ok: boolean;
  wallMs: number;
  /** Start until "[content] Synced content" (includes Vite's dependency scan and type generation). */
  syncMs: number | undefined;
  /** "Synced content" until "generating static routes": Vite bundling of pages and content modules. */
  bundleMs: number | undefined;
  /** Rendering the static routes (Astro's own "Completed in" after "generating static routes"). */
  renderMs: number | undefined;
  /** Pagefind indexing, as its integration logs it. */
  pagefindMs: number | undefined;
  /** Waiting for the last social cards once Pagefind and the other integrations were done. */
  cardsMs: number | undefined;
  pages: number | undefined;
  /** Paths copied from the previous build by Astro's incremental build, not rendered. */
  reused: number;
  pagesPerSecond: number | undefined;
  peakRssMb: number | undefined;
  memorySource: 'time -v' | 'proc VmHWM' | 'none';
  /**
   * CPU time, user and system, of the build and every process it waited for (Pagefind's indexer too), from
   * `time -v`; undefined without it. Divided by the cores, it is the least wall time the same work could take.
   */
  cpuMs: number | undefined;
  /** The most the build's processes held together, sampled every 100 ms (a floor: a briefer peak is missed). */
  treePeakMb: number | undefined;
  /** The processes that held it, largest first, e.g. "Astro (node) 861 MB + pagefind_extend 724 MB". */
  treePeakParts: string | undefined;
  /** The 1-minute load average when the build started: other work on the machine skews times. */
  loadAtStart: number;
  /** The slowest routes and render time per route family, from Astro's per-route timings. */
  slowestRoutes: { route: string; ms: number }[];
  renderByFamily: Record<string, { routes: number; ms: number }>;
  /** The last lines of the log when the build failed. */
  errorTail?: string;
}

/** Deletes the build output and every cache a cold build must not reuse. */
export function clearCaches(dir: string): void {
  for (const path of ['dist', '.astro', 'node_modules/.vite', 'node_modules/.astro']) {
    rmSync(join(dir, path), { recursive: true, force: true });
  }
}

function readVmHwmKb(pid: number): number | undefined {
  const status = readProc(`/proc/${pid}/status`);
  return status === undefined ? undefined : residentKb(status, 'VmHWM');
}

/** Runs one build of the copy in `dir` with the project's Astro and this Node. */
export function runBuild(dir: string, env: Record<string, string> = {}): Promise<BuildMeasurement> {
  const useTime = existsSync(TIME);
  const command = useTime ? TIME : process.execPath;
  const args = useTime ? ['-v', process.execPath, ASTRO_CLI, 'build'] : [ASTRO_CLI, 'build'];
  const { NODE_ENV: _mode, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const loadAtStart = Math.round((loadavg()[0] ?? 0) * 100) / 100;
    const child = spawn(command, args, {
      cwd: dir,
      // The same memory settings as `npm run build` (scripts/build-env.ts).
      env: buildEnv({ ...inherited, ...env, FORCE_COLOR: '0', NO_COLOR: '1' }),
    });
    const lines: LogLine[] = [];
    const buffers = { stdout: '', stderr: '' };
    const take = (stream: 'stdout' | 'stderr', chunk: Buffer) => {
      const at = performance.now() - started;
      buffers[stream] += chunk.toString();
      const parts = buffers[stream].split('\n');
      buffers[stream] = parts.pop() ?? '';
      for (const text of parts) lines.push({ at, text: text.replace(/\x1b\[[0-9;]*m/g, '') });
    };
    child.stdout.on('data', (chunk: Buffer) => take('stdout', chunk));
    child.stderr.on('data', (chunk: Buffer) => take('stderr', chunk));
    const tree = child.pid === undefined ? undefined : watchTree(child.pid);
    let polledKb = 0;
    const poll = useTime
      ? undefined
      : setInterval(() => {
          polledKb = Math.max(polledKb, child.pid === undefined ? 0 : (readVmHwmKb(child.pid) ?? 0));
        }, 100);
    child.on('error', reject);
    child.on('close', (code) => {
      if (poll) clearInterval(poll);
      const treePeak = tree?.stop();
      const wallMs = performance.now() - started;
      for (const stream of ['stdout', 'stderr'] as const) {
        if (buffers[stream]) lines.push({ at: wallMs, text: buffers[stream] });
      }
      const parsed = parseBuildLog(lines);
      const peakKb = useTime ? parsed.maxRssKb : polledKb || undefined;
      const ok = code === 0 && (parsed.exitStatus ?? 0) === 0;
      const pages = parsed.pages;
      resolve({
        ok,
        wallMs,
        syncMs: parsed.syncMs,
        bundleMs: parsed.bundleMs,
        renderMs: parsed.renderMs,
        pagefindMs: parsed.pagefindMs,
        cardsMs: parsed.cardsMs,
        pages,
        reused: parsed.reused,
        pagesPerSecond: pages === undefined ? undefined : pages / (wallMs / 1000),
        peakRssMb: peakKb === undefined ? undefined : peakKb / 1024,
        memorySource: peakKb === undefined ? 'none' : useTime ? 'time -v' : 'proc VmHWM',
        cpuMs: parsed.cpuMs,
        treePeakMb: treePeak && treePeak.totalKb / 1024,
        treePeakParts:
          treePeak &&
          [...treePeak.processes]
            .sort((a, b) => b.kb - a.kb)
            .filter((p) => p.kb >= 10 * 1024)
            // Node names its main thread, and so its process, MainThread: in a build that is Astro.
            .map((p) => `${p.name === 'MainThread' ? 'Astro (node)' : p.name} ${Math.round(p.kb / 1024)} MB`)
            .join(' + '),
        loadAtStart,
        slowestRoutes: parsed.slowestRoutes,
        renderByFamily: parsed.renderByFamily,
        ...(ok
          ? {}
          : {
              errorTail: lines
                .filter((l) => !/^\s+[├└]─ /.test(l.text))
                .slice(-40)
                .map((l) => l.text)
                .join('\n'),
            }),
      });
    });
  });
}
