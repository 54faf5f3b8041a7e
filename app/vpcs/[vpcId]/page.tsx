import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ErrorPanel, Notices } from '@/components/ui/notice';
import { describeLoadFailure } from '@/lib/topology/errors';
import { loadTopology } from '@/lib/topology/load';
import { resolvePageScope, type SearchParams } from '@/lib/topology/page-params';
import { VpcId } from '@/lib/topology/params';
import type { Topology } from '@/lib/topology/types';
import { ResourceTables } from './_components/resource-tables';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ vpcId: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { vpcId } = await params;
  return { title: vpcId };
}

export default async function VpcPage({ params, searchParams }: Props) {
  const [{ vpcId }, sp] = await Promise.all([params, searchParams]);
  if (!VpcId.safeParse(vpcId).success) notFound();
  const scope = await resolvePageScope(sp);
  let topology: Topology;
  try {
    topology = await loadTopology({ source: scope.source, region: scope.region, vpcId });
  } catch (err) {
    const failure = describeLoadFailure(err);
    if (failure.status === 404) notFound();
    return (
      <main className="mx-auto max-w-screen-2xl space-y-4 px-4 py-6">
        <Notices notices={scope.notices} />
        <ErrorPanel title={failure.title} message={failure.message} retryHref={`/vpcs/${vpcId}?region=${scope.region}`} />
      </main>
    );
  }
  const vpc = topology.vpcs[0]!;
  return (
    <main className="mx-auto max-w-screen-2xl space-y-4 px-4 py-6">
      <nav className="text-sm text-slate-500">
        <Link href={`/?region=${scope.region}`} className="hover:underline">
          {scope.region}
        </Link>{' '}
        / <span>{vpc.name}</span>
      </nav>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{vpc.name}</h1>
        <p className="font-mono text-sm text-slate-600 dark:text-slate-400" data-testid="vpc-cidrs">
          {vpc.id} · {[...vpc.cidrBlocks, ...vpc.ipv6CidrBlocks].join(', ')}
        </p>
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="scope">
          Source: <span className="font-medium">{scope.source}</span> · {scope.region} · fetched{' '}
          <time dateTime={topology.fetchedAt}>{topology.fetchedAt.replace('T', ' ').slice(0, 19)} UTC</time>
        </p>
      </div>
      <Notices notices={scope.notices} />
      <Notices notices={topology.warnings} tone="warning" />
      <ResourceTables topology={topology} />
    </main>
  );
}
