/**
 * The fleet's figures (issue 17): a synthetic organization (`fixtures:synth --fleet 100x3`) served from
 * fixtures by a production build, opened at /fleet in Chromium on a fresh server, so the page's request starts
 * the first pass over every account-region.
 *
 *   first row     navigation start -> the first row with a finished load painted in the page's table, timed
 *                 in the page (performance.now() at the frame after the row entered the document); "seen by
 *                 Playwright" beside it is the same moment as this script's locator notices it, which on a busy
 *                 machine adds Playwright's own polling and round trips (hundreds of ms, page scripts or not)
 *   whole fleet   navigation start -> the page says every account-region has loaded
 *   refresh       GET /api/fleet?refresh=1 -> the API's pass has finished (every region read again)
 *   peak memory   the server's process tree, sampled every 100 ms, and its kernel peak (VmHWM)
 *   interactive   while the pass runs: choosing a severity filter -> the URL and the table follow, and the
 *                 longest main-thread task (Long Tasks API) during the pass
 *   polls         the page's requests to /api/fleet during the pass and the JSON they carried
 *   page size     the /fleet document's HTML (and the React flight data inline in it: the props of its client
 *                 part), and the JavaScript it loads (decoded, and gzip as served)
 *
 * `npm run bench:fleet [-- --fleet 100x3 --seed 1 --no-build]` runs it alone; `npm run bench` calls
 * `benchFleet` once. Targets: first row within 1 s, 300 account-regions within 10 s, memory under 1 GB.
 */
import '../scripts/allow-server-only';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { integerIn, parseOptions, readCommandLine, seed as seedOf, UsageError } from '../scripts/lib/args';
import { writeFleet } from '../scripts/lib/synth-fleet';
import { startAppServer } from './lib/app-server';
import { descendants, installCleanup, memoryOf, stop, stopAll } from './lib/procs';

const ROOT = path.resolve(__dirname, '..');
const MB = 1024 * 1024;

export interface FleetBenchOptions {
  browser: Browser;
  /** The production build to serve (NEXT_DIST_DIR). */
  distDir: string;
  accounts: number;
  regions: number;
  seed: number;
  log: (s: string) => void;
  timeoutMs?: number;
}

export interface FleetBenchResult {
  accounts: number;
  accountRegions: number;
  firstRowMs: number;
  /** The same row as Playwright's locator first saw it, timed from this script (includes Playwright's polling). */
  firstRowSeenMs: number;
  wholeFleetMs: number;
  refreshMs: number;
  peakServerRssBytes: number;
  /** Choosing a severity while the pass ran: until the URL had it and the table showed only matching rows. */
  filterWhileLoadingMs: number | null;
  /** Rows still loading when the filter was chosen (0: the pass had already finished, the figure says nothing). */
  loadingWhenFiltered: number;
  longestTaskWhileLoadingMs: number;
  /** The page's requests to /api/fleet during the pass, and the JSON they carried (decoded). */
  polls: number;
  pollBytes: number;
  htmlBytes: number;
  /** Of the HTML, the `self.__next_f.push(...)` scripts: the React flight data the page hydrates from. */
  flightBytes: number;
  jsBytes: number;
  jsGzipBytes: number;
  targets: { name: string; target: string; actual: string; met: boolean }[];
}

function rssOfTree(root: number): { rss: number; hwm: number } {
  const mems = [root, ...descendants(root)].map(memoryOf).filter((m): m is NonNullable<typeof m> => m !== null);
  return { rss: mems.reduce((n, m) => n + m.rss, 0), hwm: mems.reduce((n, m) => n + m.hwm, 0) };
}

/** Serves a fresh synthetic fleet and measures it; see the header. Stops its server however it ends. */
export async function benchFleet(o: FleetBenchOptions): Promise<FleetBenchResult> {
  const timeoutMs = o.timeoutMs ?? 120_000;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'vpc-atlas-bench-fleet-'));
  try {
    const t0 = performance.now();
    const plans = writeFleet({ accounts: o.accounts, regions: o.regions, seed: o.seed, broken: 0 }, path.join(tmp, 'fleet'));
    const total = plans.reduce((n, p) => n + p.regions.length, 0);
    o.log(`fleet: wrote ${plans.length} accounts x ${o.regions} regions in ${Math.round(performance.now() - t0)} ms`);
    const { server, base } = await startAppServer({
      name: 'next fleet',
      root: ROOT,
      distDir: o.distDir,
      fixtureDir: path.join(tmp, 'fleet'),
      dataDir: path.join(tmp, 'data'),
      env: { ATLAS_LOG_LEVEL: 'warn' },
      timeoutMs,
    });
    // Sampled from the first request on; the kernel's peak (VmHWM, read at the end) covers the start too.
    let peak = 0;
    const sampler = setInterval(() => {
      if (server.child.pid) peak = Math.max(peak, rssOfTree(server.child.pid).rss);
    }, 100);
    try {
      const page = await o.browser.newPage({ viewport: { width: 1440, height: 900 } });
      const scripts = new Map<string, Buffer>();
      const polls = { count: 0, bytes: 0 };
      page.on('response', (res) => {
        if (res.request().resourceType() === 'script' && res.url().startsWith(base)) {
          void res.body().then((b) => scripts.set(res.url(), b), () => undefined);
        }
        if (res.url().startsWith(`${base}/api/fleet`)) {
          polls.count += 1;
          void res.body().then((b) => (polls.bytes += b.byteLength), () => undefined);
        }
      });
      await page.addInitScript(() => {
        const w = window as unknown as { __longest: number; __firstRowPainted: number | null };
        w.__longest = 0;
        w.__firstRowPainted = null;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
        }).observe({ type: 'longtask', buffered: true });
        // The first loaded row: when it enters the document (parsed from the first HTML or rendered by React), then
        // the frame that paints it (a task queued from requestAnimationFrame runs after that frame's paint).
        const seen = new MutationObserver(() => {
          if (!document.querySelector('[data-testid="fleet-row"]:not([data-state="loading"])')) return;
          seen.disconnect();
          requestAnimationFrame(() => setTimeout(() => (w.__firstRowPainted = performance.now()), 0));
        });
        seen.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-state'] });
      });
      const nav = performance.now();
      const response = await page.goto(`${base}/fleet`, { waitUntil: 'commit', timeout: timeoutMs });
      const body = (await response?.body()) ?? Buffer.alloc(0);
      const html = body.byteLength;
      const flightBytes = [...body.toString('utf8').matchAll(/<script[^>]*>self\.__next_f\.push\([\s\S]*?<\/script>/g)].reduce((n, m) => n + Buffer.byteLength(m[0]), 0);
      await page.locator('[data-testid="fleet-row"]:not([data-state="loading"])').first().waitFor({ timeout: timeoutMs });
      const firstRowSeenMs = performance.now() - nav;
      const firstRowMs = await page
        .waitForFunction(() => (window as unknown as { __firstRowPainted: number | null }).__firstRowPainted, null, { timeout: timeoutMs })
        .then((h) => h.jsonValue() as Promise<number>);

      // Interactive while loading: a filter chosen now is applied at once, however many rows are still loading.
      const loadingWhenFiltered = await page.locator('[data-testid="fleet-row"][data-state="loading"]').count();
      const f0 = performance.now();
      await page.getByTestId('filter-severity').selectOption('high');
      await page.waitForURL(/severity=high/, { timeout: timeoutMs });
      await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="fleet-row"]')].every((r) => r.querySelector('[data-severity="high"]')), null, { timeout: timeoutMs });
      const filterWhileLoadingMs = performance.now() - f0;

      await page.getByTestId('fleet-progress-text').filter({ hasText: `${total.toLocaleString('en-US')} account-regions loaded` }).waitFor({ timeout: timeoutMs });
      const wholeFleetMs = performance.now() - nav;
      const longestTaskWhileLoadingMs = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
      await page.close();

      const r0 = performance.now();
      const refreshed = await fetch(`${base}/api/fleet?refresh=1`).then((r) => r.json() as Promise<{ finishedAt: string | null }>);
      if (refreshed.finishedAt !== null) throw new Error('GET /api/fleet?refresh=1 did not start a pass');
      const done = await fetch(`${base}/api/fleet?wait=1`).then((r) => r.json() as Promise<{ done: number; total: number }>);
      const refreshMs = performance.now() - r0;
      if (done.done !== total) throw new Error(`the refresh finished ${done.done} of ${total} account-regions`);
      if (server.child.pid) peak = Math.max(peak, rssOfTree(server.child.pid).hwm);

      const js = [...scripts.values()];
      const jsBytes = js.reduce((n, b) => n + b.byteLength, 0);
      const jsGzipBytes = js.reduce((n, b) => n + gzipSync(b).byteLength, 0);
      const r = (x: number) => Math.round(x);
      const targets = [
        { name: 'first row', target: '≤ 1000 ms', actual: `${r(firstRowMs)} ms`, met: firstRowMs <= 1000 },
        { name: `${total} account-regions`, target: '≤ 10000 ms', actual: `${r(wholeFleetMs)} ms`, met: wholeFleetMs <= 10_000 },
        { name: 'server memory', target: '< 1024 MB', actual: `${r(peak / MB)} MB`, met: peak < 1024 * MB },
        {
          name: 'interactive while loading',
          target: 'filter applied while rows load',
          actual: `${r(filterWhileLoadingMs)} ms with ${loadingWhenFiltered} rows loading`,
          met: loadingWhenFiltered > 0 && filterWhileLoadingMs < 1000,
        },
      ];
      return {
        accounts: plans.length,
        accountRegions: total,
        firstRowMs: r(firstRowMs),
        firstRowSeenMs: r(firstRowSeenMs),
        wholeFleetMs: r(wholeFleetMs),
        refreshMs: r(refreshMs),
        peakServerRssBytes: peak,
        filterWhileLoadingMs: r(filterWhileLoadingMs),
        loadingWhenFiltered,
        longestTaskWhileLoadingMs: r(longestTaskWhileLoadingMs),
        polls: polls.count,
        pollBytes: polls.bytes,
        htmlBytes: html,
        flightBytes,
        jsBytes,
        jsGzipBytes,
        targets,
      };
    } catch (err) {
      o.log(server.log());
      throw err;
    } finally {
      clearInterval(sampler);
      await stop(server);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The fleet's figures as a Markdown table. */
export function fleetMarkdown(f: FleetBenchResult): string {
  const kb = (b: number) => `${(b / 1024).toFixed(0)} kB`;
  const lines = [
    `### Fleet: ${f.accounts} accounts, ${f.accountRegions} account-regions (fixtures)`,
    '',
    '| Figure | Value |',
    '| --- | --- |',
    `| Time to first row (painted, timed in the page) | ${f.firstRowMs} ms |`,
    `| Time to first row (seen by Playwright) | ${f.firstRowSeenMs} ms |`,
    `| Time to the whole fleet | ${f.wholeFleetMs} ms |`,
    `| Refresh (API, every region read again) | ${f.refreshMs} ms |`,
    `| Peak server memory (process tree) | ${Math.round(f.peakServerRssBytes / MB)} MB |`,
    `| Severity filter while loading | ${f.filterWhileLoadingMs} ms (${f.loadingWhenFiltered} rows loading) |`,
    `| Longest main-thread task while loading | ${f.longestTaskWhileLoadingMs} ms |`,
    `| Polls of /api/fleet during the pass (JSON carried) | ${f.polls} (${kb(f.pollBytes)}) |`,
    `| /fleet HTML (first response) | ${kb(f.htmlBytes)} (flight data ${kb(f.flightBytes)}) |`,
    `| /fleet JavaScript | ${kb(f.jsBytes)} (${kb(f.jsGzipBytes)} gzip) |`,
    '',
    '| Target | Wanted | Measured | Met |',
    '| --- | --- | --- | --- |',
    ...f.targets.map((t) => `| ${t.name} | ${t.target} | ${t.actual} | ${t.met ? 'yes' : '**no**'} |`),
  ];
  return lines.join('\n');
}

const USAGE = `Usage: npm run bench:fleet -- [--fleet <accounts>x<regions>] [--seed <n>] [--dist-dir <dir>] [--out <file>]

Serves a synthetic fleet (default 100x3) from the production build in --dist-dir (default .next-bench, what
npm run bench builds; or .next after npm run build) and measures the fleet page. Writes bench/fleet-results.json.
`;

async function main() {
  const opts = readCommandLine('bench:fleet', USAGE, process.argv.slice(2), (argv) => {
    const v = parseOptions(argv, { fleet: { type: 'string' }, seed: { type: 'string' }, 'dist-dir': { type: 'string' }, out: { type: 'string' } });
    if (v.help) return null;
    const m = /^(\d+)x(\d+)$/.exec(v.fleet ?? '100x3');
    if (!m) throw new UsageError(`--fleet "${v.fleet}" is not <accounts>x<regions>, e.g. 100x3.`);
    return {
      accounts: integerIn('--fleet accounts', m[1] as string, 1, 1000),
      regions: integerIn('--fleet regions', m[2] as string, 1, 8),
      seed: seedOf(v.seed ?? '1'),
      distDir: v['dist-dir'] ?? process.env.NEXT_DIST_DIR ?? '.next-bench',
      out: path.resolve(v.out ?? path.join(ROOT, 'bench', 'fleet-results.json')),
    };
  });
  if (!existsSync(path.join(ROOT, opts.distDir, 'BUILD_ID'))) {
    throw new Error(`${opts.distDir} has no production build: run npm run bench once, or npm run build and --dist-dir .next`);
  }
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: process.env.ATLAS_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'], headless: true });
  installCleanup(() => browser.close());
  try {
    const log = (s: string) => process.stderr.write(`${s}\n`);
    const result = await benchFleet({ browser, distDir: opts.distDir, accounts: opts.accounts, regions: opts.regions, seed: opts.seed, log });
    const table = fleetMarkdown(result);
    const machine = `${os.cpus().length} x ${os.cpus()[0]?.model.trim() ?? 'cpu'}, load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}`;
    writeFileSync(opts.out, `${JSON.stringify({ generatedAt: new Date().toISOString(), machine, ...result, markdown: table }, null, 2)}\n`);
    process.stdout.write(`${table}\n\n${machine}\nWrote ${path.relative(process.cwd(), opts.out)}\n`);
  } finally {
    await browser.close();
    await stopAll();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  main().catch(async (err: unknown) => {
    process.stderr.write(`bench:fleet: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    await stopAll();
    process.exit(1);
  });
}
