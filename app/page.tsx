import Link from 'next/link';
import { redirect } from 'next/navigation';
import { cookies } from 'next/headers';
import { DemoNotice } from '@/components/layout/demo-notice';
import { DEMO_NOTICE_COOKIE } from '@/components/layout/demo-notice-cookie';
import { PageBand, ScreenPage } from '@/components/layout/page-band';
import { ScopeBar } from '@/components/layout/scope-bar';
import { fixtureDataLabel, getConfig } from '@/lib/config';
import { DataWarnings } from '@/components/ui/data-warnings';
import { ErrorPanel, Notices, TopologyWarnings } from '@/components/ui/notice';
import { describeLoadFailure } from '@/lib/topology/errors';
import { loadTopology } from '@/lib/topology/load';
import { loadedScope, resolvePageScope, scopeLoad, scopeQuery, type SearchParams } from '@/lib/topology/page-params';
import { summarizeVpcs } from '@/lib/topology/summary';
import type { Topology } from '@/lib/topology/types';
import { ServerCanvas } from '@/components/graph/server-graph';
import { parseViewState } from '@/lib/graph/view-state';

export const dynamic = 'force-dynamic';

/** A count from the summary: a number, or "unknown" when its list could not be read. */
function count(n: number | null) {
  return n === null ? (
    <span className="text-slate-400 dark:text-slate-500" title="Could not be read: see the missing permission above">
      unknown
    </span>
  ) : (
    n
  );
}

export default async function RegionPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const scope = await resolvePageScope(sp);
  let topology: Topology | null = null;
  let failure: ReturnType<typeof describeLoadFailure> | null = null;
  try {
    topology = await loadTopology({ ...scopeLoad(scope), refresh: scope.refresh });
  } catch (err) {
    failure = describeLoadFailure(err);
  }
  const qs = (extra: Record<string, string> = {}) => scopeQuery(scope, extra);
  // Refresh read the source again and filled the cache; drop `refresh=1` so the URL stays a plain view link.
  if (scope.refresh && topology) redirect(`/?${qs()}`);

  const graphView = sp.view === 'graph';
  // The embedded demo account, not the user's own files: the first page says so, and how to see one's own.
  const demo =
    scope.source === 'fixture' && fixtureDataLabel(getConfig()) === 'demo data' && (await cookies()).get(DEMO_NOTICE_COOKIE)?.value !== 'dismissed';
  const view = parseViewState(sp);
  const tab = (active: boolean) =>
    `rounded-md px-3 py-1 text-sm font-medium ${
      active
        ? 'bg-white text-slate-900 shadow-sm dark:bg-slate-700 dark:text-slate-50'
        : 'text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100'
    }`;

  const band = (
    <PageBand
      title={`VPCs in ${scope.region}`}
      scope={<ScopeBar scope={scope} loaded={topology && loadedScope(topology)} action="/" path="/" />}
      actions={
        <nav aria-label="View" className="flex gap-1 rounded-lg bg-slate-100 p-1 dark:bg-slate-800" data-testid="view-switch">
          <Link href={`/?${qs()}`} className={tab(!graphView)} aria-current={!graphView ? 'page' : undefined}>
            List
          </Link>
          <Link href={`/?${qs({ view: 'graph' })}`} className={tab(graphView)} aria-current={graphView ? 'page' : undefined}>
            Graph
          </Link>
        </nav>
      }
    />
  );
  const messages = (
    <>
      {demo && <DemoNotice />}
      <Notices notices={scope.notices} />
      {topology && <TopologyWarnings warnings={topology.warnings} />}
      {topology && <DataWarnings warnings={topology.dataWarnings} showVpc />}
      {failure && <ErrorPanel title={failure.title} message={failure.message} retryHref={`/?${qs()}`} />}
      {topology && topology.vpcs.length === 0 && (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-600 dark:border-slate-700 dark:text-slate-400">
          No VPCs in {scope.region}.
        </p>
      )}
    </>
  );
  if (topology && topology.vpcs.length > 0 && graphView) {
    return (
      <ScreenPage
        band={band}
        messages={messages}
        canvas={
          <section aria-label="Region graph" className="h-full">
            {/* A small region is in the HTML; a big one is analysed and laid out while the rest of the page loads. */}
            <ServerCanvas topology={topology} serviceZonesFrom={scopeLoad(scope)} linkScope={scope} initialView={view.state} notices={view.notices} findingsHref={`/findings?${qs()}`} />
          </section>
        }
      />
    );
  }

  return (
    <main className="mx-auto max-w-screen-2xl space-y-3 px-3 py-3 sm:px-4">
      {band}
      {messages}
      {topology && topology.vpcs.length > 0 && !graphView && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-left text-sm" data-testid="vpc-table">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
              <tr>
                <th className="px-4 py-2 font-medium">VPC</th>
                <th className="px-4 py-2 font-medium">CIDR blocks</th>
                <th className="px-4 py-2 text-right font-medium">Subnets</th>
                <th className="px-4 py-2 text-right font-medium">AZs</th>
                <th className="px-4 py-2 text-right font-medium">Route tables</th>
                <th className="px-4 py-2 text-right font-medium">Gateway endpoints</th>
                <th className="px-4 py-2 text-right font-medium">Interface endpoints</th>
                <th className="px-4 py-2 text-right font-medium">NAT gateways</th>
              </tr>
            </thead>
            <tbody>
              {summarizeVpcs(topology).map((v) => (
                <tr key={v.id} data-vpc-id={v.id} className="border-b border-slate-100 last:border-0 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/50">
                  <td className="max-w-[22rem] px-4 py-2">
                    <div className="flex min-w-0 items-center gap-2">
                      <Link href={`/vpcs/${v.id}?${qs()}`} title={v.name} className="truncate font-medium text-teal-700 hover:underline pointer-coarse:-my-1 pointer-coarse:py-1 dark:text-teal-400">
                        {v.name}
                      </Link>
                      {v.isDefault && (
                        <span className="shrink-0 rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700 dark:bg-slate-700 dark:text-slate-200">default</span>
                      )}
                    </div>
                    <div className="font-mono text-xs text-slate-600 dark:text-slate-400">{v.id}</div>
                  </td>
                  <td className="px-4 py-2 font-mono text-xs">
                    {[...v.cidrBlocks, ...v.ipv6CidrBlocks].map((c) => (
                      <div key={c}>{c}</div>
                    ))}
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums" data-col="subnets">{count(v.subnets)}</td>
                  <td className="px-4 py-2 text-right tabular-nums" data-col="azs">{count(v.azs)}</td>
                  <td className="px-4 py-2 text-right tabular-nums" data-col="routeTables">{count(v.routeTables)}</td>
                  <td className="px-4 py-2 text-right tabular-nums" data-col="gatewayEndpoints">{count(v.gatewayEndpoints)}</td>
                  <td className="px-4 py-2 text-right tabular-nums" data-col="interfaceEndpoints">{count(v.interfaceEndpoints)}</td>
                  <td className="px-4 py-2 text-right tabular-nums" data-col="natGateways">{count(v.natGateways)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
