'use server';

import { resetFixtureData } from '@/lib/ec2/backend';
import { invalidateTopology } from '@/lib/topology/load';

/** Restores the demo (fixture) data to its seed files: what forms created, changed or deleted is undone. */
export async function resetDemoData(): Promise<{ ok: true; message: string } | { ok: false; error: string }> {
  try {
    await resetFixtureData();
    invalidateTopology('fixture');
    return { ok: true, message: 'Demo data reset: every region is back to the fixture files.' };
  } catch (err) {
    console.error('resetDemoData failed', err);
    return { ok: false, error: 'The saved demo state could not be deleted; see the server log.' };
  }
}
