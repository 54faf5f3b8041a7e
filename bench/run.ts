/**
 * npm run bench [-- --sizes S,M,L,XL --runs 5 --seed 1 --skip-live --skip-browser --build|--no-build]
 *
 * Measures issue 8's figures for synthetic accounts of each size and writes bench/results.json plus a
 * Markdown table on stdout. What each figure means: bench/README.md. Every server and moto it starts is
 * stopped when it ends, also on failure or Ctrl-C.
 */
// Must stay the first import: lets the lib modules' `import 'server-only'` load outside Next.
import '../scripts/allow-server-only';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { integerIn, oneOf, parseOptions, readCommandLine, regionName, seed, UsageError } from '../scripts/lib/args';
import { SIZES, countsOf, writeSynth, type Size } from '../scripts/lib/synth';
import { benchVariant } from './lib/browser-phase';
import { benchFleet, fleetMarkdown, type FleetBenchResult } from './fleet';
import { benchLive } from './lib/live-phase';
import { startAppServer } from './lib/app-server';
import { descendants, installCleanup, memoryOf, run, stop, stopAll } from './lib/procs';
import { checkIssue21, checkTargets, markdown, type SizeResult } from './lib/report';
import { figure, since, type Figure } from './lib/stats';
import { benchServer, type View } from './lib/server-phase';
import { benchMetrics, checkMetrics, writeBenchMetrics } from './lib/metrics-phase';

const ROOT = path.resolve(__dirname, '..');
// NEXT_DIST_DIR picks another build folder, so that a bench does not rebuild under another build's feet
// (several people or sessions building in one checkout).
const DIST_DIR = process.env.NEXT_DIST_DIR || '.next-bench';
const CHROMIUM = process.env.ATLAS_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const USAGE = `Usage: npm run bench -- [options]

  --sizes <list>     comma-separated sizes, from S,M,L,XL (default all four)
  --runs <n>         measured runs per figure, each figure is the median (default 5)
  --seed <n>         seed of the synthetic accounts (default 1)
  --region <region>  default us-east-1
  --skip-live        no moto, no live figures
  --skip-browser     no build, no Next server, no Chromium (and no fleet)
  --skip-fleet       no fleet figures (bench/fleet.ts: 100 accounts x 3 regions)
  --build            always rebuild ${DIST_DIR} (default: rebuild when sources are newer than it)
  --no-build         never rebuild; fail if ${DIST_DIR} has no build
  --timeout <s>      how long one page may take to draw before the run fails (default 120)
  --out <file>       where the JSON goes (default bench/results.json)
  --baseline <file>  results to compare L and XL against (default: the --out file before this run)
  --keep             keep the temporary fixture directory
  --profile          one extra, unmeasured visit per page with a CPU profile of each gesture,
                     written to bench/out/*.cpuprofile and summarised in the JSON
`;

/** The bench's options; null when help was asked for. Throws a UsageError naming the option that is wrong. */
function parseBenchArgs(argv: string[]) {
  const v = parseOptions(argv, {
    sizes: { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string' },
    region: { type: 'string' },
    'skip-live': { type: 'boolean' },
    'skip-browser': { type: 'boolean' },
    'skip-fleet': { type: 'boolean' },
    build: { type: 'boolean' },
    'no-build': { type: 'boolean' },
    timeout: { type: 'string' },
    out: { type: 'string' },
    baseline: { type: 'string' },
    keep: { type: 'boolean' },
    profile: { type: 'boolean' },
  });
  if (v.help) return null;
  const sizes = (v.sizes ?? SIZES.join(',')).split(',').map((s) => s.trim()).filter(Boolean).map((s) => oneOf('--sizes', s, SIZES));
  if (sizes.length === 0) throw new UsageError('--sizes is empty.');
  const timeout = Number(v.timeout ?? '120');
  if (!Number.isFinite(timeout) || timeout < 5) throw new UsageError('--timeout must be a number of seconds, at least 5.');
  if (v.build && v['no-build']) throw new UsageError('--build and --no-build contradict each other.');
  return {
    sizes: SIZES.filter((s) => sizes.includes(s)),
    runs: integerIn('--runs', v.runs ?? '5', 1, 50),
    seed: seed(v.seed ?? '1'),
    region: regionName(v.region ?? 'us-east-1'),
    skipLive: !!v['skip-live'],
    skipBrowser: !!v['skip-browser'],
    skipFleet: !!v['skip-fleet'],
    build: v.build ? ('always' as const) : v['no-build'] ? ('never' as const) : ('auto' as const),
    timeoutMs: timeout * 1000,
    out: path.resolve(v.out ?? path.join(ROOT, 'bench', 'results.json')),
    baseline: v.baseline ? path.resolve(v.baseline) : null,
    keep: !!v.keep,
    profile: !!v.profile,
  };
}

const log = (s: string) => process.stderr.write(`${s}\n`);

/** The newest modification time under the build inputs (as scripts/start.mjs decides staleness). */
function newest(p: string): number {
  if (!existsSync(p) || /\.test\.tsx?$/.test(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const name of readdirSync(p)) m = Math.max(m, newest(path.join(p, name)));
  return m;
}

function buildIsStale(): boolean {
  const buildId = path.join(ROOT, DIST_DIR, 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const inputs = ['app', 'components', 'lib', 'public', 'package-lock.json', 'next.config.js', 'instrumentation.ts', 'proxy.ts', 'postcss.config.mjs'];
  const built = statSync(buildId).mtimeMs;
  return inputs.some((p) => newest(path.join(ROOT, p)) > built);
}

/**
 * `next build` adds `<distDir>/types/**` to tsconfig.json's include. The bench's own build dir is
 * throw-away, so that line is taken out again (nothing else in the file is touched).
 */
function dropBenchTypesFromTsconfig(): void {
  const file = path.join(ROOT, 'tsconfig.json');
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as { include?: string[] };
    const include = json.include ?? [];
    const kept = include.filter((p) => !p.startsWith(`${DIST_DIR}/`));
    if (kept.length === include.length) return;
    json.include = kept;
    writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  } catch {
    // Unparseable (comments): leave it alone.
  }
}

async function buildApp(mode: 'always' | 'never' | 'auto'): Promise<void> {
  const stale = buildIsStale();
  if (mode === 'never') {
    if (!existsSync(path.join(ROOT, DIST_DIR, 'BUILD_ID'))) throw new Error(`--no-build, but ${DIST_DIR} has no build`);
    if (stale) log(`bench: warning: ${DIST_DIR} is older than the sources (--no-build)`);
    return;
  }
  if (mode === 'auto' && !stale) {
    log(`bench: reusing the build in ${DIST_DIR}`);
    return;
  }
  log(`bench: building into ${DIST_DIR} (ATLAS_BENCH=1)…`);
  const t = Date.now();
  try {
    await run('next build', process.execPath, [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
      cwd: ROOT,
      env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, ATLAS_BENCH: '1', NEXT_TELEMETRY_DISABLED: '1' },
    });
  } finally {
    dropBenchTypesFromTsconfig();
  }
  log(`bench: built in ${Math.round((Date.now() - t) / 1000)} s`);
}

/** The sizes of an earlier results file, or null when there is none; an unreadable one is an error naming it. */
function readBaseline(file: string, explicit: boolean): SizeResult[] | null {
  if (!existsSync(file)) {
    if (explicit) throw new UsageError(`--baseline ${file}: no such file.`);
    return null;
  }
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as { sizes?: SizeResult[] };
    if (!Array.isArray(json.sizes)) throw new Error('it has no "sizes" list');
    return json.sizes;
  } catch (err) {
    throw new UsageError(`${file} is not a bench results file: ${(err as Error).message}`);
  }
}

function rssOfTree(rootPid: number): { rssBytes: number; peakBytes: number; processes: number } | null {
  const mems = descendants(rootPid)
    .map((pid) => memoryOf(pid))
    .filter((m): m is NonNullable<typeof m> => m !== null);
  if (mems.length === 0) return null;
  return { rssBytes: mems.reduce((n, m) => n + m.rss, 0), peakBytes: mems.reduce((n, m) => n + m.hwm, 0), processes: mems.length };
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} x ${cpus[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/**
 * Our page's HTML over HTTP on the warm server, `runs` times one after another, nothing else loading: what the
 * server spends on a page view (loading, analysis and layout from their caches, rendering and streaming the page).
 */
async function timePageResponses(url: string, runs: number): Promise<{ ms: Figure; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const res = await fetch(url);
    const body = await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    times.push(since(t0));
    bytes = body.byteLength;
  }
  return { ms: figure(times), bytes };
}

async function main() {
  const opts = readCommandLine('bench', USAGE, process.argv.slice(2), parseBenchArgs);
  // Read before anything runs: the default baseline is the file this run overwrites.
  const baseline = readBaseline(opts.baseline ?? opts.out, opts.baseline !== null);
  // Everything the bench's SDK clients could read: moto's dummy keys, and nothing from the shell.
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_REGION: opts.region,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    NEXT_TELEMETRY_DISABLED: '1',
  });
  for (const k of ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_EC2']) delete process.env[k];

  let browserToClose: { close: () => Promise<void> } | null = null;
  installCleanup(async () => {
    await browserToClose?.close();
  });
  // Other work on the machine skews every figure; the load average goes into the report.
  const loadAtStart = os.loadavg().map((n) => n.toFixed(1)).join(' ');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'vpc-atlas-bench-'));
  const results: SizeResult[] = [];
  const started = Date.now();
  let chromiumVersion: string | null = null;
  let fleet: FleetBenchResult | null = null;
  try {
    // 1. Synthetic accounts, one fixture directory per size.
    const views = new Map<Size, View>();
    for (const size of opts.sizes) {
      const b = writeSynth({ size, seed: opts.seed, region: opts.region }, path.join(tmp, size));
      await writeBenchMetrics(path.join(tmp, size), opts.region);
      const counts = countsOf(b);
      const sum = (k: keyof (typeof counts)[number]) => counts.reduce((n, c) => n + (c[k] as number), 0);
      // L and S: the VPC page; M and XL: the region graph (several VPCs).
      const firstVpc = b.vpcs[0]?.id;
      views.set(size, size === 'S' || size === 'L' ? { kind: 'vpc', ...(firstVpc ? { vpcId: firstVpc } : {}) } : { kind: 'region' });
      results.push({
        size,
        counts: {
          vpcs: counts.length,
          subnets: sum('subnets'),
          routeTables: sum('routeTables'),
          interfaceEndpoints: sum('interfaceEndpoints'),
          endpointEnis: sum('endpointEnis'),
          gatewayEndpoints: sum('gatewayEndpoints'),
          natGateways: sum('natGateways'),
        },
      });
    }
    const resultOf = (size: Size) => results.find((r) => r.size === size) as SizeResult;

    // 2. Server pipeline, in this process.
    for (const size of opts.sizes) {
      log(`server ${size}…`);
      resultOf(size).server = await benchServer(path.join(tmp, size), opts.region, views.get(size) as View, opts.runs);
      const s = resultOf(size).server;
      log(`  load ${s?.loadMs.median} ms, normalize ${s?.normalizeMs.median} ms, analysis ${s?.analysisMs.median} ms, layout ${s?.layoutColdMs.median} ms cold / ${s?.layoutWarmMs.median} ms warm`);
      const m = (resultOf(size).metrics = await benchMetrics(path.join(tmp, size), opts.region, views.get(size) as View, opts.runs));
      log(`  metrics: ${m.resources} endpoints and NAT gateways, ${m.queries} queries in ${m.calls} GetMetricData calls (bound ${m.bound}), read in ${m.readMs.median} ms`);
    }

    // 3. Live, against moto.
    if (!opts.skipLive) {
      const live = await benchLive({ root: ROOT, sizes: opts.sizes, runs: opts.runs, seed: opts.seed, region: opts.region, log });
      for (const l of live) {
        resultOf(l.size).live = l;
        log(`live ${l.size}: ours ${l.oursMs.median} ms, raw ${l.rawMs.median} ms, ratio ${l.ratio}`);
      }
    }

    // 4. Browser, against a production build.
    if (!opts.skipBrowser) {
      await buildApp(opts.build);
      const { chromium } = await import('@playwright/test');
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
      browserToClose = browser;
      chromiumVersion = browser.version();
      try {
        for (const size of opts.sizes) {
          const { server, base } = await startAppServer({
            name: `next ${size}`,
            root: ROOT,
            distDir: DIST_DIR,
            fixtureDir: path.join(tmp, size),
            dataDir: path.join(tmp, `data-${size}`),
            env: { ATLAS_BENCH: '1' },
            timeoutMs: 120_000,
          });
          try {
            const view = views.get(size) as View;
            const q = `region=${encodeURIComponent(opts.region)}`;
            const oursUrl = view.kind === 'vpc' ? `${base}/vpcs/${view.vpcId}?${q}` : `${base}/?${q}&view=graph`;
            const naiveUrl = `${base}/bench/naive?${q}${view.kind === 'vpc' ? `&vpc=${view.vpcId}` : ''}`;
            log(`browser ${size}: ${oursUrl}`);
            const profileDir = path.join(ROOT, 'bench', 'out');
            const ours = await benchVariant(browser, oursUrl, opts.runs, opts.timeoutMs, log, opts.profile ? path.join(profileDir, `${size}-ours`) : undefined);
            const serverRss = server.child.pid ? rssOfTree(server.child.pid) : null;
            log(`browser ${size} with the Traffic toggle on: ${oursUrl}&traffic=1`);
            const oursTraffic = await benchVariant(browser, `${oursUrl}&traffic=1`, opts.runs, opts.timeoutMs, log);
            log(`  drawn ${oursTraffic.drawnMs.median} ms with Traffic on, ${ours.drawnMs.median} ms off`);
            const pageResponse = await timePageResponses(oursUrl, opts.runs);
            log(`browser ${size} naive baseline: ${naiveUrl}`);
            const naive = await benchVariant(browser, naiveUrl, opts.runs, opts.timeoutMs, log, opts.profile ? path.join(profileDir, `${size}-naive`) : undefined);
            resultOf(size).browser = { ours, oursTraffic, naive, serverRss, pageResponse };
          } finally {
            await stop(server);
          }
        }
        if (!opts.skipFleet) fleet = await benchFleet({ browser, distDir: DIST_DIR, accounts: 100, regions: 3, seed: opts.seed, log, timeoutMs: opts.timeoutMs });
      } finally {
        browserToClose = null;
        await browser.close();
      }
    }
  } finally {
    await stopAll();
    if (opts.keep) log(`bench: fixtures kept in ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }

  const targets = [...checkTargets(results), ...checkIssue21(results, baseline), ...checkMetrics(results)];
  const load = os.loadavg().map((n) => n.toFixed(1)).join(' ');
  const meta = {
    runs: opts.runs,
    machine: `${machine()}, Chromium ${chromiumVersion ?? 'n/a'}, load average at start ${loadAtStart}, at end ${load}`,
    date: new Date().toISOString(),
  };
  const table = `${markdown(results, targets, meta)}${fleet ? `\n\n${fleetMarkdown(fleet)}` : ''}`;
  const out = {
    generatedAt: meta.date,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: meta.machine,
    options: { sizes: opts.sizes, runs: opts.runs, seed: opts.seed, region: opts.region, skipLive: opts.skipLive, skipBrowser: opts.skipBrowser, baseline: opts.baseline ?? opts.out },
    targets,
    sizes: results,
    fleet,
    markdown: table,
  };
  writeFileSync(opts.out, `${JSON.stringify(out, null, 2)}\n`);
  process.stdout.write(`${table}\n\nWrote ${path.relative(process.cwd(), opts.out) || opts.out}\n`);
}

main().catch(async (err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  await stopAll();
  process.exit(1);
});
