import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A page load's main-thread work from a Chromium trace (bench/load-profile.ts): the renderer's main thread from
 * navigation start to "drawn", as top-level tasks (busy time, long tasks, blocking time) and as the V8 sampling
 * profiler's samples (self and inclusive time by function and by script).
 */

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** CPU time of the event's thread (thread ticks), when recorded. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown>;
}

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: CallFrame;
}

/** One function's sampled time; `line` and `column` 1-based. */
export interface FunctionTime {
  fn: string;
  script: string;
  line: number;
  column: number;
  ms: number;
}

export interface LongTask {
  /** From navigation start, ms. */
  startMs: number;
  durationMs: number;
  /** Its main-thread CPU time. */
  cpuMs: number;
  /** The task's heaviest sampled functions (self time) and trace events, in words. */
  what: string;
}

export interface LoadSummary {
  drawnMs: number;
  /** The document's response: headers, and the last byte (ms from navigation start). */
  responseMs: number | null;
  responseEndMs: number | null;
  /** Every top-level main-thread task from navigation start to drawn, ms. */
  busyMs: number;
  /** Sampled JavaScript (not idle, program or GC). */
  scriptMs: number;
  compileMs: number;
  styleMs: number;
  layoutMs: number;
  paintMs: number;
  gcMs: number;
  longTasks: LongTask[];
  /** Sum of (long task - 50 ms). */
  blockingMs: number;
  /**
   * The same two by the main thread's CPU time instead of wall time: on a shared, loaded machine a task's wall time
   * includes the time the thread waited for a core, its CPU time does not. Compare builds by these.
   */
  cpuBusyMs: number;
  cpuBlockingMs: number;
  byScript: Record<string, number>;
  byFunction: FunctionTime[];
  /** Inclusive: each function counted once per sample it is on the stack of. */
  byEntry: FunctionTime[];
}

const LONG_TASK_US = 50_000;
const round1 = (us: number) => Math.round(us / 100) / 10;

const STYLE = new Set(['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet']);
const LAYOUT = new Set(['Layout']);
const PAINT = new Set(['Paint', 'PrePaint', 'Layerize', 'UpdateLayer', 'CompositeLayers', 'Commit', 'PaintImage', 'RasterTask']);
const COMPILE = /^(v8\.compile|v8\.compileModule|V8\.CompileCode|v8\.produceCache|v8\.produceModuleCache|CompileScript|CompileCode)$/;

function scriptName(url: string, fn: string): string {
  if (!url) return `(${fn || 'native'})`;
  return url.replace(/^https?:\/\/[^/]+/, '');
}

/** Main thread of the renderer that navigated to an http(s) page, and when it started navigating (trace µs). */
function mainThread(events: TraceEvent[]): { pid: number; tid: number; navStart: number } {
  const navs = events.filter((e) => e.name === 'navigationStart' && /^https?:/.test(String((e.args?.data as { documentLoaderURL?: string } | undefined)?.documentLoaderURL ?? '')));
  const nav = navs.at(-1);
  if (!nav) throw new Error('the trace has no navigationStart of an http page');
  return { pid: nav.pid, tid: nav.tid, navStart: nav.ts };
}

/** The V8 samples of one thread, each with its time (trace µs) and the time it stands for. */
function samplesOf(events: TraceEvent[], pid: number, tid: number, resolve: Resolve): { nodes: Map<number, ProfileNode>; samples: { ts: number; us: number; node: number }[] } {
  const profiles = events.filter((e) => e.name === 'Profile' && e.pid === pid);
  const nodes = new Map<number, ProfileNode>();
  let best: { ts: number; us: number; node: number }[] = [];
  for (const p of profiles) {
    const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === pid && e.id === p.id);
    if (p.tid !== tid && chunks.every((c) => c.tid !== tid)) continue;
    let t = Number((p.args?.data as { startTime?: number } | undefined)?.startTime ?? p.ts);
    const samples: { ts: number; us: number; node: number }[] = [];
    const own = new Map<number, ProfileNode>();
    for (const c of chunks) {
      const data = c.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
      for (const n of data?.cpuProfile?.nodes ?? []) own.set(n.id, { ...n, callFrame: resolve(n.callFrame) ?? n.callFrame });
      const ids = data?.cpuProfile?.samples ?? [];
      const deltas = data?.timeDeltas ?? [];
      ids.forEach((id, i) => {
        t += deltas[i] ?? 0;
        samples.push({ ts: t, us: 0, node: id });
      });
    }
    // A sample stands for the time until the next one (the last: the median interval).
    for (let i = 0; i < samples.length; i++) samples[i]!.us = i + 1 < samples.length ? samples[i + 1]!.ts - samples[i]!.ts : 200;
    if (samples.length > best.length) {
      best = samples;
      nodes.clear();
      for (const [k, v] of own) nodes.set(k, v);
    }
  }
  return { nodes, samples: best };
}

function add(map: Map<string, FunctionTime>, cf: CallFrame, us: number) {
  const script = scriptName(cf.url, cf.functionName);
  const key = `${script}:${cf.lineNumber}:${cf.columnNumber}:${cf.functionName}`;
  const f = map.get(key) ?? { fn: cf.functionName || '(anonymous)', script, line: cf.lineNumber + 1, column: cf.columnNumber + 1, ms: 0 };
  f.ms += us;
  map.set(key, f);
}

/** React, the scheduler, Next's client and the bundler's runtime: what every page runs. */
const FRAMEWORK = /(react-dom|scheduler|react\.production|react-server-dom|~next\/|\[turbopack\]|_next\/static)/;

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** Maps a minified function's position to its source (`bench/load-profile.ts --source-maps`); null keeps it as it is. */
export type Resolve = (cf: CallFrame) => CallFrame | null;

/** Functions of the build's chunks named by their source file, line and original name, from the chunks' source maps. */
export async function sourceMapResolver(distDir: string): Promise<Resolve> {
  // Next's toolchain brings this package; the bench does not list it, so say so if it is gone.
  const { AnyMap, originalPositionFor } = await import('@jridgewell/trace-mapping').catch(() => {
    throw new Error('--source-maps needs @jridgewell/trace-mapping in node_modules (it comes with Next and Vite)');
  });
  const maps = new Map<string, InstanceType<typeof AnyMap> | null>();
  const mapOf = (url: string) => {
    const m = /\/_next\/(static\/.+\.js)$/.exec(url.replace(/\?.*$/, ''));
    if (!m) return null;
    if (!maps.has(m[1]!)) {
      // The chunk names its map in its last line (`//# sourceMappingURL=<file>`), next to it.
      const js = path.join(distDir, m[1]!);
      const named = existsSync(js) ? /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(js, 'utf8'))?.[1] : undefined;
      const file = named ? path.join(path.dirname(js), named) : '';
      maps.set(m[1]!, file && existsSync(file) ? new AnyMap(readFileSync(file, 'utf8')) : null);
    }
    return maps.get(m[1]!) ?? null;
  };
  return (cf: CallFrame) => {
    const map = cf.url ? mapOf(cf.url) : null;
    if (!map) return null;
    const o = originalPositionFor(map, { line: cf.lineNumber + 1, column: cf.columnNumber });
    if (!o.source) return null;
    const source = o.source.replace(/^turbopack:\/\/\/\[project\]\//, '').replace(/^node_modules\/(\.pnpm\/)?/, '~');
    return { functionName: `${cf.functionName || '(anonymous)'}${o.name && o.name !== cf.functionName ? `=${o.name}` : ''}`, url: source, lineNumber: (o.line ?? 1) - 1, columnNumber: o.column ?? 0 };
  };
}

export function summarizeTrace(events: TraceEvent[], drawnAtMs: number, resolve: Resolve = () => null): LoadSummary {
  const { pid, tid, navStart } = mainThread(events);
  const end = navStart + drawnAtMs * 1000;
  const onMain = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= navStart && e.ts < end);
  const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  // Nested RunTasks (a task in a task) count once.
  const top: TraceEvent[] = [];
  for (const t of tasks.sort((a, b) => a.ts - b.ts)) {
    const last = top.at(-1);
    if (last && t.ts < last.ts + (last.dur ?? 0)) continue;
    top.push(t);
  }
  const sumOf = (pred: (e: TraceEvent) => boolean) => {
    // Outermost only: nested events of the same kind count once.
    let sum = 0;
    let until = -1;
    for (const e of onMain.filter(pred).sort((a, b) => a.ts - b.ts)) {
      if (e.ts < until) continue;
      sum += e.dur ?? 0;
      until = e.ts + (e.dur ?? 0);
    }
    return sum;
  };
  const cpu = (t: TraceEvent) => t.tdur ?? t.dur ?? 0;
  const { nodes, samples } = samplesOf(events, pid, tid, resolve);
  const inWindow = samples.filter((s) => s.ts >= navStart && s.ts < end);
  const self = new Map<string, FunctionTime>();
  const incl = new Map<string, FunctionTime>();
  const byScript = new Map<string, number>();
  let scriptUs = 0;
  let gcUs = 0;
  for (const s of inWindow) {
    const cf = nodes.get(s.node)?.callFrame;
    if (!cf) continue;
    if (cf.functionName === '(garbage collector)') gcUs += s.us;
    if (IDLE.has(cf.functionName)) continue;
    scriptUs += s.us;
    add(self, cf, s.us);
    const sn = scriptName(cf.url, cf.functionName);
    byScript.set(sn, (byScript.get(sn) ?? 0) + s.us);
    const seen = new Set<string>();
    for (let n = nodes.get(s.node); n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
      const c = n.callFrame;
      if (IDLE.has(c.functionName)) continue;
      const key = `${c.url}:${c.lineNumber}:${c.columnNumber}:${c.functionName}`;
      if (seen.has(key)) continue;
      seen.add(key);
      add(incl, c, s.us);
    }
  }
  const longTasks: LongTask[] = top
    .filter((t) => (t.dur ?? 0) > LONG_TASK_US)
    .map((t) => {
      const from = t.ts;
      const to = t.ts + (t.dur ?? 0);
      const fns = new Map<string, FunctionTime>();
      // Inclusive time of the page's own code and its libraries (not React's, Next's or the bundler's runtime).
      const own = new Map<string, FunctionTime>();
      for (const s of inWindow) {
        if (s.ts < from || s.ts >= to) continue;
        const cf = nodes.get(s.node)?.callFrame;
        if (cf && cf.functionName !== '(idle)') add(fns, cf, s.us);
        const seen = new Set<string>();
        for (let n = nodes.get(s.node); n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
          const c = n.callFrame;
          if (!c.url || FRAMEWORK.test(c.url)) continue;
          const key = `${c.url}:${c.lineNumber}:${c.columnNumber}:${c.functionName}`;
          if (seen.has(key)) continue;
          seen.add(key);
          add(own, c, s.us);
        }
      }
      const kinds = new Map<string, number>();
      for (const e of onMain) {
        if (e.ts < from || e.ts >= to || e === t || e.name === 'RunTask' || !e.dur) continue;
        if (['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.compileModule', 'ParseHTML', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'EventDispatch', 'Layout', 'UpdateLayoutTree', 'Paint', 'PrePaint', 'MajorGC', 'MinorGC', 'v8.run'].includes(e.name)) {
          kinds.set(e.name, (kinds.get(e.name) ?? 0) + e.dur);
        }
      }
      const topFns = [...fns.values()].sort((a, b) => b.ms - a.ms).slice(0, 5).map((f) => `${f.fn} ${f.script.split('/').at(-1)}:${f.line}:${f.column} ${round1(f.ms)}`);
      const topKinds = [...kinds.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, us]) => `${k} ${round1(us)}`);
      const topOwn = [...own.values()].sort((a, b) => b.ms - a.ms).slice(0, 8).map((f) => `${f.fn} ${f.script.split('/').slice(-2).join('/')}:${f.line} ${round1(f.ms)}`);
      return {
        startMs: Math.round((from - navStart) / 1000),
        durationMs: Math.round((t.dur ?? 0) / 1000),
        cpuMs: Math.round(cpu(t) / 1000),
        what: `[${topKinds.join(', ')}] self: ${topFns.join('; ')}${topOwn.length ? `\n      code (inclusive): ${topOwn.join('; ')}` : ''}`,
      };
    });
  const blockingUs = top.reduce((n, t) => n + Math.max(0, (t.dur ?? 0) - LONG_TASK_US), 0);
  const cpuBlockingUs = top.reduce((n, t) => n + Math.max(0, cpu(t) - LONG_TASK_US), 0);
  const list = (m: Map<string, FunctionTime>) => [...m.values()].sort((a, b) => b.ms - a.ms).slice(0, 200).map((f) => ({ ...f, ms: round1(f.ms) }));
  // The document's request: the first request of the page's URL after navigation start.
  const docUrl = String((events.find((e) => e.name === 'navigationStart' && e.pid === pid && e.ts === navStart)?.args?.data as { documentLoaderURL?: string } | undefined)?.documentLoaderURL ?? '');
  const send = events.find((e) => e.name === 'ResourceSendRequest' && (e.args?.data as { url?: string } | undefined)?.url === docUrl);
  const requestId = (send?.args?.data as { requestId?: string } | undefined)?.requestId;
  const at = (name: string) => {
    const e = requestId === undefined ? undefined : events.find((x) => x.name === name && (x.args?.data as { requestId?: string } | undefined)?.requestId === requestId);
    return e ? Math.round((e.ts - navStart) / 1000) : null;
  };
  return {
    drawnMs: Math.round(drawnAtMs),
    responseMs: at('ResourceReceiveResponse'),
    responseEndMs: at('ResourceFinish'),
    busyMs: Math.round(top.reduce((n, t) => n + (t.dur ?? 0), 0) / 1000),
    scriptMs: Math.round(scriptUs / 1000),
    compileMs: Math.round(sumOf((e) => COMPILE.test(e.name)) / 1000),
    styleMs: Math.round(sumOf((e) => STYLE.has(e.name)) / 1000),
    layoutMs: Math.round(sumOf((e) => LAYOUT.has(e.name)) / 1000),
    paintMs: Math.round(sumOf((e) => PAINT.has(e.name)) / 1000),
    gcMs: Math.round(gcUs / 1000),
    longTasks,
    blockingMs: Math.round(blockingUs / 1000),
    cpuBusyMs: Math.round(top.reduce((n, t) => n + cpu(t), 0) / 1000),
    cpuBlockingMs: Math.round(cpuBlockingUs / 1000),
    byScript: Object.fromEntries([...byScript.entries()].sort((a, b) => b[1] - a[1]).map(([k, us]) => [k, round1(us)])),
    byFunction: list(self),
    byEntry: list(incl),
  };
}
