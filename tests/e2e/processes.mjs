// What the end-to-end harness needs from the operating system: free TCP ports for the drivers, and the tree of
// processes under a driver (the app and its WebKit helpers), read from /proc so the harness can end exactly the
// processes it started and the benchmark can add up their memory.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';

/** Asks the kernel for a port nobody listens on, then releases it for the caller to bind. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * One process's `/proc/<pid>/stat`: its parent, state and start time (clock ticks since boot), or null when it has
 * exited. The command name sits in parentheses and may itself contain spaces and parentheses, so the fields are
 * read after the last `)`.
 */
export function readStat(pid) {
  let stat;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  const close = stat.lastIndexOf(')');
  const name = stat.slice(stat.indexOf('(') + 1, close);
  const fields = stat.slice(close + 2).split(' ');
  // After the name: state(3) ppid(4) … starttime(22), numbered as in proc(5).
  return { pid, name, state: fields[0], ppid: Number(fields[1]), startTicks: Number(fields[19]) };
}

function allProcesses() {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map((entry) => readStat(Number(entry)))
    .filter((stat) => stat !== null);
}

/** Every live descendant of `rootPid` (not the root itself), parents before children. */
export function descendants(rootPid) {
  const byParent = new Map();
  for (const proc of allProcesses()) {
    if (!byParent.has(proc.ppid)) byParent.set(proc.ppid, []);
    byParent.get(proc.ppid).push(proc);
  }
  const found = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    for (const child of byParent.get(queue.shift()) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found.filter((proc) => proc.state !== 'Z');
}

/** Resident and proportional set sizes in KiB (PSS shares each shared page among its users, so PSS adds up). */
export function memoryKib(pid) {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0);
    return { rssKib: field('Rss'), pssKib: field('Pss') };
  } catch {
    return null;
  }
}

/** Seconds since boot, from /proc/uptime (the clock `startTicks` counts on). */
export function uptimeSeconds() {
  return Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
}

/** Kernel clock ticks per second, the unit of /proc start times. */
export const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

function isAlive(pid) {
  const stat = readStat(pid);
  return stat !== null && stat.state !== 'Z';
}

function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone: nothing to end.
  }
}

/**
 * Ends the given processes: SIGTERM, then SIGKILL for any still running after `graceMs`. Exited children may stay as
 * <defunct> entries until their parent reaps them; those count as ended.
 */
export async function endProcesses(pids, graceMs = 2000) {
  for (const pid of pids) signal(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (pids.some(isAlive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  for (const pid of pids.filter(isAlive)) signal(pid, 'SIGKILL');
}
