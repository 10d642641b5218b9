import { readFileSync, readlinkSync } from 'node:fs';

/**
 * CPU time of single threads, so that a worker is stopped for the work its file makes, not for the load
 * of the machine: on a busy 2-core machine a build gets a fraction of a core and its wall time says
 * nothing about the file. Linux's /proc has it per thread; elsewhere these return undefined and the
 * pool falls back to its wall-clock limit.
 */

/** The calling thread's id (call it on the thread to measure), or undefined without /proc. */
export function currentThreadId(): string | undefined {
  try {
    return readlinkSync('/proc/thread-self').split('/').pop();
  } catch {
    return undefined;
  }
}

/** Milliseconds of CPU the thread `tid` of this process has used, or undefined when it cannot be read. */
export function threadCpuMs(tid: string): number | undefined {
  try {
    // schedstat: nanoseconds on the CPU, first field.
    const ns = Number(readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    if (Number.isFinite(ns) && ns > 0) return ns / 1e6;
  } catch {
    // Kernels without schedstat: fall through to stat.
  }
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // utime and stime, in clock ticks of 1/100 s (USER_HZ), are the 14th and 15th fields; the command name
    // before them is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}
