/**
 * The bench's output: the targets of issue 8 §3 checked against the medians, and the Markdown table.
 */
import type { Size } from '../../scripts/lib/synth';
import type { VariantResult } from './browser-phase';
import { MUST_LABEL } from './labels';
import type { LiveResult } from './live-phase';
import type { MetricsFigures } from './metrics-phase';
import type { ServerResult } from './server-phase';
import type { Figure } from './stats';

export interface SizeResult {
  size: Size;
  counts: { vpcs: number; subnets: number; routeTables: number; interfaceEndpoints: number; endpointEnis: number; gatewayEndpoints: number; natGateways: number };
  server?: ServerResult;
  /** Issue 16: the view's CloudWatch metrics read (bench/lib/metrics-phase.ts). */
  metrics?: MetricsFigures;
  live?: LiveResult;
  browser?: {
    ours: VariantResult;
    /** Our page with the Traffic toggle on (`traffic=1`): edges drawn by bytes once the metrics arrive. */
    oursTraffic?: VariantResult;
    naive: VariantResult;
    /** The Next server process tree (start.mjs excluded) after the measured visits of our page. */
    serverRss: { rssBytes: number; peakBytes: number; processes: number } | null;
    /** Our page's HTML fetched on the warm server after the browser runs (full body, one request at a time). */
    pageResponse?: { ms: Figure; bytes: number };
  };
}

export interface TargetCheck {
  target: string;
  /** What was measured, e.g. "812 ms". */
  value: string;
  status: 'met' | 'missed' | 'not measured';
  /** By how much, when missed: "+312 ms (31 %)". */
  by?: string;
}

type Dir = 'max' | 'min';

/** The Describe lists a live load reads, each one paginated chain: nine from the start, five added for real accounts. */
export const LIVE_LISTS = 14;

function check(target: string, value: number | null | undefined, limit: number, dir: Dir, unit: string, why?: string, digits = 0): TargetCheck {
  if (value === null || value === undefined) return { target, value: why ?? 'n/a', status: 'not measured' };
  const shown = `${fmt(value, digits)} ${unit}`;
  const ok = dir === 'max' ? value <= limit : value >= limit;
  if (ok) return { target, value: shown, status: 'met' };
  const diff = Math.abs(value - limit);
  return { target, value: shown, status: 'missed', by: `${dir === 'max' ? '+' : '-'}${fmt(diff, digits)} ${unit} (${Math.round((diff / limit) * 100)} %)` };
}

export function fmt(n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return 'n/a';
  const d = Math.abs(n) < 10 && digits === 0 && !Number.isInteger(n) ? 1 : digits;
  return n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: 0 });
}

const kB = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? null : Math.round(bytes / 102.4) / 10);
const MB = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? null : Math.round(bytes / 104857.6) / 10);

/** Ours / naive of one browser figure, both medians; null when either is missing. */
export function naiveRatio(r: SizeResult | undefined, pick: (v: VariantResult) => Figure): number | null {
  const ours = r?.browser ? pick(r.browser.ours).median : null;
  const naive = r?.browser ? pick(r.browser.naive).median : null;
  return ours === null || ours === undefined || !naive ? null : Math.round((ours / naive) * 100) / 100;
}

/**
 * Issue 21: S at or below the naive page on drawn and blocking time; L and XL no worse against it than in `baseline`
 * (the results the bench replaced, or --baseline); every gateway, endpoint and route-table node of L and XL labelled
 * at fit-to-screen.
 */
export function checkIssue21(results: SizeResult[], baseline: SizeResult[] | null): TargetCheck[] {
  const by = (list: SizeResult[] | null, s: Size) => list?.find((r) => r.size === s);
  const why = (r: SizeResult | undefined) => r?.browser?.ours.unavailable ?? r?.browser?.naive.unavailable ?? (r?.browser ? undefined : 'no browser run');
  const out: TargetCheck[] = [];
  const figures = [
    ['drawn', (v: VariantResult) => v.drawnMs],
    ['blocking time', (v: VariantResult) => v.tbtMs],
  ] as const;
  const S = by(results, 'S');
  for (const [name, pick] of figures) out.push(check(`S ${name} at most 1.0x the naive page (same run)`, naiveRatio(S, pick), 1, 'max', 'x', why(S), 2));
  for (const size of ['L', 'XL'] as const) {
    const r = by(results, size);
    const before = by(baseline, size);
    for (const [name, pick] of figures) {
      const was = naiveRatio(before, pick);
      const target = `${size} ${name} / naive no worse than the baseline results${was === null ? '' : ` (${fmt(was, 2)}x)`}`;
      if (was === null) out.push({ target, value: 'no baseline', status: 'not measured' });
      else out.push(check(target, naiveRatio(r, pick), was, 'max', 'x', why(r), 2));
    }
  }
  for (const size of ['L', 'XL'] as const) {
    const labels = by(results, size)?.browser?.ours.labels;
    const target = `${size} at fit-to-screen: every ${MUST_LABEL.join(', ')} node labelled (text >= 11 px on screen, not cut)`;
    if (!labels) {
      out.push({ target, value: why(by(results, size)) ?? 'n/a', status: 'not measured' });
      continue;
    }
    const on = MUST_LABEL.reduce((n, k) => n + (labels.byType[k]?.[0] ?? 0), 0);
    const missing = Object.entries(labels.unlabelledMust);
    const unlabelled = missing.reduce((n, [, c]) => n + c, 0);
    out.push({
      target,
      value: `${on - unlabelled} of ${on} labelled`,
      status: missing.length === 0 ? 'met' : 'missed',
      ...(missing.length > 0 ? { by: `unlabelled: ${missing.map(([k, c]) => `${c} ${k}`).join(', ')}` } : {}),
    });
  }
  return out;
}

/** Issue 8 §3, checked. */
export function checkTargets(results: SizeResult[]): TargetCheck[] {
  const by = (s: Size) => results.find((r) => r.size === s);
  const L = by('L');
  const XL = by('XL');
  const why = (v: VariantResult | undefined) => v?.unavailable ?? (v && v.runs.length === 0 ? v.errors[0] : undefined);
  const out: TargetCheck[] = [
    check('L, VPC view: drawn within 1.0 s', L?.browser?.ours.drawnMs.median, 1000, 'max', 'ms', why(L?.browser?.ours)),
    check('L, VPC view: pan >= 55 fps', L?.browser?.ours.panFps.median, 55, 'min', 'fps', why(L?.browser?.ours), 1),
    check('L, VPC view: zoom-out >= 40 fps', L?.browser?.ours.zoomOutFps.median, 40, 'min', 'fps', why(L?.browser?.ours), 1),
    check('XL, region view: drawn within 2.0 s', XL?.browser?.ours.drawnMs.median, 2000, 'max', 'ms', why(XL?.browser?.ours)),
    check('XL, region view: pan >= 50 fps', XL?.browser?.ours.panFps.median, 50, 'min', 'fps', why(XL?.browser?.ours), 1),
    check('XL, region view: zoom-out to everything >= 30 fps', XL?.browser?.ours.zoomOutFps.median, 30, 'min', 'fps', why(XL?.browser?.ours), 1),
    check('XL server normalize + analysis + layout (warm) within 500 ms', XL?.server?.pipelineWarmMs.median, 500, 'max', 'ms'),
  ];
  for (const r of results.filter((x) => x.live)) {
    out.push(check(`${r.size} live load at most 1.2x the raw SDK calls (the same ${LIVE_LISTS} lists)`, r.live?.ratio, 1.2, 'max', 'x', undefined, 2));
    if (r.live?.ratioFirstNine != null) {
      out.push(check(`${r.size} live load, five later lists included, at most 1.2x the raw calls of the first nine`, r.live.ratioFirstNine, 1.2, 'max', 'x', undefined, 2));
    }
    const describeChains = Object.entries(r.live?.oursCalls ?? {}).filter(([op]) => op.startsWith('Describe') && op !== 'DescribeVpcAttributeCommand');
    const rawChains = r.live?.rawCalls ?? {};
    const extra = describeChains.filter(([op, n]) => n !== (rawChains[op] ?? -1));
    out.push({
      target: `${r.size} live: one paginated call chain per resource kind`,
      value: describeChains.map(([op, n]) => `${op.replace(/Command$/, '')} ${n}`).join(', '),
      status: extra.length === 0 && describeChains.length === LIVE_LISTS ? 'met' : 'missed',
      ...(extra.length > 0 ? { by: `differs from the raw paginators for ${extra.map(([op]) => op).join(', ')}` } : {}),
    });
  }
  for (const [size, r] of [['L', L], ['XL', XL]] as const) {
    const js = r?.browser?.ours.js;
    out.push(check(`${size} graph page JS at most 250 kB gzip (all JS, layout worker included)`, kB(js?.gzipBytes), 250, 'max', 'kB', why(r?.browser?.ours), 1));
    out.push(
      check(
        `${size} graph page JS at most 250 kB gzip (main thread only)`,
        js ? kB(js.gzipBytes - js.workerGzipBytes) : null,
        250,
        'max',
        'kB',
        why(r?.browser?.ours),
        1,
      ),
    );
  }
  return out;
}

interface Row {
  label: string;
  cell: (r: SizeResult) => string;
}

function vsNaive(ours: number | null | undefined, naive: number | null | undefined, unit: string, digits = 0): string {
  if (ours === null || ours === undefined) return 'n/a';
  const base = `${fmt(ours, digits)}${unit}`;
  if (naive === null || naive === undefined || naive === 0) return `${base} (naive n/a)`;
  return `${base} (naive ${fmt(naive, digits)}${unit}; ${fmt(ours / naive, 2)}x)`;
}

const ROWS: Row[] = [
  {
    label: 'Account',
    cell: (r) => `${r.counts.vpcs} VPC, ${r.counts.subnets} subnets, ${r.counts.routeTables} RT, ${r.counts.interfaceEndpoints} IE / ${r.counts.endpointEnis} ENI`,
  },
  { label: 'Graph measured', cell: (r) => (r.server ? `${r.server.view.kind} view: ${r.server.nodes} nodes, ${r.server.edges} edges` : 'n/a') },
  { label: 'Laid-out graph (px)', cell: (r) => (r.server ? `${fmt(r.server.layoutWidth)} x ${fmt(r.server.layoutHeight)}` : 'n/a') },
  { label: 'Fixture load (ms)', cell: (r) => fmt(r.server?.loadMs.median, 1) },
  { label: 'Normalize (ms)', cell: (r) => fmt(r.server?.normalizeMs.median, 1) },
  { label: 'Analysis (ms)', cell: (r) => fmt(r.server?.analysisMs.median, 1) },
  { label: 'Layout, cold: buildGraph + ELK (ms)', cell: (r) => fmt(r.server?.layoutColdMs.median) },
  { label: 'Layout, warm: buildGraph + cache hit (ms)', cell: (r) => fmt(r.server?.layoutWarmMs.median, 1) },
  { label: 'Normalize + analysis + layout, warm (ms)', cell: (r) => fmt(r.server?.pipelineWarmMs.median) },
  {
    label: 'Metrics of the view: GetMetricData calls (queries), read (ms)',
    cell: (r) => (r.metrics ? `${r.metrics.calls} (${fmt(r.metrics.queries)}), ${fmt(r.metrics.readMs.median, 1)}` : 'n/a'),
  },
  { label: 'Browser: drawn with the Traffic toggle on (ms)', cell: (r) => fmt(r.browser?.oursTraffic?.drawnMs.median) },
  { label: 'Topology JSON (kB, gzip)', cell: (r) => (r.server ? `${fmt(kB(r.server.topologyBytes), 1)} (${fmt(kB(r.server.topologyGzipBytes), 1)})` : 'n/a') },
  {
    label: 'Page response, warm server (ms, HTML kB)',
    cell: (r) => (r.browser?.pageResponse ? `${fmt(r.browser.pageResponse.ms.median)} (${fmt(kB(r.browser.pageResponse.bytes))})` : 'n/a'),
  },
  {
    label: 'Server RSS (MB, peak)',
    cell: (r) => (r.browser?.serverRss ? `${fmt(MB(r.browser.serverRss.rssBytes))} (${fmt(MB(r.browser.serverRss.peakBytes))})` : 'n/a'),
  },
  { label: 'Live load, ours (ms)', cell: (r) => fmt(r.live?.oursMs.median) },
  { label: 'Live, raw SDK paginators (ms)', cell: (r) => fmt(r.live?.rawMs.median) },
  { label: 'Live ours / raw', cell: (r) => (r.live ? `${fmt(r.live.ratio, 2)}x` : 'n/a') },
  { label: 'Live, raw paginators of the first nine lists only (ms)', cell: (r) => fmt(r.live?.rawFirstNineMs?.median) },
  {
    label: 'Live ours / raw first nine (the five later lists\' cost)',
    cell: (r) => (r.live?.ratioFirstNine != null ? `${fmt(r.live.ratioFirstNine, 2)}x` : 'n/a'),
  },
  { label: 'Live, DescribeVpcAttribute calls alone (ms)', cell: (r) => fmt(r.live?.vpcAttributesMs.median) },
  {
    label: 'Live requests per load (ours / raw)',
    cell: (r) =>
      r.live ? `${fmt(Object.values(r.live.oursCalls).reduce((a, b) => a + b, 0))} / ${fmt(Object.values(r.live.rawCalls).reduce((a, b) => a + b, 0))}` : 'n/a',
  },
  { label: 'Browser: drawn (ms)', cell: (r) => browserCell(r, (v) => v.drawnMs.median, ' ms') },
  { label: 'Browser: blocking time to drawn (ms)', cell: (r) => browserCell(r, (v) => v.tbtMs.median, ' ms') },
  { label: 'Browser: pan at 100 % (fps)', cell: (r) => browserCell(r, (v) => v.panFps.median, '', 1) },
  { label: 'Browser: zoom-out to whole graph (fps)', cell: (r) => browserCell(r, (v) => v.zoomOutFps.median, '', 1) },
  { label: 'Browser: pan, whole graph on screen (fps)', cell: (r) => browserCell(r, (v) => v.overviewPanFps.median, '', 1) },
  { label: 'Browser: JS heap after drawn (MB)', cell: (r) => browserCell(r, (v) => MB(v.heapBytes.median), ' MB', 1) },
  {
    label: 'Browser: readable labels at fit-to-screen (nodes labelled / on screen)',
    cell: (r) => {
      const ours = r.browser?.ours.labels;
      const naive = r.browser?.naive.labels;
      return ours ? `${fmt(ours.labelled)} / ${fmt(ours.nodes)} (naive ${naive ? `${fmt(naive.labelled)} / ${fmt(naive.nodes)}` : 'n/a'})` : 'n/a';
    },
  },
  { label: 'Browser: nodes in DOM, drawn / overview', cell: (r) => (r.browser ? `${fmt(r.browser.ours.domNodesDrawn)} / ${fmt(r.browser.ours.domNodesOverview)} (naive ${fmt(r.browser.naive.domNodesDrawn)})` : 'n/a') },
  {
    label: 'Graph page JS, gzip (kB)',
    cell: (r) => {
      const js = r.browser?.ours.js;
      const naive = r.browser?.naive.js;
      return js
        ? `${fmt(kB(js.gzipBytes), 1)} = main ${fmt(kB(js.gzipBytes - js.workerGzipBytes), 1)} + worker ${fmt(kB(js.workerGzipBytes), 1)} (naive ${fmt(kB(naive?.gzipBytes), 1)})`
        : 'n/a';
    },
  },
];

function browserCell(r: SizeResult, pick: (v: VariantResult) => number | null | undefined, unit: string, digits = 0): string {
  if (!r.browser) return 'n/a';
  if (r.browser.ours.unavailable && r.browser.naive.unavailable) return 'n/a';
  if (r.browser.ours.unavailable) return `not drawn (naive ${fmt(pick(r.browser.naive), digits)}${unit})`;
  return vsNaive(pick(r.browser.ours), pick(r.browser.naive), unit, digits);
}

export function markdown(results: SizeResult[], targets: TargetCheck[], meta: { runs: number; machine: string; date: string }): string {
  const sizes = results.map((r) => r.size);
  const lines: string[] = [];
  lines.push(`Medians of ${meta.runs} runs; ${meta.machine}; ${meta.date}.`);
  lines.push('');
  lines.push(`| Figure | ${sizes.join(' | ')} |`);
  lines.push(`|---|${sizes.map(() => '---').join('|')}|`);
  for (const row of ROWS) lines.push(`| ${row.label} | ${results.map((r) => row.cell(r).replaceAll('|', '\\|')).join(' | ')} |`);
  lines.push('');
  lines.push('| Target | Measured | Status |');
  lines.push('|---|---|---|');
  for (const t of targets) {
    const status = t.status === 'met' ? 'met' : t.status === 'missed' ? `**missed** by ${t.by ?? '?'}` : 'not measured';
    lines.push(`| ${t.target} | ${t.value.replaceAll('|', '\\|')} | ${status} |`);
  }
  return lines.join('\n');
}
