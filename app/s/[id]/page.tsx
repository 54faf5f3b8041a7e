import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ServerCanvas } from '@/components/graph/server-graph';
import { PageBand, ScreenPage } from '@/components/layout/page-band';
import { ShareToolbar } from '@/components/share/share-toolbar';
import { DataWarnings } from '@/components/ui/data-warnings';
import { ErrorPanel, TopologyWarnings } from '@/components/ui/notice';
import { parseViewState } from '@/lib/graph/view-state';
import { describeTopology } from '@/lib/share/metadata';
import { findFleetSnapshot, findSnapshot, formatUtc } from '@/lib/share/read';
import { getSnapshotStore } from '@/lib/share/store';
import { snapshotViewParams } from '@/lib/share/view';
import type { SearchParams } from '@/lib/topology/page-params';
import { ResourceTables } from '@/components/topology/resource-tables';
import { FleetSnapshotView } from './_components/fleet-snapshot';
import { SnapshotFacts } from './_components/snapshot-facts';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const found = await findSnapshot(id);
  if (found.kind === 'missing') {
    const fleet = await findFleetSnapshot(id);
    if (fleet.kind === 'found') return { title: fleet.snapshot.title, robots: { index: false } };
  }
  if (found.kind !== 'found') return { title: 'Snapshot not found', robots: { index: false } };
  const { snapshot } = found;
  const description = `Snapshot of ${snapshot.vpcId ?? `all VPCs in ${snapshot.region}`}, captured ${formatUtc(snapshot.topology.fetchedAt)} from ${snapshot.source}: ${describeTopology(snapshot.topology)}.`;
  // og:url and the preview image (opengraph-image.tsx) are made absolute by the root layout's metadataBase.
  return {
    title: snapshot.title,
    description,
    robots: { index: false },
    openGraph: { title: snapshot.title, description, type: 'article', siteName: 'vpc-atlas', url: `/s/${snapshot.id}` },
    twitter: { card: 'summary_large_image', title: snapshot.title, description },
  };
}

export default async function SnapshotPage({ params, searchParams }: Props) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  let found: Awaited<ReturnType<typeof findSnapshot>> | Awaited<ReturnType<typeof findFleetSnapshot>> = await findSnapshot(id);
  if (found.kind === 'missing') {
    // Not a topology: perhaps a frozen fleet (same ids, same table).
    const fleet = await findFleetSnapshot(id);
    if (fleet.kind === 'found') return <FleetSnapshotView snapshot={fleet.snapshot} searchParams={sp} />;
    found = fleet;
  }
  if (found.kind === 'missing') notFound();
  if (found.kind === 'corrupt') {
    return (
      <main className="mx-auto max-w-screen-2xl space-y-4 px-4 py-6">
        <ErrorPanel title="This snapshot cannot be shown" message={found.message} />
      </main>
    );
  }
  const { snapshot } = found;
  const { state, notices } = parseViewState(snapshotViewParams(snapshot.view, sp));
  const others = (await getSnapshotStore().list({ limit: 200 }))
    .filter((s) => s.id !== snapshot.id && !s.corrupt && s.region === snapshot.region && s.vpcId === snapshot.vpcId)
    .slice(0, 10);

  return (
    <ScreenPage
      band={
        <PageBand
          crumbs={[{ href: '/snapshots', label: 'Snapshots' }]}
          title={snapshot.title}
          titleTestId="snapshot-title"
          scope={<SnapshotFacts snapshot={snapshot} />}
          actions={<ShareToolbar region={snapshot.region} source={snapshot.source} {...(snapshot.vpcId ? { vpcId: snapshot.vpcId } : {})} snapshotId={snapshot.id} />}
        />
      }
      messages={
        <>
          {others.length > 0 ? (
            <details className="rounded-lg border border-slate-200 bg-white px-3 py-1.5 text-sm dark:border-slate-800 dark:bg-slate-900" data-testid="compare-with">
              <summary className="cursor-pointer font-medium pointer-coarse:py-0.5">Compare with another snapshot of this {snapshot.vpcId ? 'VPC' : 'region'}</summary>
              <ul className="mt-2 space-y-1">
                {others.map((o) => {
                  const [before, after] = o.createdAt < snapshot.createdAt ? [o.id, snapshot.id] : [snapshot.id, o.id];
                  return (
                    <li key={o.id} className="flex min-w-0 gap-1">
                      <Link href={`/s/${before}/compare/${after}`} title={o.title} className="truncate text-teal-700 hover:underline dark:text-teal-400">
                        {o.title}
                      </Link>{' '}
                      <span className="shrink-0 text-slate-600 dark:text-slate-400">· {formatUtc(o.createdAt)}</span>
                    </li>
                  );
                })}
              </ul>
            </details>
          ) : null}
          {/* As on the live VPC page: what the load could not read, and what the data itself says wrong (of this VPC
              only, for a VPC's snapshot; every VPC's, each named, for a region's). */}
          <TopologyWarnings warnings={snapshot.topology.warnings} />
          <DataWarnings
            warnings={snapshot.vpcId ? snapshot.topology.dataWarnings.filter((w) => w.vpcId === snapshot.vpcId) : snapshot.topology.dataWarnings}
            showVpc={!snapshot.vpcId}
          />
        </>
      }
      canvas={
        <div className="h-full" data-testid="snapshot-graph">
          {/* As on the VPC page: the server lays out the first view and analyses it (findings, paths) while the rest
              of the page streams; a snapshot is the same data, frozen, so it gets the same overlay, read-only. */}
          <ServerCanvas topology={snapshot.topology} {...(snapshot.vpcId ? { vpcId: snapshot.vpcId } : {})} initialView={state} notices={notices} readOnly />
        </div>
      }
      after={
        <details className="group" data-testid="snapshot-tables">
          <summary className="cursor-pointer py-2 text-sm font-medium text-slate-700 dark:text-slate-300">Resources as tables</summary>
          <div className="mt-3">
            <ResourceTables topology={snapshot.topology} />
          </div>
        </details>
      }
    />
  );
}
