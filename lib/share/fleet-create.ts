import 'server-only';
import { getFleetState, waitForFleet } from '@/lib/fleet/state';
import { fleetViewQuery } from '@/lib/fleet/table-view';
import { parseFleetView } from '@/lib/fleet/table-view-params';
import type { FleetState } from '@/lib/fleet/types';
import type { FleetSnapshot } from './fleet-schema';
import { getSnapshotStore } from './store';

/** How long "Share snapshot" waits for a running pass to finish before it freezes what has loaded. */
const WAIT_FOR_PASS_MS = 60_000;

/** "Fleet: 100 accounts, 300 account-regions, 2026-12-07 15:02 UTC". */
export function defaultFleetTitle(fleet: FleetState): string {
  const when = `${(fleet.finishedAt ?? fleet.startedAt).replace('T', ' ').slice(0, 16)} UTC`;
  const n = (x: number, one: string) => `${x.toLocaleString('en-US')} ${one}${x === 1 ? '' : 's'}`;
  return `Fleet: ${n(fleet.accounts.length, 'account')}, ${n(fleet.rows.length, 'account-region')}, ${when}`;
}

/**
 * Freezes the fleet page: the fleet's table and findings as the server has them (after the running pass, if one
 * runs, has finished or a minute has passed) and the page's filters and sort, re-serialized through their schema.
 * Throws the store's SnapshotTooLargeError and SnapshotInputError.
 */
export async function createFleetSnapshot(options: { search: string; title?: string }): Promise<FleetSnapshot> {
  let fleet = getFleetState();
  if (fleet.finishedAt === null) {
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), WAIT_FOR_PASS_MS).unref());
    fleet = (await Promise.race([waitForFleet(), timeout])) ?? getFleetState();
  }
  const { view } = parseFleetView(Object.fromEntries(new URLSearchParams(options.search)));
  return getSnapshotStore().saveFleet({
    title: options.title?.trim() || defaultFleetTitle(fleet),
    source: fleet.source,
    view: fleetViewQuery(view),
    fleet,
  });
}
