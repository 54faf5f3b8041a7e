import { Clock, Database, Lock, Users } from 'lucide-react';
import Link from 'next/link';
import { FleetBoard } from '@/components/fleet/fleet-board';
import { Fact } from '@/components/ui/fact';
import { Notices } from '@/components/ui/notice';
import { FLEET_VIEW_KEYS } from '@/lib/fleet/table-view';
import { parseFleetView } from '@/lib/fleet/table-view-params';
import type { FleetSnapshot } from '@/lib/share/fleet-schema';
import { formatUtc } from '@/lib/share/read';
import type { SearchParams } from '@/lib/topology/page-params';

/**
 * A frozen fleet at `/s/<id>`: the table and findings as they were saved, read-only (no polling, no Refresh, no
 * links into live pages). Filters and sort still work and go into this page's URL; without any in the URL, the
 * view saved with the snapshot opens.
 */
export function FleetSnapshotView({ snapshot, searchParams }: { snapshot: FleetSnapshot; searchParams: SearchParams }) {
  const own = Object.values(FLEET_VIEW_KEYS).some((k) => searchParams[k] !== undefined);
  const { view, notices } = parseFleetView(own ? searchParams : Object.fromEntries(new URLSearchParams(snapshot.view)));
  const fleet = snapshot.fleet;
  const icon = 'h-3.5 w-3.5';
  return (
    <main className="mx-auto max-w-screen-2xl space-y-4 px-4 py-6">
      <nav className="text-sm text-slate-500">
        <Link href="/fleet" className="hover:underline">
          Fleet
        </Link>{' '}
        / <span>Snapshot</span>
      </nav>
      <div className="min-w-0 space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="snapshot-title">
          {snapshot.title}
        </h1>
        <p data-testid="snapshot-facts" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <span className="inline-flex items-center gap-1 rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-200">
            <Lock aria-hidden className="h-3 w-3" /> Read-only fleet snapshot
          </span>
          <Fact icon={<Clock className={icon} />} label="Saved">
            <time dateTime={snapshot.createdAt} data-testid="snapshot-captured">
              {formatUtc(snapshot.createdAt)}
            </time>
          </Fact>
          <Fact icon={<Users className={icon} />} label="Accounts">
            <span>{fleet.accounts.length.toLocaleString('en-US')}</span>
          </Fact>
          <Fact icon={<Database className={icon} />} label="Source">
            <span data-testid="snapshot-source">{snapshot.source}</span>
          </Fact>
        </p>
      </div>
      <Notices notices={notices} />
      <FleetBoard initialState={fleet} initialView={view} renderedAt={Date.now()} mode="frozen" />
    </main>
  );
}
