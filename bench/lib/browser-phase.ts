/**
 * Browser figures: Debian's Chromium (software rendering, 1280x800) driven by Playwright against a production
 * build, for our graph page and for the naive React Flow baseline (`/bench/naive`) in the same run.
 *
 * "Drawn" is decided in the page, on every animation frame: at least one `.react-flow__node` in the DOM, no
 * "Loading the graph…" / "Laying out…" indicator, `data-graph-ready="true"` wherever a `[data-graph-ready]`
 * element exists, and nothing of that (node count, indicators, the viewport transform) changed for
 * STABLE_MS. The figure is the time of the last change, from navigation start (performance.timeOrigin).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import { countLabels, NODE_TEXTS_SCRIPT, type LabelCount, type NodeText } from './labels';
import { figure, type Figure } from './stats';

/** How long nothing may change before the graph counts as drawn... */
const STABLE_MS = 1_000;
/**
 * ...over at least this many frames: a main thread blocked for a second also "changes nothing", and must not
 * pass for a finished picture (React Flow may still be about to measure nodes and fit the view).
 */
const STABLE_FRAMES = 30;
/** Long tasks are what blocks the main thread for more than this (the TBT definition). */
const LONG_TASK_MS = 50;

/** Installed before any page script runs: long-task observer, "drawn" detector, frame recorder. */
const INSTRUMENT = `(() => {
  const STABLE_MS = ${STABLE_MS};
  const STABLE_FRAMES = ${STABLE_FRAMES};
  const b = (window.__bench = {
    longTasks: [], drawnAt: null, firstNodeAt: null, hasCanvas: false,
    recording: false, frames: [], transforms: new Set(), recStart: 0,
    // When each stage was first and last seen: the canvas, "Loading the graph…", "Laying out…".
    marks: {},
  });
  const mark = (name, t) => {
    const m = b.marks[name] || (b.marks[name] = { first: t, last: t });
    m.last = t;
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  const nodes = document.getElementsByClassName('react-flow__node');
  const edges = document.getElementsByClassName('react-flow__edge');
  let viewport = null;
  let last = '';
  let lastChange = 0;
  let framesSinceChange = 0;
  const sample = (now) => {
    if (!viewport || !viewport.isConnected) viewport = document.querySelector('.react-flow__viewport');
    if (b.recording) {
      b.frames.push(now);
      if (viewport) b.transforms.add(viewport.style.transform);
    }
    if (b.drawnAt === null) {
      const t = performance.now();
      const loading = document.querySelector('[data-testid="graph-loading"]') !== null;
      const layingOut = document.querySelector('[data-testid="graph-layout-pending"]') !== null;
      const pending = loading || layingOut;
      if (loading) mark('loading', t);
      if (layingOut) mark('layout', t);
      if (viewport) mark('canvas', t);
      const marker = document.querySelector('[data-graph-ready]');
      const ready = marker ? marker.getAttribute('data-graph-ready') === 'true' : true;
      const count = nodes.length;
      if (viewport) b.hasCanvas = true;
      const sig = count + '|' + edges.length + '|' + pending + '|' + (viewport ? viewport.style.transform : '') + '|' + ready;
      if (sig !== last) { last = sig; lastChange = t; framesSinceChange = 0; } else framesSinceChange++;
      if (count > 0 && b.firstNodeAt === null) b.firstNodeAt = t;
      if (count > 0 && !pending && ready && t - lastChange >= STABLE_MS && framesSinceChange >= STABLE_FRAMES) b.drawnAt = lastChange;
    }
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
  b.startRec = () => { b.frames = []; b.transforms = new Set(); b.recStart = performance.now(); b.recording = true; };
  b.stopRec = () => {
    b.recording = false;
    const end = performance.now();
    let maxGap = 0;
    for (let i = 1; i < b.frames.length; i++) maxGap = Math.max(maxGap, b.frames[i] - b.frames[i - 1]);
    return { frames: b.frames.length, start: b.recStart, end, maxGap, transforms: b.transforms.size };
  };
})();`;

interface BenchWindow {
  __bench: {
    marks: Record<string, { first: number; last: number }>;
    longTasks: [number, number][];
    drawnAt: number | null;
    firstNodeAt: number | null;
    hasCanvas: boolean;
    startRec: () => void;
    stopRec: () => { frames: number; start: number; end: number; maxGap: number; transforms: number };
  };
}

/** Main-thread time by kind (Chromium's Performance.getMetrics), ms. */
export interface MainThread {
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  /** All main-thread tasks. */
  taskMs: number;
}

/** Where a gesture's main-thread time went, from a CPU profile (`--profile`): self time by script and by function. */
export interface ProfileSummary {
  file: string;
  totalMs: number;
  byScript: { script: string; ms: number }[];
  byFunction: { fn: string; script: string; line: number; column: number; ms: number }[];
}

export interface Interaction {
  fps: number;
  mainThread: MainThread;
  profile?: ProfileSummary;
  /** The longest gap between two frames, ms. */
  worstFrameMs: number;
  /** Sum of (long task - 50 ms) that started inside the interaction. */
  blockingMs: number;
  /** How many distinct viewport transforms were drawn: near zero means the gesture did not move the graph. */
  transforms: number;
}

/** Where the time to "drawn" went, ms from navigation start; null when the stage never showed. */
export interface Phases {
  responseStart: number | null;
  responseEnd: number | null;
  domContentLoaded: number | null;
  /** First frame with the React Flow canvas in the DOM. */
  canvas: number | null;
  /** "Loading the graph…" (the canvas's JS chunk) first and last seen. */
  loadingFrom: number | null;
  loadingTo: number | null;
  /** "Laying out N resources…" (the layout worker) first and last seen. */
  layoutFrom: number | null;
  layoutTo: number | null;
  firstNode: number | null;
}

export interface BrowserRun {
  drawnMs: number;
  phases: Phases;
  /** Main-thread time from navigation to drawn. */
  mainThreadToDrawn: MainThread;
  firstNodeMs: number | null;
  /** Total blocking time from navigation to drawn. */
  tbtMs: number;
  heapBytes: number;
  domNodesDrawn: number;
  domEdgesDrawn: number;
  fitZoom: number;
  pan: Interaction | null;
  zoomOut: Interaction | null;
  /** A pan with the whole graph on screen (after the zoom-out). */
  overviewPan: Interaction | null;
  domNodesOverview: number;
  canvas: { x: number; y: number; width: number; height: number };
  /** Readable labels when drawn, at the zoom the page fitted the graph at (before any gesture). */
  labels: LabelCount;
}

export interface JsFile {
  url: string;
  bytes: number;
  gzipBytes: number;
  /** A dedicated worker's script (the layout worker), not main-thread JS. */
  worker: boolean;
}

export interface VariantResult {
  url: string;
  /** Why nothing was measured, when nothing was. */
  unavailable?: string;
  errors: string[];
  runs: BrowserRun[];
  drawnMs: Figure;
  tbtMs: Figure;
  panFps: Figure;
  zoomOutFps: Figure;
  overviewPanFps: Figure;
  heapBytes: Figure;
  domNodesDrawn: number | null;
  domNodesOverview: number | null;
  /** Readable labels at fit-to-screen, of the first measured run (the picture is the same in every run). */
  labels: LabelCount | null;
  js: { files: JsFile[]; gzipBytes: number; bytes: number; workerGzipBytes: number } | null;
  /** The extra visit of `--profile`, with a CPU profile summary per gesture. */
  profiled?: BrowserRun;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function blocking(longTasks: [number, number][], from: number, to: number): number {
  let sum = 0;
  for (const [start, duration] of longTasks) if (start >= from && start < to) sum += Math.max(0, duration - LONG_TASK_MS);
  return Math.round(sum);
}

async function zoomOf(page: Page): Promise<number> {
  const transform = await page.evaluate(() => (document.querySelector('.react-flow__viewport') as HTMLElement | null)?.style.transform ?? '');
  const m = /scale\(([-\d.e]+)\)/.exec(transform);
  return m ? Number(m[1]) : NaN;
}

async function canvasBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.locator('.react-flow').first().boundingBox();
  if (!box) throw new Error('no .react-flow canvas on the page');
  return box;
}

/** One wheel event of the size that multiplies the zoom by `factor` (React Flow: zoom *= 2^(-deltaY * 0.002)). */
function wheelDeltaFor(factor: number): number {
  return -Math.log2(factor) / 0.002;
}

type Metrics = Record<string, number>;

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const out = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(out.metrics.map((m) => [m.name, m.value]));
}

function mainThreadBetween(a: Metrics, b: Metrics): MainThread {
  const ms = (k: string) => Math.round(((b[k] ?? 0) - (a[k] ?? 0)) * 1000);
  return { scriptMs: ms('ScriptDuration'), layoutMs: ms('LayoutDuration'), styleMs: ms('RecalcStyleDuration'), taskMs: ms('TaskDuration') };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

function summarize(profile: CpuProfile, file: string): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const scripts = new Map<string, number>();
  const fns = new Map<string, { fn: string; script: string; line: number; column: number; ms: number }>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const cf = byId.get(id)?.callFrame;
    if (!cf) return;
    const script = cf.url ? cf.url.replace(/^https?:\/\/[^/]+/, '') : `(${cf.functionName || 'native'})`;
    if (cf.functionName === '(idle)') return;
    total += us;
    scripts.set(script, (scripts.get(script) ?? 0) + us);
    const key = `${script}:${cf.lineNumber}:${cf.columnNumber}:${cf.functionName}`;
    const f = fns.get(key) ?? { fn: cf.functionName || '(anonymous)', script, line: cf.lineNumber + 1, column: cf.columnNumber + 1, ms: 0 };
    f.ms += us;
    fns.set(key, f);
  });
  const ms = (us: number) => Math.round(us / 100) / 10;
  return {
    file,
    totalMs: ms(total),
    byScript: [...scripts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([script, us]) => ({ script, ms: ms(us) })),
    byFunction: [...fns.values()].sort((a, b) => b.ms - a.ms).slice(0, 15).map((f) => ({ ...f, ms: ms(f.ms) })),
  };
}

async function record<T>(page: Page, cdp: CDPSession, gesture: () => Promise<T>, profileTo?: string): Promise<Interaction> {
  const before = await metrics(cdp);
  if (profileTo) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await page.evaluate(() => (window as unknown as BenchWindow).__bench.startRec());
  await gesture();
  // One more frame so the last input is drawn.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  const rec = await page.evaluate(() => (window as unknown as BenchWindow).__bench.stopRec());
  const longTasks = await page.evaluate(() => (window as unknown as BenchWindow).__bench.longTasks);
  const after = await metrics(cdp);
  let profile: ProfileSummary | undefined;
  if (profileTo) {
    const out = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    mkdirSync(path.dirname(profileTo), { recursive: true });
    writeFileSync(profileTo, JSON.stringify(out.profile));
    profile = summarize(out.profile, profileTo);
  }
  const seconds = (rec.end - rec.start) / 1000;
  return {
    fps: Math.round((rec.frames / seconds) * 10) / 10,
    mainThread: mainThreadBetween(before, after),
    ...(profile ? { profile } : {}),
    worstFrameMs: Math.round(rec.maxGap),
    blockingMs: blocking(longTasks, rec.start, rec.end),
    transforms: rec.transforms,
  };
}

/**
 * Drags with the middle button: React Flow pans on a middle-button drag wherever it starts (a left drag on a
 * draggable node would move the node in the baseline), so both pages pan the same way.
 */
async function pan(page: Page, ms: number, span: number): Promise<void> {
  const box = await canvasBox(page);
  const y = box.y + box.height / 2;
  const x0 = box.x + box.width / 2 + span / 2;
  await page.mouse.move(x0, y);
  await page.mouse.down({ button: 'middle' });
  const t0 = Date.now();
  for (let el = 0; el < ms; el = Date.now() - t0) {
    const phase = el / ms;
    // Left by `span`, then back most of the way, with a little vertical wave.
    const dx = phase < 0.5 ? -span * (phase / 0.5) : -span + span * 0.8 * ((phase - 0.5) / 0.5);
    await page.mouse.move(x0 + dx, y + Math.sin(phase * Math.PI * 4) * 60);
    await sleep(8);
  }
  await page.mouse.up({ button: 'middle' });
}

/** Zooms (at the canvas centre) from the current zoom to `target` in even steps over `ms`. */
async function zoomTo(page: Page, target: number, ms: number): Promise<void> {
  const box = await canvasBox(page);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const from = await zoomOf(page);
  const total = wheelDeltaFor(target / from);
  if (ms <= 0) {
    await page.mouse.wheel(0, total);
    return;
  }
  let sent = 0;
  const t0 = Date.now();
  for (let el = 0; ; el = Date.now() - t0) {
    const want = total * Math.min(1, el / ms);
    const step = want - sent;
    if (Math.abs(step) >= 0.5) {
      await page.mouse.wheel(0, step);
      sent += step;
    }
    if (el >= ms) break;
    await sleep(8);
  }
}

export async function waitDrawn(page: Page, timeoutMs: number): Promise<{ drawnAt: number; firstNodeAt: number | null }> {
  const t0 = Date.now();
  for (;;) {
    const state = await page
      .evaluate(() => {
        const b = (window as unknown as Partial<BenchWindow>).__bench;
        return b
          ? { drawnAt: b.drawnAt, firstNodeAt: b.firstNodeAt, hasCanvas: b.hasCanvas, loaded: document.readyState === 'complete' }
          : null;
      })
      .catch(() => null);
    if (state?.drawnAt != null) return { drawnAt: state.drawnAt, firstNodeAt: state.firstNodeAt };
    const waited = Date.now() - t0;
    // A page that has loaded and still shows no canvas after a while has no graph to measure.
    if (state && state.loaded && !state.hasCanvas && waited > 20_000) {
      const loading = await page.locator('[data-testid="graph-loading"]').count();
      if (loading === 0) throw new NoGraphError('the page has no React Flow canvas');
    }
    if (waited > timeoutMs) throw new Error(`not drawn within ${Math.round(timeoutMs / 1000)} s`);
    await sleep(250);
  }
}

export class NoGraphError extends Error {}

/** One measured visit: navigation to drawn, heap, a pan at zoom 1, a zoom-out to the whole graph, an overview pan. */
async function visit(context: BrowserContext, url: string, timeoutMs: number, interact: boolean, profilePrefix?: string): Promise<BrowserRun> {
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  try {
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const start = await metrics(cdp);
    const response = await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    if (!response || response.status() >= 400) throw new Error(`HTTP ${response?.status() ?? 'no response'} for ${url}`);
    const { drawnAt, firstNodeAt } = await waitDrawn(page, timeoutMs);
    const atDrawn = await metrics(cdp);
    const longTasks = await page.evaluate(() => (window as unknown as BenchWindow).__bench.longTasks);
    // A string, not a function: tsx would wrap inner helpers in its `__name`, which the page lacks.
    const phases = (await page.evaluate(`(() => {
      const b = window.__bench;
      const nav = performance.getEntriesByType('navigation')[0];
      const r = (n) => (n === undefined || n === null || n <= 0 ? null : Math.round(n));
      return {
        responseStart: r(nav && nav.responseStart),
        responseEnd: r(nav && nav.responseEnd),
        domContentLoaded: r(nav && nav.domContentLoadedEventEnd),
        canvas: r(b.marks.canvas && b.marks.canvas.first),
        loadingFrom: r(b.marks.loading && b.marks.loading.first),
        loadingTo: r(b.marks.loading && b.marks.loading.last),
        layoutFrom: r(b.marks.layout && b.marks.layout.first),
        layoutTo: r(b.marks.layout && b.marks.layout.last),
        firstNode: r(b.firstNodeAt),
      };
    })()`)) as Phases;
    const counts = await page.evaluate(() => ({
      nodes: document.getElementsByClassName('react-flow__node').length,
      edges: document.getElementsByClassName('react-flow__edge').length,
    }));
    const fitZoom = await zoomOf(page);
    const labels = countLabels((await page.evaluate(NODE_TEXTS_SCRIPT)) as NodeText[]);
    const box = await canvasBox(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const run: BrowserRun = {
      drawnMs: Math.round(drawnAt),
      phases,
      mainThreadToDrawn: mainThreadBetween(start, atDrawn),
      firstNodeMs: firstNodeAt === null ? null : Math.round(firstNodeAt),
      tbtMs: blocking(longTasks, 0, drawnAt),
      heapBytes: heap.usedSize,
      domNodesDrawn: counts.nodes,
      domEdgesDrawn: counts.edges,
      fitZoom: Math.round(fitZoom * 1000) / 1000,
      pan: null,
      zoomOut: null,
      overviewPan: null,
      domNodesOverview: counts.nodes,
      canvas: { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) },
      labels,
    };
    if (!interact) return run;

    // A person scrolls the page so the whole canvas is on screen before using it.
    await page.locator('.react-flow').first().scrollIntoViewIfNeeded();
    // Zoom in to 100 % at the centre, where names are readable, and let the page settle (level of detail,
    // virtualisation), then pan for 3 s.
    await zoomTo(page, 1, 0);
    await sleep(1_500);
    run.pan = await record(page, cdp, () => pan(page, 3_000, 900), profilePrefix && `${profilePrefix}-pan.cpuprofile`);
    await sleep(500);
    // Zoom back out to the whole graph over 3 s, then pan with everything on screen for 2 s.
    run.zoomOut = await record(page, cdp, () => zoomTo(page, fitZoom, 3_000), profilePrefix && `${profilePrefix}-zoom-out.cpuprofile`);
    await sleep(1_000);
    run.domNodesOverview = await page.evaluate(() => document.getElementsByClassName('react-flow__node').length);
    run.overviewPan = await record(page, cdp, () => pan(page, 2_000, 300), profilePrefix && `${profilePrefix}-overview-pan.cpuprofile`);
    return run;
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close().catch(() => undefined);
  }
}

/** The JS a page requested (main thread and workers), each file gzipped as `gzip -c` would (level 6). */
async function jsOf(context: BrowserContext, url: string, timeoutMs: number): Promise<VariantResult['js']> {
  const page = await context.newPage();
  const files = new Map<string, JsFile>();
  const workers = new Set<string>();
  const pending: Promise<void>[] = [];
  page.on('worker', (w) => workers.add(w.url()));
  context.on('response', (res) => {
    const u = res.url();
    const isJs = res.request().resourceType() === 'script' || /\.m?js(\?|$)/.test(new URL(u).pathname);
    if (!isJs || files.has(u) || res.status() >= 400) return;
    pending.push(
      res
        .body()
        .then((body) => {
          files.set(u, { url: new URL(u).pathname, bytes: body.length, gzipBytes: gzipSync(body, { level: 6 }).length, worker: false });
        })
        .catch(() => undefined),
    );
  });
  // What the document itself fetched is in its Resource Timing; what a dedicated worker fetched (its
  // script's importScripts) is only in the worker's. So JS missing from the page's list came from a worker.
  let fromDocument = new Set<string>();
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    await waitDrawn(page, timeoutMs);
    await sleep(1_000);
    await Promise.all(pending);
    fromDocument = new Set(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)));
  } finally {
    await page.close().catch(() => undefined);
  }
  const list = [...files.entries()]
    .map(([u, f]) => ({ ...f, worker: workers.has(u) || !fromDocument.has(u) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    files: list,
    bytes: list.reduce((n, f) => n + f.bytes, 0),
    gzipBytes: list.reduce((n, f) => n + f.gzipBytes, 0),
    workerGzipBytes: list.filter((f) => f.worker).reduce((n, f) => n + f.gzipBytes, 0),
  };
}

export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, colorScheme: 'light' });
  await context.addInitScript(INSTRUMENT);
  return context;
}

/** A variant with nothing measured yet. */
export function emptyVariant(url: string): VariantResult {
  return {
    url,
    errors: [],
    runs: [],
    drawnMs: figure([]),
    tbtMs: figure([]),
    panFps: figure([]),
    zoomOutFps: figure([]),
    overviewPanFps: figure([]),
    heapBytes: figure([]),
    domNodesDrawn: null,
    domNodesOverview: null,
    labels: null,
    js: null,
  };
}

/** Warm-up visit (not counted), the JS inventory, then `runs` measured visits, each in a fresh context. */
export async function benchVariant(
  browser: Browser,
  url: string,
  runs: number,
  timeoutMs: number,
  log: (s: string) => void,
  /** With `--profile`: CPU-profile the gestures of one extra, unmeasured visit; files start with this path. */
  profilePrefix?: string,
): Promise<VariantResult> {
  const result = emptyVariant(url);
  const inContext = async <T>(fn: (c: BrowserContext) => Promise<T>): Promise<T> => {
    const context = await newContext(browser);
    try {
      return await fn(context);
    } finally {
      await context.close().catch(() => undefined);
    }
  };
  try {
    // Warm the server (first compile of the route, fixture read) and the layout cache of the server page.
    await inContext((c) => visit(c, url, timeoutMs, false));
    result.js = await inContext((c) => jsOf(c, url, timeoutMs));
  } catch (err) {
    result.unavailable = err instanceof NoGraphError ? err.message : `warm-up failed: ${(err as Error).message}`;
    log(`  ${url}: ${result.unavailable}`);
    return result;
  }
  for (let i = 0; i < runs; i++) {
    try {
      const run = await inContext((c) => visit(c, url, timeoutMs, true));
      result.runs.push(run);
      log(
        `  run ${i + 1}/${runs}: drawn ${run.drawnMs} ms, TBT ${run.tbtMs} ms, pan ${run.pan?.fps} fps, ` +
          `zoom-out ${run.zoomOut?.fps} fps, overview ${run.overviewPan?.fps} fps, heap ${(run.heapBytes / 1e6).toFixed(1)} MB, ` +
          `${run.domNodesDrawn} nodes in DOM, ${run.labels.labelled} of ${run.labels.nodes} on screen labelled`,
      );
    } catch (err) {
      result.errors.push((err as Error).message);
      log(`  run ${i + 1}/${runs}: failed: ${(err as Error).message}`);
    }
  }
  if (profilePrefix) {
    // Profiling slows the page: its own visit, kept out of the medians.
    try {
      result.profiled = await inContext((c) => visit(c, url, timeoutMs, true, profilePrefix));
    } catch (err) {
      result.errors.push(`profiled visit: ${(err as Error).message}`);
    }
  }
  const valid = (i: Interaction | null) => (i && i.transforms >= 3 ? i.fps : null);
  result.drawnMs = figure(result.runs.map((r) => r.drawnMs));
  result.tbtMs = figure(result.runs.map((r) => r.tbtMs));
  result.panFps = figure(result.runs.map((r) => valid(r.pan)));
  result.zoomOutFps = figure(result.runs.map((r) => valid(r.zoomOut)));
  result.overviewPanFps = figure(result.runs.map((r) => valid(r.overviewPan)));
  result.heapBytes = figure(result.runs.map((r) => r.heapBytes));
  result.domNodesDrawn = result.runs[0]?.domNodesDrawn ?? null;
  result.domNodesOverview = result.runs[0]?.domNodesOverview ?? null;
  result.labels = result.runs[0]?.labels ?? null;
  return result;
}
