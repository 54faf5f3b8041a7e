import { afterAll, describe, expect, it, vi } from 'vitest';
import { stubFixtureFleet } from './test-fleet';

// The fleet of lib/fleet/test-fleet.ts (6 account-regions), two at a time.
const { restore } = stubFixtureFleet({ ATLAS_FLEET_CONCURRENCY: '2' });

/** Every load the fleet starts, held for a moment so that loads overlap when the fleet lets them. */
const loads = vi.hoisted(() => ({ running: 0, peak: 0, started: 0 }));
vi.mock('@/lib/topology/load', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/topology/load')>();
  return {
    ...real,
    loadTopology: async (options: Parameters<typeof real.loadTopology>[0]) => {
      loads.running += 1;
      loads.started += 1;
      loads.peak = Math.max(loads.peak, loads.running);
      try {
        await new Promise((r) => setTimeout(r, 30));
        return await real.loadTopology(options);
      } finally {
        loads.running -= 1;
      }
    },
  };
});

const { waitForFleet } = await import('./state');

afterAll(restore);

describe('the fleet’s bound', () => {
  it('loads at most ATLAS_FLEET_CONCURRENCY account-regions at once, and all of them in the end', async () => {
    const state = await waitForFleet();
    expect(state).toMatchObject({ total: 6, done: 6 });
    expect(loads.started).toBe(6);
    expect(loads.peak).toBe(2);
  });
});
