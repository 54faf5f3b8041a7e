import { ShieldCheck } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { PageBand } from '@/components/layout/page-band';
import { ScopeBar } from '@/components/layout/scope-bar';
import { primaryButton } from '@/components/ui/button-styles';
import { DataWarnings } from '@/components/ui/data-warnings';
import { ErrorPanel, Notices, TopologyWarnings } from '@/components/ui/notice';
import { analyzeTopology } from '@/lib/analysis/analyze';
import { SEVERITIES, type Finding, type Severity } from '@/lib/analysis/findings';
import { DEFAULT_GB_PER_MONTH, GbPerMonth, SeverityName } from '@/lib/analysis/params';
import { loadServiceZones } from '@/lib/analysis/service-zones';
import { loadMetrics } from '@/lib/metrics/load';
import { MetricPeriodName } from '@/lib/metrics/params';
import type { MetricPeriod, MetricsResult } from '@/lib/metrics/types';
import { describeLoadFailure } from '@/lib/topology/errors';
import { loadTopology } from '@/lib/topology/load';
import { first, loadedScope, resolvePageScope, scopeLoad, scopeQuery, scopedHref, type SearchParams } from '@/lib/topology/page-params';
import { VpcId } from '@/lib/aws/ids';
import { describeIssue } from '@/lib/topology/params';
import { ellipsize } from '@/lib/text/ellipsize';
import type { Topology } from '@/lib/topology/types';
import { opensWriteForm, writesRefusedIn } from '@/lib/topology/write-scope';
import { CostsSection } from './_components/costs-section';
import { FindingCard } from './_components/finding-card';
import { SEVERITY_LABELS, SEVERITY_STYLES } from '@/components/analysis/severity';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Findings' };

const select = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950';

/** Every resource's display name, for chips and the costs table. */
function namesOf(t: Topology): Record<string, string> {
  const out: Record<string, string> = {};
  for (const xs of [t.vpcs, t.subnets, t.routeTables, t.endpoints, t.natGateways, t.internetGateways, t.securityGroups]) {
    for (const x of xs) out[x.id] = x.name;
  }
  return out;
}

export default async function FindingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const scope = await resolvePageScope(sp);
  const notices = [...scope.notices];

  let vpcId: string | undefined;
  const rawVpc = first(sp.vpc);
  if (rawVpc) {
    const v = VpcId.safeParse(rawVpc);
    if (v.success) vpcId = v.data;
    else notices.push(`Ignored ${describeIssue(v.error)} (got “${rawVpc.slice(0, 40)}”); showing every VPC.`);
  }
  let severity: Severity | undefined;
  const rawSeverity = first(sp.severity);
  if (rawSeverity && rawSeverity !== 'all') {
    const s = SeverityName.safeParse(rawSeverity);
    if (s.success) severity = s.data;
    else notices.push(`Ignored ${describeIssue(s.error)} (got “${rawSeverity.slice(0, 40)}”).`);
  }
  let gb = DEFAULT_GB_PER_MONTH;
  const rawGb = first(sp.gb);
  if (rawGb) {
    const g = GbPerMonth.safeParse(rawGb);
    if (g.success) gb = g.data;
    else notices.push(`Ignored gb: ${g.error.issues[0]?.message.replace(/^gb /, '') ?? 'invalid'} (got “${rawGb.slice(0, 40)}”); using ${DEFAULT_GB_PER_MONTH} GB.`);
  }

  let period: MetricPeriod = '30d';
  const rawPeriod = first(sp.period);
  if (rawPeriod) {
    const p = MetricPeriodName.safeParse(rawPeriod);
    if (p.success) period = p.data;
    else notices.push(`Ignored ${describeIssue(p.error)} (got “${rawPeriod.slice(0, 40)}”); measuring over 30 days.`);
  }

  // The filters a link keeps, beyond region/source/profile.
  const filters = (over: Record<string, string | undefined> = {}) => {
    const f: Record<string, string> = {};
    const merged = { vpc: vpcId, severity, gb: gb === DEFAULT_GB_PER_MONTH ? undefined : String(gb), period: period === '30d' ? undefined : period, ...over };
    for (const [k, v] of Object.entries(merged)) if (v) f[k] = v;
    return f;
  };
  const here = (over: Record<string, string | undefined> = {}) => `/findings?${scopeQuery(scope, filters(over))}`;

  let topology: Topology;
  try {
    topology = await loadTopology({ ...scopeLoad(scope), refresh: scope.refresh });
  } catch (err) {
    const failure = describeLoadFailure(err);
    return (
      <main className="mx-auto max-w-screen-xl space-y-4 px-4 py-6">
        <PageBand title="Findings" scope={<ScopeBar scope={scope} loaded={null} action="/findings" path="/findings" />} />
        <Notices notices={notices} />
        <ErrorPanel title={failure.title} message={failure.message} retryHref={here()} />
      </main>
    );
  }
  // Refresh read the source again and filled the cache; drop `refresh=1` so the URL stays a plain view link.
  if (scope.refresh) redirect(here());

  if (vpcId && !topology.vpcs.some((v) => v.id === vpcId)) {
    notices.push(`VPC ${vpcId} is not in ${scope.region}; showing every VPC.`);
    vpcId = undefined;
  }
  // Measured traffic prices the per-GB charges and finds idle endpoints and drops; without it the page still works.
  const load = scopeLoad(scope);
  const [serviceZones, metrics] = await Promise.all([
    loadServiceZones(load),
    loadMetrics({ ...load, period, topology, ...(vpcId ? { vpcId } : {}) }).catch(
      (): MetricsResult => ({ status: 'unavailable', reason: 'error', message: 'Traffic metrics could not be read; costs use hourly charges only.' }),
    ),
  ]);
  const { findings, costs } = analyzeTopology(topology, { vpcId, gbPerMonth: gb, metrics, ...(serviceZones ? { serviceZones } : {}) });
  const names = namesOf(topology);
  const vpcName = vpcId ? names[vpcId] ?? vpcId : undefined;
  const shown = severity ? findings.filter((f) => f.severity === severity) : findings;
  const bySeverity = SEVERITIES.map((s) => ({ severity: s, items: shown.filter((f) => f.severity === s) })).filter((g) => g.items.length);
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;

  const resourceHref = (vpc: string, id: string) => `/vpcs/${encodeURIComponent(vpc)}?${scopeQuery(scope, { selected: id })}`;
  // The lib's links name the region only; add the source and profile this page was opened with.
  // In another account of the fleet, a fix that opens an endpoint form would be refused: the card says so instead.
  const fixRefused = (f: Finding) => !!f.fix.href && writesRefusedIn(scope) && opensWriteForm(f.fix.href);
  const fixHref = (f: Finding) => (f.fix.href && !fixRefused(f) ? scopedHref(f.fix.href, scope) : undefined);
  const keep: Record<string, string> = Object.fromEntries(new URLSearchParams(scopeQuery(scope, filters({ gb: undefined }))));

  return (
    <main className="mx-auto max-w-screen-xl space-y-6 px-3 py-3 sm:px-4">
      <div className="space-y-3">
        <PageBand
          crumbs={[{ href: `/?${scopeQuery(scope)}`, label: scope.region }]}
          title={`Findings${vpcName ? ` for ${vpcName}` : ` in ${scope.region}`}`}
          subtitle="Routes, endpoints, security groups, DNS and policies checked against AWS’s guidance for VPC endpoints, with what each costs."
          subtitleText="Routes, endpoints, security groups, DNS and policies checked against AWS’s guidance for VPC endpoints, with what each costs."
          scope={<ScopeBar scope={scope} loaded={loadedScope(topology)} action="/findings" path="/findings" />}
        />
        <Notices notices={notices} />
        <TopologyWarnings warnings={topology.warnings} />
        <DataWarnings warnings={topology.dataWarnings} showVpc />
      </div>

      <section aria-label="Findings by severity" className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="severity-summary">
        {SEVERITIES.map((s) => {
          const active = severity === s;
          return (
            <Link
              key={s}
              href={here({ severity: active ? undefined : s })}
              aria-current={active ? 'true' : undefined}
              data-severity={s}
              className={`group rounded-xl border bg-white px-4 py-3 shadow-sm transition-colors hover:border-slate-300 dark:bg-slate-900 dark:hover:border-slate-600 ${
                active ? 'border-teal-500 ring-2 ring-teal-500/30 dark:border-teal-400' : 'border-slate-200 dark:border-slate-800'
              }`}
            >
              <span className="flex items-center gap-2 text-sm font-medium text-slate-600 dark:text-slate-300">
                <span aria-hidden className={`h-2.5 w-2.5 rounded-full ${SEVERITY_STYLES[s].dot}`} />
                {SEVERITY_LABELS[s]}
              </span>
              <span className="mt-1 block text-3xl font-semibold tabular-nums tracking-tight" data-testid={`count-${s}`}>
                {counts[s]}
              </span>
            </Link>
          );
        })}
      </section>

      <form
        action="/findings"
        method="get"
        aria-label="Filter findings"
        className="flex flex-wrap items-end gap-4 rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      >
        {Object.entries(Object.fromEntries(new URLSearchParams(scopeQuery(scope, filters({ vpc: undefined, severity: undefined }))))).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="filter-vpc" className="text-xs font-medium text-slate-600 dark:text-slate-300">
            VPC
          </label>
          {/* A fixed width: a 256-character VPC name must not widen the form, or the page, past the screen. */}
          <select id="filter-vpc" name="vpc" defaultValue={vpcId ?? ''} className={`${select} w-64 max-w-full`} title={vpcName ?? 'All VPCs'}>
            <option value="">All VPCs</option>
            {topology.vpcs.map((v) => {
              const label = v.name === v.id ? v.id : `${v.name} (${v.id})`;
              return (
                <option key={v.id} value={v.id} title={label}>
                  {v.name === v.id ? v.id : `${ellipsize(v.name, 48)} (${v.id})`}
                </option>
              );
            })}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-severity" className="text-xs font-medium text-slate-600 dark:text-slate-300">
            Severity
          </label>
          <select id="filter-severity" name="severity" defaultValue={severity ?? 'all'} className={select}>
            <option value="all">All severities</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {SEVERITY_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={primaryButton}>
          Apply
        </button>
        {(vpcId || severity) && (
          <Link href={here({ vpc: undefined, severity: undefined })} className="py-1.5 text-sm text-slate-600 hover:underline dark:text-slate-400">
            Clear filters
          </Link>
        )}
        <p className="ml-auto flex items-center gap-3 py-1.5 text-sm text-slate-500 dark:text-slate-400">
          <span data-testid="finding-count">
            {shown.length} {shown.length === 1 ? 'finding' : 'findings'}
          </span>
          <span aria-hidden>·</span>
          <a href="#costs" className="font-medium text-teal-700 hover:underline pointer-coarse:-my-1 pointer-coarse:inline-block pointer-coarse:py-1 dark:text-teal-400">
            Monthly cost
          </a>
        </p>
      </form>

      {bySeverity.length === 0 ? (
        <div
          data-testid="no-findings"
          className="flex flex-col items-center gap-3 rounded-xl border border-dashed border-slate-300 bg-white px-6 py-14 text-center dark:border-slate-700 dark:bg-slate-900"
        >
          <ShieldCheck aria-hidden className="h-10 w-10 text-emerald-600 dark:text-emerald-400" />
          <h2 className="text-lg font-semibold">No findings</h2>
          <p className="max-w-md text-sm text-slate-600 dark:text-slate-400">
            Nothing to flag{severity ? ` at ${SEVERITY_LABELS[severity].toLowerCase()} severity` : ''} in {vpcName ?? scope.region}: routes,
            endpoints, security groups, DNS and policies look as AWS recommends.
          </p>
          {(vpcId || severity) && (
            <Link href={here({ vpc: undefined, severity: undefined })} className="text-sm font-medium text-teal-700 hover:underline dark:text-teal-400">
              Show every finding in {scope.region}
            </Link>
          )}
        </div>
      ) : (
        <div className="space-y-10">
          {bySeverity.map((g) => (
            <section key={g.severity} aria-labelledby={`severity-${g.severity}`} data-testid="severity-group" data-severity={g.severity} className="space-y-4">
              <h2 id={`severity-${g.severity}`} className="flex items-center gap-2.5 text-lg font-semibold tracking-tight">
                <span aria-hidden className={`h-3 w-3 rounded-full ${SEVERITY_STYLES[g.severity].dot}`} />
                {SEVERITY_LABELS[g.severity]}
                <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium tabular-nums text-slate-700 dark:bg-slate-800 dark:text-slate-300">
                  {g.items.length}
                </span>
              </h2>
              <div className="space-y-4">
                {g.items.map((f) => (
                  <FindingCard key={f.id} finding={f} vpcName={names[f.vpcId] ?? f.vpcId} names={names} resourceHref={resourceHref} fixHref={fixHref(f)} fixRefused={fixRefused(f)} />
                ))}
              </div>
            </section>
          ))}
        </div>
      )}

      <CostsSection costs={costs} keep={keep} names={names} periodHref={(p) => `${here({ period: p === '30d' ? undefined : p })}#costs`} />
    </main>
  );
}
