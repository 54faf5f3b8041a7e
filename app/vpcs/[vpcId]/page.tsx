import type { Metadata } from 'next';
import { Plus } from 'lucide-react';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { shareSnapshot } from '@/app/s/actions';
import { PageBand, ScreenPage } from '@/components/layout/page-band';
import { ScopeBar } from '@/components/layout/scope-bar';
import { primaryButton } from '@/components/ui/button-styles';
import { ShareToolbar } from '@/components/share/share-toolbar';
import { PREVIEW_SIZE } from '@/components/share/diagram-preview';
import { vpcPreviewPath } from '@/lib/share/vpc-preview';
import { DataWarnings } from '@/components/ui/data-warnings';
import { ErrorPanel, Notices, TopologyWarnings } from '@/components/ui/notice';
import { describeLoadFailure } from '@/lib/topology/errors';
import { loadTopology } from '@/lib/topology/load';
import { loadedScope, resolvePageScope, scopeLoad, scopeQuery, type SearchParams } from '@/lib/topology/page-params';
import { VpcId } from '@/lib/aws/ids';
import type { Topology } from '@/lib/topology/types';
import { ServerCanvas } from '@/components/graph/server-graph';
import { parseViewState } from '@/lib/graph/view-state';
import { getViewer } from '@/lib/auth/viewer';
import { ResourceTablesDetails } from '@/components/topology/resource-tables-details';
import { writesRefusedIn } from '@/lib/topology/write-scope';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ vpcId: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ vpcId }, sp] = await Promise.all([params, searchParams]);
  // The root layout's metadataBase makes the preview's address absolute.
  if (!VpcId.safeParse(vpcId).success) return { title: vpcId };
  // The preview draws the VPC from the link's source and region, which an `opengraph-image` file cannot see.
  const image = { url: vpcPreviewPath(vpcId, sp), ...PREVIEW_SIZE, alt: 'Diagram of this VPC', type: 'image/png' };
  return { title: vpcId, openGraph: { images: [image] }, twitter: { card: 'summary_large_image', images: [image] } };
}

export default async function VpcPage({ params, searchParams }: Props) {
  const [{ vpcId }, sp] = await Promise.all([params, searchParams]);
  if (!VpcId.safeParse(vpcId).success) notFound();
  const scope = await resolvePageScope(sp);
  let topology: Topology;
  try {
    topology = await loadTopology({
      ...scopeLoad(scope),
      vpcId,
      refresh: scope.refresh,
    });
  } catch (err) {
    const failure = describeLoadFailure(err);
    if (failure.status === 404) notFound();
    return (
      <main className="mx-auto max-w-screen-2xl space-y-4 px-4 py-6">
        <PageBand crumbs={[{ href: `/?${scopeQuery(scope)}`, label: scope.region }]} title={vpcId} scope={<ScopeBar scope={scope} loaded={null} action="/" path={`/vpcs/${vpcId}`} />} />
        <Notices notices={scope.notices} />
        <ErrorPanel title={failure.title} message={failure.message} retryHref={`/vpcs/${vpcId}?${scopeQuery(scope)}`} />
      </main>
    );
  }
  // Refresh read the source again and filled the cache; drop `refresh=1` so the URL stays a plain view link.
  if (scope.refresh) redirect(`/vpcs/${vpcId}?${scopeQuery(scope)}`);
  const vpc = topology.vpcs[0]!;
  // Links from findings and forms say `selected=<id>`; the graph's own key is `sel`.
  const viewParams = { ...sp };
  if (viewParams.sel === undefined && typeof sp.selected === 'string') viewParams.sel = sp.selected;
  const view = parseViewState(viewParams);
  // Viewers do not get write affordances; the server actions refuse them regardless.
  // Endpoint forms write to the server's default account (or a profile's): not to another account of the fleet.
  const canEdit = (await getViewer())?.role === 'editor' && !writesRefusedIn(scope);
  const cidrs = `${vpc.id} · ${[...vpc.cidrBlocks, ...vpc.ipv6CidrBlocks].join(', ')}`;
  return (
    <ScreenPage
      band={
        <PageBand
          crumbs={[{ href: `/?${scopeQuery(scope)}`, label: scope.region }]}
          title={vpc.name}
          subtitle={cidrs}
          subtitleText={cidrs}
          subtitleTestId="vpc-cidrs"
          // Region and profile are per account and region: choosing another goes back to the list.
          scope={<ScopeBar scope={scope} loaded={loadedScope(topology)} action="/" path={`/vpcs/${vpcId}`} />}
          actions={
            <>
              {canEdit && (
                <Link href={`/endpoints/new?${scopeQuery(scope, { vpc: vpc.id })}`} className={primaryButton}>
                  <Plus aria-hidden className="h-4 w-4" /> <span className="max-sm:sr-only">New endpoint</span>
                </Link>
              )}
              <ShareToolbar
                region={scope.region}
                source={scope.source}
                vpcId={vpc.id}
                {...(scope.profile ? { profile: scope.profile } : {})}
                {...(scope.account ? { account: scope.account } : {})}
                shareSnapshot={shareSnapshot}
              />
            </>
          }
        />
      }
      messages={
        <>
          <Notices notices={scope.notices} />
          <TopologyWarnings warnings={topology.warnings} />
          <DataWarnings warnings={topology.dataWarnings} />
        </>
      }
      canvas={
        <section aria-label="Topology graph" className="h-full">
          {/* A small VPC's canvas is in the HTML; a big one's analysis and layout are computed while the rest of the
              page, and the canvas's code, load. */}
          <ServerCanvas
            topology={topology}
            vpcId={vpc.id}
            serviceZonesFrom={scopeLoad(scope)}
            linkScope={scope}
            initialView={view.state}
            notices={view.notices}
            {...(canEdit ? { createEndpointHref: `/endpoints/new?${scopeQuery(scope, { vpc: vpc.id })}` } : {})}
            findingsHref={`/findings?${scopeQuery(scope, { vpc: vpc.id })}`}
          />
        </section>
      }
      // Fetched when first opened: a big VPC's tables would weigh on the page the graph loads with.
      after={<ResourceTablesDetails src={`/api/topology?${scopeQuery(scope, { vpc: vpc.id })}`} />}
    />
  );
}
