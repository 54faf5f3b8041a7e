import type { Metadata } from 'next';
import { Suspense } from 'react';
import { FleetBoard } from '@/components/fleet/fleet-board';
import { ShareSnapshotButton } from '@/components/share/share-snapshot-button';
import { Notices } from '@/components/ui/notice';
import { getFleetPageState, getFleetStateAndVersion, waitForFirstRows } from '@/lib/fleet/state';
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
 * How long the whole page waits for that row before its heading goes out alone. A table streamed in after the
 * heading is shown at the earliest 300 ms after the heading was painted (React's reveal of streamed content waits
 * that long), so a row that loads within this time comes sooner in the page's first HTML, table and all.
 */
const IN_FIRST_PAINT_MS = 800;

/**
 * Every account and region in one table. When the pass's first row loads quickly (fixture files), the page goes
 * out with it; otherwise the heading goes out at 0.8 s and the table follows in the same response as soon as the
 * first row has loaded (at most 3 s later). Either way rows show before the page's script runs. The client part
 * then long-polls for the rest, so rows stream in while the page works.
 */
export default async function FleetPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const { view, notices } = parseFleetView(sp);
  const source = getConfig().source;
  // Starts the first pass (with the first request), then waits a moment for its first rows.
  getFleetStateAndVersion();
  const quick = await waitForFirstRows({ timeoutMs: IN_FIRST_PAINT_MS });
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
      {quick ? (
        <LiveFleet view={view} waitMs={0} />
      ) : (
        <Suspense fallback={<FleetBoardPlaceholder />}>
          <LiveFleet view={view} waitMs={FIRST_ROWS_MS - IN_FIRST_PAINT_MS} />
        </Suspense>
      )}
    </main>
  );
}

async function LiveFleet({ view, waitMs }: { view: FleetTableView; waitMs: number }) {
  if (waitMs > 0) await waitForFirstRows({ timeoutMs: waitMs });
  // Rows that only wait for their first load go to the page as account and region: its inline data stays small.
  const { state, version } = getFleetPageState();
  return <FleetBoard initialState={state} version={version} initialView={view} renderedAt={Date.now()} mode="live" />;
}
