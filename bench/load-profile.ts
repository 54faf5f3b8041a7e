/**
 * npx tsx bench/load-profile.ts [-- --size S --runs 5 --out bench/out/load]
 *
 * Where a graph page's main thread goes from navigation to "drawn" (the bench's definition), for our page and
 * the naive React Flow page (`/bench/naive`): each visit is traced (Chromium's `Tracing`, with the V8 sampling
 * profiler), and the renderer's main thread is summed: every task, the long ones (over 50 ms, the TBT
 * definition), and the sampled functions in them by script. Counting main-thread time this way is far less
 * noisy on a shared machine than the wall-clock "drawn" figure; compare builds by it. Needs a production build
 * (NEXT_DIST_DIR, default .next). Writes each trace (open it in Chrome's Performance panel) and a JSON summary.
 */
import '../scripts/allow-server-only';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, CDPSession } from '@playwright/test';
import { integerIn, oneOf, parseOptions, readCommandLine, UsageError } from '../scripts/lib/args';
import { SIZES, writeSynth } from '../scripts/lib/synth';
import { startAppServer } from './lib/app-server';
import { newContext, waitDrawn } from './lib/browser-phase';
import { installCleanup, stop, stopAll } from './lib/procs';
import { sourceMapResolver, summarizeTrace, type LoadSummary, type TraceEvent } from './lib/trace';

const ROOT = path.resolve(__dirname, '..');
const DIST_DIR = process.env.NEXT_DIST_DIR || '.next';
const CHROMIUM = process.env.ATLAS_CHROMIUM ?? '/usr/bin/chromium';
const REGION = 'us-east-1';

const USAGE = `Usage: npx tsx bench/load-profile.ts [options]
  --size <S|M|L|XL>  the synthetic account (default S; S and L open the VPC page, M and XL the region graph)
  --runs <n>         traced visits per page, after one untraced warm-up (default 5)
  --only <ours|naive> trace one of the two pages
  --out <dir>        where the traces and summary.json go (default bench/out/load)
  --top <n>          functions listed per page (default 25)
  --source-maps      name functions by their source (needs a build with ATLAS_SOURCE_MAPS=1)`;

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'toplevel',
  'blink.user_timing',
  'v8.execute',
  'v8',
  'disabled-by-default-v8.cpu_profiler',
  'loading',
  ...(process.env.ATLAS_TRACE_CATEGORIES ? process.env.ATLAS_TRACE_CATEGORIES.split(',') : []),
].join(',');

async function traceVisit(browser: Browser, url: string, file: string | null): Promise<{ events: TraceEvent[]; drawnAt: number }> {
  const context = await newContext(browser);
  const browserCdp: CDPSession = await browser.newBrowserCDPSession();
  try {
    const page = await context.newPage();
    const events: TraceEvent[] = [];
    browserCdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const done = new Promise<void>((resolve) => browserCdp.once('Tracing.tracingComplete', () => resolve()));
    await browserCdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES.split(','), recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
    await page.goto(url, { waitUntil: 'commit' });
    const { drawnAt } = await waitDrawn(page, 120_000);
    await browserCdp.send('Tracing.end');
    await done;
    if (file) writeFileSync(file, JSON.stringify({ traceEvents: events, metadata: { drawnAt } }));
    return { events, drawnAt };
  } finally {
    await browserCdp.detach().catch(() => undefined);
    await context.close().catch(() => undefined);
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function report(name: string, runs: LoadSummary[], top: number): string {
  const m = (f: (s: LoadSummary) => number) => Math.round(median(runs.map(f)));
  const lines = [
    `## ${name} (${runs.length} runs; medians)`,
    `drawn ${m((s) => s.drawnMs)} ms (response ${m((s) => s.responseMs ?? NaN)} ms, its end ${m((s) => s.responseEndMs ?? NaN)} ms); main thread busy ${m((s) => s.busyMs)} ms to drawn, of which script ${m((s) => s.scriptMs)} ms (compile ${m((s) => s.compileMs)}), ` +
      `style ${m((s) => s.styleMs)}, layout ${m((s) => s.layoutMs)}, paint ${m((s) => s.paintMs)}, GC ${m((s) => s.gcMs)}; ` +
      `long tasks ${m((s) => s.longTasks.length)}, blocking ${m((s) => s.blockingMs)} ms`,
    `by CPU time: busy ${m((s) => s.cpuBusyMs)} ms, blocking ${m((s) => s.cpuBlockingMs)} ms`,
    `each run: ${runs.map((s) => `busy ${s.busyMs} (CPU ${s.cpuBusyMs}), script ${s.scriptMs}, blocking ${s.blockingMs} (CPU ${s.cpuBlockingMs})`).join(' | ')}`,
    '',
    'Long tasks of the first run (start ms from navigation, duration, what ran):',
    ...runs[0]!.longTasks.map((t) => `  ${t.startMs} +${t.durationMs} ms (CPU ${t.cpuMs}): ${t.what}`),
    '',
    'Sampled self time to drawn by script (ms, median):',
  ];
  const scripts = new Map<string, number[]>();
  for (const r of runs) for (const [s, ms] of Object.entries(r.byScript)) (scripts.get(s) ?? scripts.set(s, []).get(s)!).push(ms);
  for (const [s, xs] of [...scripts.entries()].sort((a, b) => median(b[1]) - median(a[1])).slice(0, 15)) lines.push(`  ${median(xs).toFixed(1).padStart(7)}  ${s}`);
  lines.push('', `Sampled self time by function, first run (top ${top}):`);
  for (const f of runs[0]!.byFunction.slice(0, top)) lines.push(`  ${f.ms.toFixed(1).padStart(7)}  ${f.fn}  ${f.script}:${f.line}:${f.column}`);
  lines.push('', 'Inclusive sampled time by top-level function of the first run (what a long task was doing):');
  for (const f of runs[0]!.byEntry.slice(0, top)) lines.push(`  ${f.ms.toFixed(1).padStart(7)}  ${f.fn}  ${f.script}:${f.line}:${f.column}`);
  return lines.join('\n');
}

async function main() {
  const opts = readCommandLine('load-profile', USAGE, process.argv.slice(2), (argv) => {
    const v = parseOptions(argv, { size: { type: 'string' }, runs: { type: 'string' }, only: { type: 'string' }, out: { type: 'string' }, top: { type: 'string' }, 'source-maps': { type: 'boolean' } });
    if (v.only !== undefined && v.only !== 'ours' && v.only !== 'naive') throw new UsageError(`--only "${v.only}" is not ours or naive.`);
    return {
      size: oneOf('--size', v.size ?? 'S', SIZES),
      runs: integerIn('--runs', v.runs ?? '5', 1, 50),
      only: (v.only ?? null) as 'ours' | 'naive' | null,
      out: path.resolve(v.out ?? path.join(ROOT, 'bench', 'out', 'load')),
      top: integerIn('--top', v.top ?? '25', 1, 500),
      sourceMaps: !!v['source-maps'],
    };
  });
  if (!existsSync(path.join(ROOT, DIST_DIR, 'BUILD_ID'))) throw new Error(`${DIST_DIR} has no build: run next build first (or set NEXT_DIST_DIR)`);
  installCleanup();
  mkdirSync(opts.out, { recursive: true });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'vpc-atlas-load-'));
  const { chromium } = await import('@playwright/test');
  const resolve = opts.sourceMaps ? await sourceMapResolver(path.join(ROOT, DIST_DIR)) : undefined;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'], headless: true });
  try {
    const b = writeSynth({ size: opts.size, seed: 1, region: REGION }, path.join(tmp, 'fx'));
    const vpcId = b.vpcs[0]!.id;
    const { server, base } = await startAppServer({ name: 'next', root: ROOT, distDir: DIST_DIR, fixtureDir: path.join(tmp, 'fx'), dataDir: path.join(tmp, 'data'), env: { ATLAS_BENCH: '1' }, timeoutMs: 120_000 });
    try {
      const vpcPage = opts.size === 'S' || opts.size === 'L';
      const pages = {
        ours: vpcPage ? `${base}/vpcs/${vpcId}?region=${REGION}` : `${base}/?region=${REGION}&view=graph`,
        naive: `${base}/bench/naive?region=${REGION}${vpcPage ? `&vpc=${vpcId}` : ''}`,
      };
      const out: Record<string, LoadSummary[]> = {};
      const texts: string[] = [`load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}`];
      for (const [name, url] of Object.entries(pages)) {
        if (opts.only && opts.only !== name) continue;
        process.stderr.write(`${name}: ${url}\n`);
        await traceVisit(browser, url, null);
        const runs: LoadSummary[] = [];
        for (let i = 0; i < opts.runs; i++) {
          const file = path.join(opts.out, `${opts.size}-${name}-${i + 1}.json`);
          const { events, drawnAt } = await traceVisit(browser, url, i === 0 ? file : null);
          const s = summarizeTrace(events, drawnAt, resolve);
          process.stderr.write(`  run ${i + 1}: drawn ${s.drawnMs} ms, response ${s.responseMs}-${s.responseEndMs} ms, busy ${s.busyMs} ms (CPU ${s.cpuBusyMs}), script ${s.scriptMs} ms, blocking ${s.blockingMs} ms (CPU ${s.cpuBlockingMs})\n`);
          runs.push(s);
        }
        out[name] = runs;
        texts.push(report(`${opts.size} ${name}`, runs, opts.top));
      }
      texts.push(`load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}`);
      writeFileSync(path.join(opts.out, `${opts.size}-summary.json`), `${JSON.stringify(out, null, 2)}\n`);
      process.stdout.write(`${texts.join('\n\n')}\n`);
    } finally {
      await stop(server);
    }
  } finally {
    await browser.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch(async (err: unknown) => {
  process.stderr.write(`load-profile: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  await stopAll();
  process.exit(1);
});
