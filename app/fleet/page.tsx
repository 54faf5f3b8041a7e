import type { Metadata } from 'next';
import { FleetBoard } from '@/components/fleet/fleet-board';
import { ShareSnapshotButton } from '@/components/share/share-snapshot-button';
import { Notices } from '@/components/ui/notice';
import { getFleetState } from '@/lib/fleet/state';
import { parseFleetView } from '@/lib/fleet/table-view-params';
import type { SearchParams } from '@/lib/topology/page-params';
import { shareFleetSnapshot } from './actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Fleet' };

/**
 * Every account and region in one table. The server answers at once with what has loaded so far (the first pass
 * starts with the first request); the client part polls for the rest, so rows stream in while the page works.
 */
export default async function FleetPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const { view, notices } = parseFleetView(sp);
  const state = getFleetState();
  return (
    <main className="mx-auto max-w-screen-2xl space-y-4 px-4 py-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Fleet</h1>
          <p className="text-sm text-slate-500">Every account and region this server reads ({state.source === 'live' ? 'live AWS' : 'fixture files'}), in one table.</p>
        </div>
        <ShareSnapshotButton share={shareFleetSnapshot} input={{}} what="this fleet" />
      </div>
      <Notices notices={notices} />
      <FleetBoard initialState={state} initialView={view} renderedAt={Date.now()} mode="live" />
    </main>
  );
}
