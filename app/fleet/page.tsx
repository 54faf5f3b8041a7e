import type { Metadata } from 'next';
import { Suspense } from 'react';
import { FleetBoard } from '@/components/fleet/fleet-board';
import { ShareSnapshotButton } from '@/components/share/share-snapshot-button';
import { Notices } from '@/components/ui/notice';
import { getFleetStateAndVersion, waitForFirstRows } from '@/lib/fleet/state';
import type { FleetTableView } from '@/lib/fleet/table-view';
import { parseFleetView } from '@/lib/fleet/table-view-params';
import type { SearchParams } from '@/lib/topology/page-params';
import { getConfig } from '@/lib/config';
import { shareFleetSnapshot } from './actions';
import { FleetBoardPlaceholder } from '@/components/fleet/fleet-board-placeholder';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Fleet' };

/** How long the table's first HTML may wait for the first finished row of a pass that has just started. */
const FIRST_ROWS_MS = 3_000;

/**
 * Every account and region in one table. The page's heading goes out at once; the table follows in the same
 * response as soon as the first row has loaded (at most 3 s later), so rows show before the page's script runs.
 * The client part then long-polls for the rest, so rows stream in while the page works.
 */
export default async function FleetPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const { view, notices } = parseFleetView(sp);
  const source = getConfig().source;
  return (
    <main className="mx-auto max-w-screen-2xl space-y-4 px-4 py-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Fleet</h1>
          <p className="text-sm text-slate-500">Every account and region this server reads ({source === 'live' ? 'live AWS' : 'fixture files'}), in one table.</p>
        </div>
        <ShareSnapshotButton share={shareFleetSnapshot} input={{}} what="this fleet" />
      </div>
      <Notices notices={notices} />
      <Suspense fallback={<FleetBoardPlaceholder />}>
        <LiveFleet view={view} />
      </Suspense>
    </main>
  );
}

async function LiveFleet({ view }: { view: FleetTableView }) {
  // Starts the first pass (with the first request), then waits a moment for its first rows.
  getFleetStateAndVersion();
  await waitForFirstRows({ timeoutMs: FIRST_ROWS_MS });
  const { state, version } = getFleetStateAndVersion();
  return <FleetBoard initialState={state} version={version} initialView={view} renderedAt={Date.now()} mode="live" />;
}
