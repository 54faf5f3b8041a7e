'use client';

/**
 * The semantic overview's code (`lib/graph/overview`), loaded only for a topology that needs it
 * (`topologyNeedsOverview`): a small VPC's page never fetches it. One load per tab; a failed load can be tried again.
 */

import { startTransition, useLayoutEffect, useMemo, useState } from 'react';
import type * as Overview from '@/lib/graph/overview';
import { topologyNeedsOverview } from '@/lib/graph/overview/threshold';
import type { Topology } from '@/lib/topology/types';

export type OverviewLib = typeof Overview;

let lib: OverviewLib | null = null;
let loading: Promise<OverviewLib> | null = null;

/** The overview's code when it has loaded, else null. */
export function overviewLib(): OverviewLib | null {
  return lib;
}

/** Loads the overview's code (once); rejects when the chunk cannot be fetched, and the next call tries again. */
export function loadOverviewLib(): Promise<OverviewLib> {
  loading ??= import('@/lib/graph/overview').then(
    (m) => (lib = m),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * The overview's code for a canvas drawing `topology` (or its VPC `vpcId`): `lib` when the topology needs an overview
 * and the code is here (null for a small graph); `waiting` while it loads (the canvas shows its placeholder). When the
 * chunk cannot be fetched, `lib` stays null and the detailed graph is drawn.
 */
export function useOverviewLib(topology: Topology, vpcId: string | undefined): { lib: OverviewLib | null; waiting: boolean } {
  const needed = useMemo(() => topologyNeedsOverview(topology, vpcId), [topology, vpcId]);
  const [failed, setFailed] = useState(false);
  const [, setLoaded] = useState(0);
  const waiting = needed && lib === null && !failed;
  useLayoutEffect(() => {
    if (!waiting) return;
    let live = true;
    loadOverviewLib().then(
      () => live && startTransition(() => setLoaded((n) => n + 1)),
      () => live && startTransition(() => setFailed(true)),
    );
    return () => {
      live = false;
    };
  }, [waiting]);
  return { lib: needed ? lib : null, waiting };
}
