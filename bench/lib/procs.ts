/**
 * Child processes of the bench (moto, Next servers, the build): each started in its own process group, so
 * that stopping it also stops what it started (`start.mjs` runs `next start` as its child), and all stopped
 * when the bench ends, however it ends: normally, on an exception, on Ctrl-C or SIGTERM.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

export interface Managed {
  name: string;
  child: ChildProcess;
  /** The last few KB of its output, to explain a failure. */
  log: () => string;
  exited: Promise<number | null>;
}

const running = new Set<Managed>();

/** Starts a command in its own process group and remembers it for `stopAll`. */
export function start(name: string, command: string, args: string[], options: SpawnOptions & { quiet?: boolean } = {}): Managed {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-16_000);
    if (!options.quiet) process.stderr.write(chunk);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', (err) => {
      output += `\n${String(err)}`;
      resolve(-1);
    });
  });
  const managed: Managed = { name, child, log: () => output, exited };
  running.add(managed);
  void exited.then(() => running.delete(managed));
  return managed;
}

/** Stops one process group: SIGTERM, then SIGKILL after `graceMs`. */
export async function stop(m: Managed, graceMs = 5_000): Promise<void> {
  const pid = m.child.pid;
  if (pid === undefined || m.child.exitCode !== null || m.child.signalCode !== null) {
    running.delete(m);
    return;
  }
  const kill = (signal: NodeJS.Signals) => {
    try {
      // The negative pid addresses the process group this child leads (spawned with detached: true).
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };
  kill('SIGTERM');
  const timer = setTimeout(() => kill('SIGKILL'), graceMs);
  await Promise.race([m.exited, new Promise((r) => setTimeout(r, graceMs + 1_000))]);
  clearTimeout(timer);
  // Anything the leader left behind in its group.
  kill('SIGKILL');
  running.delete(m);
}

/** Stops every process this module started and has not stopped yet. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((m) => stop(m)));
}

/** Synchronous last resort for `process.on('exit')`: SIGKILL every remaining group. */
function killAllNow(): void {
  for (const m of running) {
    const pid = m.child.pid;
    if (pid === undefined) continue;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

let hooked = false;
/** Stops children on exit and on SIGINT/SIGTERM/SIGHUP; call once at startup. */
export function installCleanup(onSignal?: () => Promise<void>): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', killAllNow);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      process.stderr.write(`\nbench: ${sig}, stopping servers…\n`);
      void (onSignal ? onSignal() : Promise.resolve())
        .catch(() => undefined)
        .then(stopAll)
        .finally(() => process.exit(130));
    });
  }
}

/** A port the kernel just gave out on 127.0.0.1 and released again (one copy, shared with the live tests). */
export { freePort } from '../../lib/test/moto-server';

/** Polls `url` until it answers 2xx, the process exits, or `timeoutMs` passes. */
export async function waitForHttp(url: string, m: Managed, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (m.child.exitCode !== null) throw new Error(`${m.name} exited with code ${m.child.exitCode} before answering.\n${m.log()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${m.name} did not answer on ${url} within ${Math.round(timeoutMs / 1000)} s.\n${m.log()}`);
}

/** Runs a command to completion (output passed through), rejecting on a non-zero exit. */
export async function run(name: string, command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  const m = start(name, command, args, options);
  const code = await m.exited;
  if (code !== 0) throw new Error(`${name} failed with exit code ${code}`);
}

function parentOf(pid: number): number | null {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(rest[1]);
  } catch {
    return null;
  }
}

/** Every live process whose ancestry leads to `root` (not `root` itself). */
export function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const ppid = parentOf(Number(name));
    if (ppid !== null) parents.set(Number(name), ppid);
  }
  const out: number[] = [];
  for (const pid of parents.keys()) {
    let p = parents.get(pid);
    for (let depth = 0; p !== undefined && depth < 32; depth++) {
      if (p === root) {
        out.push(pid);
        break;
      }
      p = parents.get(p);
    }
  }
  return out.sort((a, b) => a - b);
}

/** VmRSS and VmHWM (peak RSS) of a process, in bytes; null when it is gone. */
export function memoryOf(pid: number): { rss: number; hwm: number; name: string } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    const name = /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '';
    return { rss: kb('VmRSS'), hwm: kb('VmHWM'), name };
  } catch {
    return null;
  }
}
