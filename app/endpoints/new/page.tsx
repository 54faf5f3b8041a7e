import type { Metadata } from 'next';
import Link from 'next/link';
import { randomUUID } from 'node:crypto';
import { ErrorPanel, Notices } from '@/components/ui/notice';
import { getViewer } from '@/lib/auth/viewer';
import { fixtureDataLabel, getConfig } from '@/lib/config';
import { writesStateFor } from '@/lib/endpoints/scope';
import { loadEndpointServices } from '@/lib/endpoints/services';
import type { ServiceOffering } from '@/lib/endpoints/types';
import { describeLoadFailure } from '@/lib/topology/errors';
import { loadTopology } from '@/lib/topology/load';
import { first, resolvePageScope, scopeLoad, scopeQuery, type SearchParams } from '@/lib/topology/page-params';
import { awsIdPattern, VpcId } from '@/lib/aws/ids';
import type { Topology } from '@/lib/topology/types';
import { EndpointForm, type FormType } from './_components/endpoint-form';
import { PageBand } from '@/components/layout/page-band';
import { writesRefusedIn } from '@/lib/topology/write-scope';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'New endpoint' };

/** `a,b` or repeated `x=a&x=b` in the query string, each checked against an id pattern. */
function ids(v: string | string[] | undefined, pattern: RegExp): string[] {
  const raw = (Array.isArray(v) ? v : v ? [v] : []).flatMap((s) => s.split(','));
  return [...new Set(raw.map((s) => s.trim()).filter((s) => pattern.test(s)))];
}

/**
 * Only what the form and its preview graph need go to the browser: the region's VPCs, subnets, tables, groups,
 * endpoints, prefix lists and gateways, and of the network interfaces only the endpoints' own (the graph draws no
 * other; an account's instances can have thousands).
 */
function forForm(t: Topology): Topology {
  const endpointEnis = new Set(t.endpoints.flatMap((e) => e.networkInterfaceIds));
  return { ...t, networkInterfaces: t.networkInterfaces.filter((n) => n.endpointId !== null || endpointEnis.has(n.id)) };
}

/** `s3` or `com.amazonaws.us-east-1.s3` -> the full service name, when the region has it. */
function serviceFromUrl(v: string | undefined, services: ServiceOffering[]): string {
  if (!v) return '';
  return services.find((s) => s.serviceName === v)?.serviceName ?? services.find((s) => s.shortName === v)?.serviceName ?? '';
}

export default async function NewEndpointPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const scope = await resolvePageScope(sp);
  const fixtureData = fixtureDataLabel(getConfig());
  const notices = [...scope.notices];
  let topology: Topology;
  let services: ServiceOffering[];
  try {
    [topology, services] = await Promise.all([
      loadTopology(scopeLoad(scope)),
      loadEndpointServices(scope.source, scope.region, scope.profile, scopeLoad(scope).account),
    ]);
  } catch (err) {
    const failure = describeLoadFailure(err);
    return (
      <main className="mx-auto max-w-screen-2xl space-y-4 px-4 py-8 sm:px-6">
        <Notices notices={notices} />
        <ErrorPanel title={failure.title} message={failure.message} retryHref={`/endpoints/new?${scopeQuery(scope)}`} />
      </main>
    );
  }

  const rawVpc = first(sp.vpc);
  let vpcId = '';
  if (rawVpc !== undefined) {
    if (!VpcId.safeParse(rawVpc).success || !topology.vpcs.some((v) => v.id === rawVpc)) {
      notices.push(`VPC “${rawVpc.slice(0, 40)}” is not in ${scope.region}; choose one below.`);
    } else vpcId = rawVpc;
  }
  if (!vpcId) vpcId = topology.vpcs.find((v) => !v.isDefault)?.id ?? topology.vpcs[0]?.id ?? '';
  const rawType = first(sp.type);
  const type: FormType = rawType === 'interface' ? 'interface' : 'gateway';
  if (rawType !== undefined && rawType !== 'gateway' && rawType !== 'interface') notices.push(`Ignored type “${rawType.slice(0, 20)}”: it is gateway or interface.`);
  const initial = {
    vpcId,
    type,
    serviceName: serviceFromUrl(first(sp.service), services.filter((s) => s.type === (type === 'gateway' ? 'Gateway' : 'Interface'))),
    routeTableIds: ids(sp.routeTables, awsIdPattern('rtb')),
    subnetIds: ids(sp.subnets, awsIdPattern('subnet')),
    securityGroupIds: ids(sp.securityGroups, awsIdPattern('sg')),
  };
  const vpc = topology.vpcs.find((v) => v.id === vpcId);
  const writes = writesStateFor(scope.source, await getViewer());

  return (
    <main className="mx-auto max-w-screen-2xl space-y-6 px-3 py-3 sm:px-6">
      <PageBand
        crumbs={[
          { href: `/?${scopeQuery(scope)}`, label: scope.region },
          ...(vpc ? [{ href: `/vpcs/${vpc.id}?${scopeQuery(scope)}`, label: vpc.name }] : []),
        ]}
        title="New VPC endpoint"
      />
      <p className="-mt-4 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        Every choice is checked against {scope.region} as it is now ({scope.source === 'fixture' ? fixtureData : 'live'}), with the rules AWS applies. Nothing is
        created until you press Create; Dry run asks AWS whether it would be.
      </p>
      <Notices notices={notices} />
      {writesRefusedIn(scope) ? (
        // The form's actions write to the server's default account (or a profile's), never to another account of the fleet.
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          Account {scope.accountName ?? scope.account} is read through the fleet; endpoints are created only in the server’s own account or a profile’s.
        </p>
      ) : (
        <EndpointForm
          scope={{ source: scope.source, profile: scope.profile, region: scope.region, sourceInUrl: scope.sourceInUrl }}
          topology={forForm(topology)}
          services={services}
          initial={initial}
          clientToken={randomUUID()}
          writes={writes}
        />
      )}
      {scope.source === 'fixture' && (
        <footer className="border-t border-slate-200 pt-4 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
          {fixtureData === 'demo data' ? 'Demo data' : 'Fixture data'}: what you create here is saved on this server.{' '}
          <Link href="/settings" className="font-medium text-teal-700 hover:underline dark:text-teal-400">
            Reset demo data
          </Link>{' '}
          to start again from the fixtures.
        </footer>
      )}
    </main>
  );
}
