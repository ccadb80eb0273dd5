/**
 * The benchmark's whole-build memory: a build is Astro's process and Pagefind's indexer at once, so the
 * figure must add up every process under the build, not report the largest one.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  parseChildren,
  processName,
  processTree,
  residentKb,
  sampleTree,
  watchTree,
} from '../../scripts/bench/tree-memory.ts';

const STATUS = 'Name:\tpagefind_extend\nUmask:\t0022\nState:\tS (sleeping)\nVmHWM:\t  741100 kB\nVmRSS:\t  703948 kB\n';

describe('reading /proc', () => {
  it('takes the resident memory, not the high-water mark, unless asked for that, and the name', () => {
    expect(residentKb(STATUS)).toBe(703948);
    expect(residentKb(STATUS, 'VmHWM')).toBe(741100);
    expect(processName(STATUS)).toBe('pagefind_extend');
  });
  it('finds no memory in the status of a process without an address space', () => {
    expect(residentKb('Name:\tkthreadd\nState:\tS (sleeping)\n')).toBeUndefined();
  });
  it('reads a thread’s children as pids', () => {
    expect(parseChildren('22886 22901 \n')).toEqual([22886, 22901]);
    expect(parseChildren('')).toEqual([]);
  });
});

/** The test's parent process, ended with its children after each test. */
let running: ChildProcessWithoutNullStreams | undefined;

/** A child Node process that starts a grandchild holding `mb` MB of touched memory, and says when it holds it. */
async function parentOfHolder(mb: number): Promise<{ pid: number; holder: number }> {
  const holder = `const b = Buffer.alloc(${mb} * 1048576, 1); console.log(process.pid); setInterval(() => b[0]++, 1000);`;
  const parent = spawn(process.execPath, [
    '-e',
    `const c = require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(holder)}], { stdio: ['ignore', 'pipe', 'inherit'] });
     c.stdout.on('data', (d) => process.stdout.write(d));
     setInterval(() => {}, 1000);`,
  ]);
  running = parent;
  const pid = parent.pid;
  if (pid === undefined) throw new Error('the parent process did not start');
  const [data] = await once(parent.stdout, 'data');
  return { pid, holder: Number(String(data).trim()) };
}

afterEach(() => {
  // Children first, so none is left running without its parent.
  if (running?.pid) for (const pid of processTree(running.pid).reverse()) process.kill(pid, 'SIGKILL');
  running = undefined;
});

describe.runIf(process.platform === 'linux')('a process tree', () => {
  it('adds the memory of every descendant to that of the process it starts from', async () => {
    const { pid, holder } = await parentOfHolder(200);
    expect(processTree(pid)).toContain(holder);
    const sample = sampleTree(pid);
    const own = sample.processes.map((p) => p.kb);
    expect(sample.processes).toHaveLength(2);
    // The holder alone has its 200 MB; the total has both processes, so more than the largest of them.
    expect(Math.max(...own)).toBeGreaterThan(200 * 1024);
    expect(sample.totalKb).toBe(own[0]! + own[1]!);
    expect(sample.totalKb).toBeGreaterThan(Math.max(...own) + 10 * 1024);
  });

  it('keeps the peak after the process that made it has ended', async () => {
    const { pid, holder } = await parentOfHolder(150);
    const watch = watchTree(pid, 20);
    process.kill(holder, 'SIGKILL');
    // Gone once its parent has reaped it, which a loaded host may take a while to do.
    await vi.waitFor(() => expect(processTree(pid)).not.toContain(holder), { timeout: 10_000, interval: 50 });
    const peak = watch.stop();
    expect(peak?.totalKb).toBeGreaterThan(150 * 1024);
    expect(sampleTree(pid).totalKb).toBeLessThan(150 * 1024);
  });
});
