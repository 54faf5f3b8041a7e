import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Lock } from 'lucide-react';
import { PageBand } from '@/components/layout/page-band';
import { ErrorPanel, Notices } from '@/components/ui/notice';
import { estimateMonthlyCost, formatUsd } from '@/lib/endpoints/cost';
import { policyForEditing } from '@/lib/endpoints/modify';
import { previewDelete } from '@/lib/endpoints/preview';
import { awsIdPattern, VpcEndpointId } from '@/lib/aws/ids';
import { hasRole } from '@/lib/auth/roles';
import { getViewer } from '@/lib/auth/viewer';
import { writesStateFor } from '@/lib/endpoints/scope';
import { loadEndpointServices } from '@/lib/endpoints/services';
import type { ServiceOffering } from '@/lib/endpoints/types';
import { VIEW_STATE_KEYS } from '@/lib/graph/view-state';
import { describeLoadFailure } from '@/lib/topology/errors';
import { loadTopology } from '@/lib/topology/load';
import { resolvePageScope, scopeLoad, scopeQuery, type SearchParams } from '@/lib/topology/page-params';
import type { Topology } from '@/lib/topology/types';
import { Badge, Card } from '../_components/ui';
import { DeleteEndpoint } from './_components/delete-endpoint';
import { EndpointGraph, PendingChangeProvider } from './_components/endpoint-graph';
import { InterfaceEditor } from './_components/interface-editor';
import { PolicyChangeEditor } from './_components/policy-change-editor';
import { RouteTableEditor } from './_components/route-table-editor';
import { StatePoller } from './_components/state-poller';
import { writesRefusedIn } from '@/lib/topology/write-scope';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ endpointId: string }>; searchParams: Promise<SearchParams> };

/** `a,b` or repeated `x=a&x=b` in the query string, each checked against an id pattern; undefined when absent. */
function idsFromUrl(v: string | string[] | undefined, pattern: RegExp): string[] | undefined {
  if (v === undefined) return undefined;
  const raw = (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(','));
  return [...new Set(raw.map((s) => s.trim()).filter((s) => pattern.test(s)))];
}

/**
 * What the editors and the graph need in the browser: the endpoint's VPC with its subnets, tables, groups,
 * endpoints and gateways, and of the network interfaces only the endpoints' own (the graph draws no other; a VPC's
 * instances can have thousands).
 */
function forPage(t: Topology, vpcId: string): Topology {
  const inVpc = <T extends { vpcId: string }>(items: T[]) => items.filter((x) => x.vpcId === vpcId);
  const endpoints = inVpc(t.endpoints);
  const endpointEnis = new Set(endpoints.flatMap((e) => e.networkInterfaceIds));
  return {
    ...t,
    vpcs: t.vpcs.filter((v) => v.id === vpcId),
    subnets: inVpc(t.subnets),
    routeTables: inVpc(t.routeTables),
    endpoints,
    securityGroups: inVpc(t.securityGroups),
    networkInterfaces: inVpc(t.networkInterfaces).filter((n) => n.endpointId !== null || endpointEnis.has(n.id)),
    natGateways: inVpc(t.natGateways),
    internetGateways: t.internetGateways.filter((g) => g.vpcIds.includes(vpcId)),
    warnings: [],
  };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { endpointId } = await params;
  return { title: endpointId };
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wider text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="mt-1 break-words text-sm">{children}</dd>
    </div>
  );
}

export default async function EndpointPage({ params, searchParams }: Props) {
  const [{ endpointId }, sp] = await Promise.all([params, searchParams]);
  if (!VpcEndpointId.safeParse(endpointId).success) notFound();
  const scope = await resolvePageScope(sp);
  let topology: Topology;
  try {
    topology = await loadTopology({ ...scopeLoad(scope), endpointId });
  } catch (err) {
    const failure = describeLoadFailure(err);
    return (
      <main className="mx-auto max-w-screen-xl space-y-4 px-4 py-8 sm:px-6">
        <Notices notices={scope.notices} />
        <ErrorPanel title={failure.title} message={failure.message} retryHref={`/endpoints/${endpointId}?${scopeQuery(scope)}`} />
      </main>
    );
  }
  const endpoint = topology.endpoints.find((e) => e.id === endpointId);
  if (!endpoint) notFound();
  const vpc = topology.vpcs.find((v) => v.id === endpoint.vpcId);
  const viewer = await getViewer();
  const writes = writesStateFor(scope.source, viewer);
  // Viewers get no write affordances at all; the actions check the role again themselves.
  // Endpoint forms write to the server's default account (or a profile's): not to another account of the fleet.
  const canEdit = !!viewer && hasRole(viewer.role, 'editor') && !writesRefusedIn(scope);
  // Without the service list the editors still work: every AZ counts as offered, and the server checks again.
  const services: ServiceOffering[] = canEdit
    ? (await loadEndpointServices(scope.source, scope.region, scope.profile, scopeLoad(scope).account).catch(() => [] as ServiceOffering[])).filter((o) => o.serviceName === endpoint.serviceName)
    : [];
  // The source goes along only when the URL named it, so the links the actions answer with stay as plain as this page's.
  const actionScope = { source: scope.sourceInUrl ? scope.source : undefined, profile: scope.profile, region: scope.region };
  const enis = topology.networkInterfaces.filter((n) => endpoint.networkInterfaceIds.includes(n.id));
  const groups = topology.securityGroups.filter((g) => endpoint.securityGroupIds.includes(g.id));
  const tables = topology.routeTables.filter((t) => endpoint.routeTableIds.includes(t.id));
  const vpcHref = `/vpcs/${endpoint.vpcId}?${scopeQuery(scope, { [VIEW_STATE_KEYS.selected]: endpoint.id })}`;
  const forEditor = forPage(topology, endpoint.vpcId);
  const cost = estimateMonthlyCost('interface', scope.region, new Set(enis.map((n) => n.az)).size);
  const monthly = cost.kind === 'hourly' ? `${formatUsd(cost.monthly)} + ${formatUsd(cost.perGb)}/GB` : '—';
  const prefill =
    endpoint.type === 'Interface'
      ? { subnetIds: idsFromUrl(sp.subnets, awsIdPattern('subnet')), securityGroupIds: idsFromUrl(sp.securityGroups, awsIdPattern('sg')) }
      : {};

  const detailsCard = (
    <Card title="Details" testId="endpoint-details">
      <dl className="grid gap-5 sm:grid-cols-2">
        <Fact label="VPC">
          <Link href={vpcHref} className="text-teal-700 hover:underline dark:text-teal-400">
            {vpc?.name ?? endpoint.vpcId}
          </Link>
        </Fact>
        <Fact label="Created">{endpoint.createdAt ? `${endpoint.createdAt.replace('T', ' ').slice(0, 19)} UTC` : '—'}</Fact>
        {endpoint.type === 'Gateway' ? (
          <Fact label="Route tables">{tables.length ? tables.map((t) => t.name).join(', ') : 'none'}</Fact>
        ) : (
          <>
            <Fact label="Private DNS">{endpoint.privateDnsEnabled ? 'on' : 'off'}</Fact>
            <Fact label="Security groups">{groups.map((g) => g.name).join(', ') || '—'}</Fact>
            <Fact label="IP address type">{endpoint.ipAddressType ?? 'ipv4'}</Fact>
            <Fact label="Monthly cost">{monthly}</Fact>
          </>
        )}
      </dl>
      {/* Editors read the policy in its editor below. */}
      {endpoint.policy && !canEdit && (
        <div className="space-y-2">
          <h3 className="text-sm font-medium">Policy</h3>
          <pre className="max-h-64 overflow-auto rounded-lg bg-slate-950 p-4 font-mono text-xs leading-relaxed text-slate-100">{policyForEditing(endpoint.policy)}</pre>
        </div>
      )}
      {!canEdit && (
        <p data-testid="editors-only" className="flex gap-2 border-t border-slate-100 pt-4 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
          <Lock aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
          {viewer ? `You are signed in as ${viewer.email ?? viewer.name}, a viewer: only editors change or delete endpoints.` : 'Sign in as an editor to change or delete endpoints.'}
        </p>
      )}
    </Card>
  );
  const networkCard = (
    <Card title="Network interfaces" description="One per subnet, each with a private address clients connect to." testId="endpoint-network">
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 text-sm dark:divide-slate-800 dark:border-slate-800" data-testid="endpoint-enis">
        {enis.map((n) => (
          <li key={n.id} className="flex flex-wrap justify-between gap-2 px-3 py-2">
            <span className="font-mono text-xs leading-5">{n.id}</span>
            <span className="text-slate-600 dark:text-slate-400">
              {topology.subnets.find((s) => s.id === n.subnetId)?.name ?? n.subnetId} · {n.az} · <span className="font-mono">{n.privateIp ?? '—'}</span>
            </span>
          </li>
        ))}
        {!enis.length && <li className="px-3 py-2 text-slate-500">None.</li>}
      </ul>
      <h3 className="pt-2 text-sm font-medium">DNS names</h3>
      <ul className="space-y-1 font-mono text-xs text-slate-700 dark:text-slate-300" data-testid="endpoint-dns-names">
        {endpoint.dnsEntries.map((d) => (
          <li key={d.dnsName} className="break-all">
            {d.dnsName}
          </li>
        ))}
      </ul>
    </Card>
  );
  // The graph's own caption says what its marks mean; the card only names it.
  const graphCard = (height: string) => (
    <Card title="On the graph" testId="endpoint-graph">
      <EndpointGraph endpoint={endpoint} topology={forEditor} height={height} />
    </Card>
  );
  const deleteCard = (
    <Card title="Delete endpoint" testId="endpoint-delete">
      <DeleteEndpoint endpointId={endpoint.id} preview={previewDelete(endpoint, topology)} scope={actionScope} writes={writes} />
    </Card>
  );

  return (
    <main className="mx-auto max-w-screen-xl space-y-6 px-3 py-3 sm:px-6">
      <PageBand
        crumbs={[
          { href: `/?${scopeQuery(scope)}`, label: scope.region },
          { href: vpcHref, label: vpc?.name ?? endpoint.vpcId },
        ]}
        title={endpoint.name !== endpoint.id ? endpoint.name : `${endpoint.serviceShortName} endpoint`}
        badges={
          <>
            <Badge tone={endpoint.type === 'Gateway' ? 'teal' : 'sky'}>{endpoint.type}</Badge>
            <StatePoller state={endpoint.state} lastError={endpoint.lastError} />
          </>
        }
        subtitle={`${endpoint.id} · ${endpoint.serviceName}`}
        subtitleText={`${endpoint.id} · ${endpoint.serviceName}`}
      />
      <Notices notices={scope.notices} />

      <PendingChangeProvider>
        {endpoint.type === 'Gateway' ? (
          canEdit ? (
            <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
              {/* The graph stays in view beside the details, the route tables, the policy and the delete form. */}
              <div>
                <div className="lg:sticky lg:top-6">{graphCard('h-96 xl:h-[30rem]')}</div>
              </div>
              <div className="space-y-6">
                {detailsCard}
                <Card title="Route tables" description="Tick a table to route the service through this endpoint; untick to remove the route." testId="endpoint-route-tables">
                  <RouteTableEditor endpoint={endpoint} topology={forEditor} scope={actionScope} writes={writes} />
                </Card>
                <Card title="Policy" description="Who may do what through the endpoint. It narrows access; it never grants more than IAM does." testId="endpoint-policy">
                  <PolicyChangeEditor endpoint={endpoint} topology={forEditor} services={services} scope={actionScope} writes={writes} />
                </Card>
                {deleteCard}
              </div>
            </div>
          ) : (
            <div className="grid grid-cols-1 gap-6 lg:grid-cols-2 lg:items-start">
              {detailsCard}
              {graphCard('h-96')}
            </div>
          )
        ) : canEdit ? (
          <>
            <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
              {detailsCard}
              {networkCard}
            </div>
            <section aria-labelledby="change-endpoint-title" className="space-y-4 pt-2">
              <div>
                <h2 id="change-endpoint-title" className="text-lg font-semibold tracking-tight">
                  Change this endpoint
                </h2>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  Checked against {scope.region} as it is now, with the rules AWS applies. Nothing changes until you save; Dry run asks AWS whether it would.
                </p>
              </div>
              <InterfaceEditor
                endpoint={endpoint}
                topology={forEditor}
                services={services}
                scope={actionScope}
                writes={writes}
                initial={prefill}
                graph={<EndpointGraph endpoint={endpoint} topology={forEditor} height="h-64 xl:h-72" />}
                after={deleteCard}
              />
            </section>
          </>
        ) : (
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            <div className="space-y-6">
              {detailsCard}
              {networkCard}
            </div>
            <div>
              <div className="lg:sticky lg:top-6">{graphCard('h-96 xl:h-[30rem]')}</div>
            </div>
          </div>
        )}
      </PendingChangeProvider>
    </main>
  );
}
