/**
 * The memory of a whole process tree, sampled from /proc. `time -v` reports the largest single process, but
 * a build is more than one: Pagefind's indexer is a separate program that runs while Astro's process still
 * holds its memory, so the machine needs the two together. Linux only; elsewhere nothing is measured.
 */
import { readFileSync, readdirSync } from 'node:fs';

/**
 * A memory figure in KiB from the text of a /proc/<pid>/status, undefined when absent: by default the
 * resident memory now (VmRSS), or e.g. its high-water mark (VmHWM).
 */
export function residentKb(status: string, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number | undefined {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
  return match ? Number(match[1]) : undefined;
}

/** A process's short name, from its /proc/<pid>/status. */
export function processName(status: string): string {
  return /^Name:\s+(.*)$/m.exec(status)?.[1]?.trim() ?? '?';
}

/** Space-separated pids, as /proc/<pid>/task/<tid>/children lists a thread's children. */
export function parseChildren(text: string): number[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map(Number)
    .filter((pid) => Number.isInteger(pid) && pid > 0);
}

/** A file of /proc, or undefined when its process has ended. */
export const readProc = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    // The process ended between listing and reading.
    return undefined;
  }
};

/** `pid` and every live descendant of it. */
export function processTree(pid: number): number[] {
  const out: number[] = [];
  const visit = (p: number) => {
    out.push(p);
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      return;
    }
    for (const tid of tasks)
      for (const child of parseChildren(readProc(`/proc/${p}/task/${tid}/children`) ?? '')) visit(child);
  };
  visit(pid);
  return out;
}

/** One sample of a tree: its total resident memory and each process's share. */
export interface TreeSample {
  totalKb: number;
  processes: { name: string; kb: number }[];
}

/** The resident memory of `pid` and its descendants now. */
export function sampleTree(pid: number): TreeSample {
  const processes: { name: string; kb: number }[] = [];
  for (const p of processTree(pid)) {
    const status = readProc(`/proc/${p}/status`);
    const kb = status === undefined ? undefined : residentKb(status);
    if (status !== undefined && kb !== undefined && kb > 0) processes.push({ name: processName(status), kb });
  }
  return { totalKb: processes.reduce((sum, p) => sum + p.kb, 0), processes };
}

/**
 * Samples the tree under `pid` every `everyMs` until stopped; `stop` returns the sample with the largest total
 * (undefined when /proc could not be read). A peak shorter than the interval can be missed, so this is a floor.
 */
export function watchTree(pid: number, everyMs = 100): { stop: () => TreeSample | undefined } {
  let peak: TreeSample | undefined;
  const take = () => {
    const sample = sampleTree(pid);
    if (sample.processes.length > 0 && (!peak || sample.totalKb > peak.totalKb)) peak = sample;
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
